#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunOptions;
using runload::test::TempDir;

TEST_CASE("e2e: --help prints the commands on stdout and exits 0", "[e2e]") {
  const auto r = run_runload({"--help"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("doctor"));
  CHECK(r.err.empty());
}

TEST_CASE("e2e: --version prints the version on stdout and exits 0", "[e2e]") {
  const auto r = run_runload({"--version"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("runload "));
}

TEST_CASE("e2e: no arguments prints short usage on stderr and exits 2", "[e2e]") {
  const auto r = run_runload({});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("usage: runload"));
}

TEST_CASE("e2e: an unknown command suggests the nearest and exits 2", "[e2e]") {
  const auto r = run_runload({"docter"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("runload: error: unknown command 'docter'"));
  CHECK_THAT(r.err, Catch::Contains("did you mean 'doctor'?"));
}

TEST_CASE("e2e: an unknown option is a usage error", "[e2e]") {
  TempDir dir;
  const auto r = run_runload({"--db", (dir / "x.db").string(), "doctor", "--frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("runload: error:"));
}

TEST_CASE("e2e: doctor on a fresh database is healthy, in text and JSON", "[e2e]") {
  TempDir dir;
  const auto db = (dir / "fresh.db").string();
  // doctor reads: it never creates the database, an import of nothing does.
  std::filesystem::create_directories(dir / "empty");
  REQUIRE(run_runload({"--db", db, "--tz", "UTC", "import", (dir / "empty").string()}).exit_code ==
          0);
  const auto text = run_runload({"--db", db, "doctor"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("integrity     ok"));
  CHECK_THAT(text.out, Catch::Contains("healthy"));
  const auto json = run_runload({"--db", db, "doctor", "--json"});
  REQUIRE(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["healthy"] == true);
  CHECK(doc["integrity"] == nlohmann::json::array({"ok"}));
}

TEST_CASE("e2e: the database comes from RUNLOAD_DB, then XDG_DATA_HOME", "[e2e]") {
  TempDir dir;
  const auto env_db = (dir / "env.db").string();
  // doctor never creates a database: each is made first by a writing command.
  std::filesystem::create_directories(dir / "empty");
  const std::vector<std::string> create{"--tz", "UTC", "import", (dir / "empty").string()};
  REQUIRE(run_runload(create, {{{"RUNLOAD_DB", env_db}}, "", ""}).exit_code == 0);
  auto r = run_runload({"doctor", "--json"}, {{{"RUNLOAD_DB", env_db}}, "", ""});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["path"] == env_db);
  const RunOptions xdg{{{"RUNLOAD_DB", ""}, {"XDG_DATA_HOME", dir.path().string()}}, "", ""};
  REQUIRE(run_runload(create, xdg).exit_code == 0);
  r = run_runload({"doctor", "--json"}, xdg);
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["path"] == (dir / "runload" / "runload.db").string());
}

TEST_CASE("e2e: doctor refuses a file that is not a database, exit 3, file untouched", "[e2e]") {
  TempDir dir;
  const auto path = dir.write("notes.txt", "not a database");
  const auto r = run_runload({"--db", path.string(), "doctor"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("not an SQLite database"));
  CHECK(runload::test::read_file(path) == "not a database");
}

TEST_CASE("e2e: piped output carries no colour escapes, even with TERM set", "[e2e]") {
  TempDir dir;
  const auto db = (dir / "c.db").string();
  // doctor reads an existing database; a journal entry creates it.
  REQUIRE(run_runload({"--db", db, "--tz", "UTC", "journal", "--stiffness", "1"}).exit_code == 0);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--db", db, "doctor"}, {"docter"}, {"--db", db, "--color", "auto", "doctor"}}) {
    const auto r = run_runload(args, {{{"TERM", "xterm-256color"}, {"NO_COLOR", ""}}, "", ""});
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
  const auto forced = run_runload({"--db", db, "--color", "always", "doctor"});
  CHECK(forced.out.find('\x1b') != std::string::npos);
}
