// A summary CSV with unreadable rows through the built binary (issue 14):
// the other rows are stored, the refused ones named by line and column, and
// the summary counts the rows.

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_database.hpp"

namespace {

std::string fixture(const char* name) {
  return (runload::test::source_dir() / "tests/fixtures/csv" / name).string();
}

}  // namespace

TEST_CASE("e2e: a summary CSV with unreadable rows imports every other row and names them",
          "[e2e][import][rows]") {
  runload::test::CliDatabase db;
  const auto path = fixture("strava_two_unreadable_rows.csv");
  const auto imported = runload::test::run_runload(
      {"--db", db.path().string(), "--athlete", "ann", "--tz", "UTC", "import", path});
  INFO(imported.err);
  CHECK(imported.exit_code == 0);
  CHECK_THAT(imported.err, Catch::Contains(path + ":3: row refused"));
  CHECK_THAT(imported.err, Catch::Contains("column 11 (\"Distance\")"));
  CHECK_THAT(imported.err, Catch::Contains(path + ":5: row refused"));
  CHECK_THAT(imported.err, Catch::Contains("6 rows, 4 imported, 2 refused"));
  CHECK(db.runs().size() == 4);
  // --json counts the rows too.
  runload::test::CliDatabase fresh;
  const auto json = fresh.run({"import", path, "--json"});
  CHECK(json.exit_code == 0);
  CHECK_THAT(json.err, Catch::Contains(":5: row refused"));
  const auto summary = nlohmann::json::parse(json.out);
  CHECK(summary["imported"] == 4);
  CHECK(summary["csv_rows"] == nlohmann::json{{"rows", 6}, {"imported", 4}, {"refused", 2}});
  // Importing it again adds nothing: the file is known by its content.
  const auto again = db.run({"import", path, "--json"});
  CHECK(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["duplicates"] == 1);
  CHECK(db.runs().size() == 4);
}
