#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_database.hpp"
#include "support/run_binary.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using runload::test::json_output;
using runload::test::run_runload;
using runload::test::source_dir;
using runload::test::TempDir;
using runload::test::with_db;

namespace {

// The demo history's Strava export in a new database of athlete ann.
std::filesystem::path demo_database(const TempDir& dir) {
  const auto db = dir / "r.db";
  const auto r =
      run_runload(with_db(db, {"import", (source_dir() / "samples" / "strava_export").string()}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("e2e config: set units imperial and the report shows miles", "[e2e][config]") {
  TempDir dir;
  const auto db = demo_database(dir);
  auto r = run_runload(with_db(db, {"report", "--week", "2026-W46"}));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(" km"));
  CHECK_THAT(r.out, !Catch::Contains(" mi "));

  r = run_runload(with_db(db, {"config", "set", "units", "imperial"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "units = imperial\n");
  r = run_runload(with_db(db, {"report", "--week", "2026-W46"}));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(" mi"));
  CHECK_THAT(r.out, Catch::Contains("Settings changed: units imperial (default metric)"));
  CHECK_THAT(r.out, !Catch::Contains(" km "));

  // JSON stays metric and says so.
  const auto doc = json_output(db, {"report", "--week", "2026-W46", "--json"});
  CHECK(doc["units"] == "metric");
  CHECK(doc["load"].contains("distance_km"));
  REQUIRE(doc["settings_changed"].size() == 1);
  CHECK(doc["settings_changed"][0]["key"] == "units");

  REQUIRE(run_runload(with_db(db, {"config", "unset", "units"})).exit_code == 0);
  r = run_runload(with_db(db, {"report", "--week", "2026-W46"}));
  CHECK_THAT(r.out, !Catch::Contains("Settings changed"));
}

TEST_CASE("e2e config: a threshold outside its range is refused with the range, exit 2",
          "[e2e][config]") {
  TempDir dir;
  const auto db = demo_database(dir);
  auto r = run_runload(with_db(db, {"config", "set", "weekly_jump_pct", "80"}));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("weekly_jump_pct must be 10 to 50 %, not '80'"));
  r = run_runload(with_db(db, {"config", "set", "weekly_jump", "20"}));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean 'weekly_jump_pct'"));
  // Nothing was stored.
  r = run_runload(with_db(db, {"config", "get", "weekly_jump_pct"}));
  CHECK(r.out == "30\n");
}

TEST_CASE("e2e config: list shows every key with default and range, marking changes",
          "[e2e][config]") {
  TempDir dir;
  const auto db = demo_database(dir);
  REQUIRE(run_runload(with_db(db, {"config", "set", "pain_run_caution", "4"})).exit_code == 0);
  auto r = run_runload(with_db(db, {"config", "list"}));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("* pain_run_caution"));
  CHECK_THAT(r.out, Catch::Contains("  units"));
  const auto list = json_output(db, {"config", "list", "--json"});
  bool found = false;
  for (const auto& row : list) {
    if (row["key"] != "pain_run_caution") continue;
    found = true;
    CHECK(row["value"] == "4");
    CHECK(row["default"] == "5");
    CHECK(row["changed"] == true);
  }
  CHECK(found);
  // The report names the changed threshold, and the rule uses it.
  r = run_runload(with_db(db, {"report", "--week", "2026-W46"}));
  CHECK_THAT(r.out, Catch::Contains("pain_run_caution 4 points (default 5)"));
}

TEST_CASE("e2e config: the analyzer uses a changed threshold", "[e2e][config]") {
  TempDir dir;
  const auto db = dir / "r.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2026-11-10", "--pain-run", "5"})).exit_code ==
      0);
  // Pain of 5 is not above the default 5 ...
  const std::vector<std::string> report{"report", "--week", "2026-W46", "--fail-on", "caution"};
  CHECK(run_runload(with_db(db, report)).exit_code == 0);
  // ... but is above 4: the same rule, its catalogue entry, a lower number.
  REQUIRE(run_runload(with_db(db, {"config", "set", "pain_run_caution", "4"})).exit_code == 0);
  const auto r = run_runload(with_db(db, report));
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.out, Catch::Contains("pain_during_run"));
  CHECK_THAT(r.out, Catch::Contains("pain_run_caution 4 points (default 5)"));
}

TEST_CASE("e2e config: bash completion offers the keys after config set", "[e2e][config]") {
  const auto r = run_runload({"completion", "bash"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("'config set') words="));
  CHECK_THAT(r.out, Catch::Contains("weekly_jump_pct"));
}

TEST_CASE("e2e config: reading the settings never creates a database", "[e2e][config]") {
  TempDir dir;
  const auto db = dir / "none.db";
  const auto r = run_runload(with_db(db, {"config", "list"}));
  CHECK(r.exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(db));
}
