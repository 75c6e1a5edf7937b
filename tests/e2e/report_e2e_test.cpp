#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;

namespace {

RunResult runload_in(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", (dir / "r.db").string(), "--tz", "Europe/Berlin"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

// The database of runload_in(), made by an import of nothing: a report never
// creates one.
void create_database(const TempDir& dir) {
  std::filesystem::create_directories(dir / "nothing");
  REQUIRE(runload_in(dir, {"import", (dir / "nothing").string()}).exit_code == 0);
}

}  // namespace

TEST_CASE("e2e report: an empty database prints an honest empty report, exit 0", "[e2e][report]") {
  TempDir dir;
  create_database(dir);
  auto r = runload_in(dir, {"report", "--week", "2026-W46"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("No runs yet"));
  CHECK_THAT(r.out, Catch::Contains("runload import"));
  CHECK(r.out.find('\x1b') == std::string::npos);
  r = runload_in(dir, {"report", "--json", "--date", "2026-11-11"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["week"]["iso"] == "2026-W46");
  // No history: only the reported week, no empty weeks before it.
  CHECK(doc["weeks"].size() == 1);
  CHECK(doc["flags"].empty());
  CHECK(doc["first_run_date"].is_null());
  CHECK(doc["status"]["level"] == "green");
}

TEST_CASE("e2e report: --fail-on exits 4 at or above the severity, after printing",
          "[e2e][report]") {
  TempDir dir;
  REQUIRE(runload_in(dir, {"journal", "--date", "2026-11-10", "--pain-run", "6"}).exit_code == 0);
  auto r = runload_in(dir, {"report", "--week", "2026-W46", "--fail-on", "caution"});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.out, Catch::Contains("CAUTION"));
  CHECK(runload_in(dir, {"report", "--week", "2026-W46", "--fail-on", "high"}).exit_code == 0);
  CHECK(runload_in(dir, {"report", "--week", "2026-W45", "--fail-on", "caution"}).exit_code == 0);

  REQUIRE(runload_in(dir, {"journal", "--date", "2026-11-12", "--pop"}).exit_code == 0);
  r = runload_in(dir, {"report", "--week", "2026-W46", "--json", "--fail-on", "urgent"});
  CHECK(r.exit_code == 4);
  CHECK(nlohmann::json::parse(r.out)["flags"].size() == 2);
  CHECK(runload_in(dir, {"report", "--week", "2026-W46"}).exit_code == 0);
}

TEST_CASE("e2e report: bad options exit 2 naming the option", "[e2e][report]") {
  TempDir dir;
  create_database(dir);
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--week", "2021-W53"}, "--week"},
      {{"--week", "2024-03-01"}, "--week"},
      {{"--date", "2024-02-30"}, "--date"},
      {{"--week", "2020-W53", "--date", "2020-12-28"}, "--week and --date"},
      {{"--weeks", "0"}, "--weeks"},
      {{"--weeks", "105"}, "--weeks"},
      {{"--weeks", "8x"}, "--weeks"},
      {{"--fail-on", "info"}, "--fail-on"},
      {{"--fail-on", "severe"}, "--fail-on"},
  };
  for (const auto& [args, option] : cases) {
    std::vector<std::string> full{"report"};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = runload_in(dir, full);
    INFO(args.front() << " " << args.back());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(option));
  }
  CHECK(runload_in(dir, {"report", "--week", "2020-W53"}).exit_code == 0);
}

TEST_CASE("e2e report: --html writes a page, and '-' writes it to stdout", "[e2e][report]") {
  TempDir dir;
  REQUIRE(runload_in(dir, {"--athlete", "<script>x</script>", "journal", "--date", "2026-11-10",
                           "--stiffness", "2", "--note", "<img src=x>"})
              .exit_code == 0);
  const auto path = (dir / "week.html").string();
  auto r = runload_in(
      dir, {"--athlete", "<script>x</script>", "report", "--week", "2026-W46", "--html", path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  const auto page = runload::test::read_file(path);
  CHECK_THAT(page, Catch::Contains("&lt;script&gt;x&lt;/script&gt;"));
  CHECK_THAT(page, Catch::Contains("&lt;img src=x&gt;"));
  CHECK(page.find("<script") == std::string::npos);
  r = runload_in(
      dir, {"--athlete", "<script>x</script>", "report", "--week", "2026-W46", "--html", "-"});
  CHECK(r.out == page);
}
