#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::TempDir;

namespace {

// What bash's completion offers for the command line `words` (the last word
// is the one being completed), one candidate a line, with the generated
// script sourced and the built runload first on PATH.
std::string complete(const TempDir& dir, const std::string& words) {
  const auto driver = dir.write("driver.sh",
                                "source \"$1\"\n"
                                "eval \"COMP_WORDS=($2)\"\n"
                                "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                                "COMPREPLY=()\n"
                                "_runload\n"
                                "(( ${#COMPREPLY[@]} )) && printf '%s\\n' \"${COMPREPLY[@]}\"\n"
                                "exit 0\n");
  const std::string command = "PATH='" + (dir / "bin").string() + "':\"$PATH\" bash '" +
                              driver.string() + "' '" + (dir / "runload.bash").string() + "' \"" +
                              words + "\"";
  std::string out;
  if (auto* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe))
      out.append(buffer.data(), n);
    ::pclose(pipe);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "e2e completion: bash completes commands, subcommands, options, their values and shoe "
    "names from the database",
    "[e2e][cli][completion]") {
  if (std::system("command -v bash >/dev/null 2>&1") != 0) {
    WARN("bash is not installed: completion not checked");
    return;
  }
  TempDir dir;
  const auto script = run_runload({"completion", "bash"});
  REQUIRE(script.exit_code == 0);
  dir.write("runload.bash", script.out);
  std::filesystem::create_directories(dir / "bin");
  std::filesystem::create_symlink(RUNLOAD_BINARY, dir / "bin" / "runload");

  CHECK(complete(dir, "runload gea") == "gear\n");
  CHECK(complete(dir, "runload gear ed") == "edit\n");
  CHECK(complete(dir, "runload --color a") == "auto\nalways\n");
  CHECK(complete(dir, "runload report --fail-on h") == "high\n");
  CHECK(complete(dir, "runload import --garmin-units ''") == "km\nmi\n");
  CHECK(complete(dir, "runload export --format ''") == "json\ncsv\nsqlite\n");
  CHECK(complete(dir, "runload exp") == "export\n");
  CHECK(complete(dir, "runload report --wee") == "--week\n--weeks\n");
  CHECK(complete(dir, "runload gear edit Brooks --drop ''").empty());  // a number: nothing to offer

  const auto db = (dir / "r.db").string();
  // No database yet: no names, and completing creates none.
  CHECK(complete(dir, "runload --db " + db + " gear edit ''").empty());
  CHECK_FALSE(std::filesystem::exists(db));
  REQUIRE(run_runload({"--db", db, "gear", "add", "Brooks Ghost 15"}).exit_code == 0);
  REQUIRE(run_runload({"--db", db, "gear", "add", "Kinvara"}).exit_code == 0);
  CHECK(complete(dir, "runload --db " + db + " gear edit Bro") == "Brooks\\ Ghost\\ 15\n");
  CHECK(complete(dir, "runload --db " + db + " gear retire ''") ==
        "Brooks\\ Ghost\\ 15\nKinvara\n");
}

TEST_CASE(
    "e2e completion: zsh and fish scripts name every command, and another shell is a usage "
    "error",
    "[e2e][cli][completion]") {
  for (const char* shell : {"zsh", "fish"}) {
    const auto r = run_runload({"completion", shell});
    REQUIRE(r.exit_code == 0);
    for (const char* command : {"import", "runs", "journal", "gear", "report", "doctor"})
      CHECK_THAT(r.out, Catch::Contains(command));
  }
  CHECK_THAT(run_runload({"completion", "fish"}).out,
             Catch::Contains("(runload completion --names gear 2>/dev/null)"));
  const auto bad = run_runload({"completion", "tcsh"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("tcsh"));
}
