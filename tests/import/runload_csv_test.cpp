#include <catch2/catch.hpp>

#include <string>

#include <date/tz.h>

#include <runload/import/runload_csv.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;
using runload::model::Sport;
using namespace std::chrono_literals;

namespace {
std::string fixture(const char* name) {
  return runload::test::read_file(runload::test::source_dir() / "tests/fixtures/csv" / name);
}
}  // namespace

TEST_CASE("runload_csv: the documented columns read into activities", "[import][runload_csv]") {
  const std::string text = fixture("runload_simple.csv");
  const ParseResult r =
      read_runload_csv(text, ParseContext{"log.csv", date::locate_zone("Europe/Berlin")});
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  REQUIRE(r.activities.size() == 3);

  const auto& a = r.activities[0].activity;
  // 2024-03-10 07:30 CET = 06:30Z.
  CHECK(a.start_utc == date::sys_days{date::March / 10 / 2024} + 6h + 30min);
  CHECK(a.utc_offset == 1h);
  CHECK(*a.distance_m == Approx(10500.0));
  CHECK(*a.elapsed == 55min + 20s);
  CHECK(*a.elevation_gain_m == Approx(120.0));
  CHECK(a.sport == Sport::run);
  CHECK(a.gear == "Pegasus 40");
  CHECK(a.name == "Sunday long run");
  CHECK(a.sources[0].format == "runload_csv");
  CHECK(a.sources[0].line == 2);

  const auto& b = r.activities[1].activity;
  CHECK(b.start_utc == date::sys_days{date::March / 12 / 2024} + 11h);  // noon CET
  CHECK(*b.elapsed == 42min + 10s);
  CHECK(b.sport == Sport::trail_run);
  CHECK_FALSE(b.gear);
  CHECK_FALSE(b.elevation_gain_m);
  CHECK(b.name == "Hills, easy");

  // Sunday 23:30:15 local stays on Sunday 17 March.
  const auto& c = r.activities[2].activity;
  CHECK(c.local_date() == date::sys_days{date::March / 17 / 2024});
  CHECK(c.start_utc == date::sys_days{date::March / 17 / 2024} + 22h + 30min + 15s);
}

TEST_CASE("runload_csv: an unknown sport refuses the file naming the line",
          "[import][runload_csv]") {
  const ParseResult r = read_runload_csv(fixture("runload_unknown_sport.csv"), ParseContext{"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].line == 2);
  CHECK_THAT(r.errors[0].message, Catch::Contains("jogging"));
}

TEST_CASE("runload_csv: an impossible date is refused", "[import][runload_csv]") {
  const ParseResult r = read_runload_csv(fixture("runload_impossible_date.csv"), ParseContext{"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].line == 2);
}

TEST_CASE("runload_csv: a header without date or distance_km is refused", "[import][runload_csv]") {
  const ParseResult r = read_runload_csv("day,km\n2024-01-01,5\n", ParseContext{"x"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].line == 1);
}

TEST_CASE("runload_csv: an unreadable row costs that row alone, named by line and column",
          "[import][runload_csv][rows]") {
  const ParseResult r =
      read_runload_csv(fixture("runload_one_unreadable_row.csv"), ParseContext{"log.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 3);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("column 5 (\"sport\")"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("jogging"));
  REQUIRE(r.rows);
  CHECK(r.rows->rows == 3);
  CHECK(r.rows->refused == 1);
}
