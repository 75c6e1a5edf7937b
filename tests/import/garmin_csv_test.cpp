#include <catch2/catch.hpp>

#include <string>

#include <date/tz.h>

#include <runload/import/csv_reader.hpp>
#include <runload/import/garmin_csv.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;
using runload::model::Sport;
using namespace std::chrono_literals;

namespace {
std::string fixture(const char* name) {
  return runload::test::read_file(runload::test::source_dir() / "tests/fixtures/csv" / name);
}
ParseContext berlin(const char* file) {
  return ParseContext{file, date::locate_zone("Europe/Berlin")};
}
}  // namespace

TEST_CASE("garmin_csv: decimal comma, thousands dot, -- and comma fractions in durations",
          "[import][garmin]") {
  const std::string text = fixture("garmin_decimal_comma_thousands_dot.csv");
  const ParseResult r = read_garmin_csv(text, berlin("Activities.csv"));
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  const auto& a = r.activities[0].activity;
  CHECK(a.sport == Sport::run);
  CHECK(a.name == "Night Run");
  CHECK(*a.distance_m == Approx(10500.0));     // "10,50" km
  CHECK(*a.elevation_gain_m == Approx(1024));  // "1.024" with a thousands dot
  CHECK_FALSE(a.elevation_loss_m);             // "--"
  CHECK(*a.elapsed == 55min + 30s);            // "Elapsed Time" wins over "Time"
  CHECK(*a.moving == 54min + 10s);
  CHECK(*a.avg_hr == Approx(150));
  CHECK(*a.avg_cadence == Approx(172));
  // 2024-03-31 01:30 in Berlin is still CET (+1): 00:30Z.
  CHECK(a.start_utc == date::sys_days{date::March / 31 / 2024} + 30min);
  CHECK(a.utc_offset == 1h);
  CHECK(a.local_date() == date::sys_days{date::March / 31 / 2024});
  CHECK(a.sources[0].format == "garmin_csv");
  CHECK(a.sources[0].line == 2);
  CHECK(r.activities[1].activity.sport == Sport::treadmill_run);
  CHECK(*r.activities[1].activity.distance_m == Approx(3400.0));
}

TEST_CASE("garmin_csv: decimal point with thousands comma is told apart", "[import][garmin]") {
  const std::string text = fixture("garmin_decimal_point_thousands_comma.csv");
  const CsvTable table = parse_csv(text);
  const NumberStyle style = decide_number_style(table);
  CHECK(style.decimal == '.');
  const ParseResult r = read_garmin_csv(text, berlin("Activities.csv"));
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  const auto& a = r.activities[0].activity;
  CHECK(a.sport == Sport::trail_run);
  CHECK(*a.distance_m == Approx(21100.0));
  CHECK(*a.elevation_gain_m == Approx(1024.0));  // "1,024"
  CHECK(*a.elapsed == 2h + 31min + 10s);
  CHECK(r.activities[1].activity.sport == Sport::walk);
  CHECK_FALSE(r.activities[1].activity.avg_hr);
  CHECK_FALSE(r.activities[1].activity.moving);
}

TEST_CASE("garmin_csv: a file of only ambiguous numbers reads them the English way",
          "[import][garmin]") {
  const std::string text = fixture("garmin_only_ambiguous_numbers.csv");
  const NumberStyle style = decide_number_style(parse_csv(text));
  CHECK(style.decimal == '.');
  CHECK(style.thousands == ',');
}

TEST_CASE("garmin_csv: miles accounts convert distance and feet", "[import][garmin]") {
  const std::string text = fixture("garmin_decimal_point_thousands_comma.csv");
  ParseContext ctx = berlin("Activities.csv");
  ctx.distance_unit = DistanceUnit::miles;
  const ParseResult r = read_garmin_csv(text, ctx);
  REQUIRE(r.ok());
  // 21.10 mi x 1609.344 m = 33957.1584 m; 1024 ft x 0.3048 = 312.1152 m.
  CHECK(*r.activities[0].activity.distance_m == Approx(33957.1584));
  CHECK(*r.activities[0].activity.elevation_gain_m == Approx(312.1152));
}

TEST_CASE("garmin_csv: repeated and skipped local hours take the earliest instant",
          "[import][garmin]") {
  const std::string text = fixture("garmin_dst_ambiguous_and_nonexistent.csv");
  const ParseResult r = read_garmin_csv(text, berlin("Activities.csv"));
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  // 2024-10-27 02:30 happens twice in Berlin; the first is 02:30 CEST = 00:30Z.
  CHECK(r.activities[0].activity.start_utc == date::sys_days{date::October / 27 / 2024} + 30min);
  CHECK(r.activities[0].activity.utc_offset == 2h);
  // 2024-03-31 02:30 does not exist; it maps to the transition, 01:00Z (03:00 CEST).
  CHECK(r.activities[1].activity.start_utc == date::sys_days{date::March / 31 / 2024} + 1h);
  CHECK(r.activities[1].activity.utc_offset == 2h);
}

TEST_CASE("garmin_csv: an unreadable number refuses the file naming the line", "[import][garmin]") {
  const ParseResult r =
      read_garmin_csv("Activity Type,Date,Title,Distance\nRunning,2024-01-01 10:00:00,x,\"abc\"\n",
                      ParseContext{"a.csv"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].line == 2);
}

TEST_CASE("garmin_csv: the real decimal-comma CRLF export reads every row",
          "[import][garmin][corpus]") {
  const auto corpus = runload::test::corpus_dir();
  if (corpus.empty()) {
    WARN("corpus not found (/work/shared/corpus): skipped");
    return;
  }
  const std::string text = runload::test::read_file(
      corpus / "csv/garmin_connect_activities_decimal_comma_crlf_subset__grunt.csv");
  CHECK(decide_number_style(parse_csv(text)).decimal == ',');
  const ParseResult r = read_garmin_csv(text, berlin("Activities.csv"));
  REQUIRE(r.ok());
  CHECK(r.activities.size() == 60);
  // First row: Treadmill Running,2026-01-04 12:38:59,...,"3,40",...,"00:17:01" elapsed
  const auto& a = r.activities[0].activity;
  CHECK(a.sport == Sport::treadmill_run);
  CHECK(*a.distance_m == Approx(3400.0));
  CHECK(*a.elapsed == 17min + 1s);
  CHECK(*a.moving == 16min + 51s);
  CHECK(a.start_utc == date::sys_days{date::January / 4 / 2026} + 11h + 38min + 59s);
  for (const auto& p : r.activities) CHECK(runload::model::is_running(p.activity.sport));
}

TEST_CASE("garmin_csv: --:--:--, --:-- and No are no value, not an unreadable row",
          "[import][garmin][rows]") {
  const ParseResult r = read_garmin_csv(fixture("garmin_moving_time_no_value_dashes_colons.csv"),
                                        berlin("Activities.csv"));
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  REQUIRE(r.activities.size() == 3);
  CHECK_FALSE(r.activities[0].activity.moving);
  CHECK(*r.activities[0].activity.elapsed == 51min);
  CHECK(*r.activities[1].activity.moving == 39min + 30s);
  CHECK(*r.activities[1].activity.elapsed == 40min);  // "--:--" elapsed: the total time
  CHECK_FALSE(r.activities[1].activity.avg_hr);
  CHECK_FALSE(r.activities[2].activity.moving);  // "No"
  CHECK_FALSE(r.activities[2].activity.distance_m);
  CHECK(r.activities[2].activity.sport == Sport::other);
  REQUIRE(r.rows);
  CHECK(r.rows->refused == 0);
}

TEST_CASE("garmin_csv: an unreadable row costs that row alone, and zero heart rate is unknown",
          "[import][garmin][rows]") {
  const ParseResult r =
      read_garmin_csv(fixture("garmin_one_unreadable_row.csv"), berlin("Activities.csv"));
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 3);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("column 5 (\"Distance\")"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("\"ten\""));
  CHECK_FALSE(r.activities[1].activity.avg_hr);  // "0": no sensor
  CHECK_FALSE(r.activities[1].activity.max_hr);
  REQUIRE(r.rows);
  CHECK(r.rows->rows == 3);
  CHECK(r.rows->refused == 1);
}

TEST_CASE("garmin_csv: an elapsed time shorter than the total time is replaced by it",
          "[import][garmin]") {
  // Seen in a real export: 00:00:29.3 of elapsed time for an hour's run.
  const ParseResult r = read_garmin_csv(
      "Activity Type,Date,Title,Distance,Time,Moving Time,Elapsed Time\n"
      "Running,2024-05-01 07:00:00,Run,10.00,00:58:00,00:57:00,00:00:29.3\n",
      berlin("a.csv"));
  REQUIRE(r.ok());
  CHECK(*r.activities.at(0).activity.elapsed == 58min);
}

TEST_CASE("garmin_csv: a spreadsheet's US dates and text apostrophes are read",
          "[import][garmin]") {
  const ParseResult r = read_garmin_csv(
      "Activity Type,Date,Favorite,Title,Distance,Time,Total Ascent\n"
      "Running,7/4/2020 15:36,FALSE,Independence Run,7.16,0:49:12,'120\n"
      "Running,7/14/2020 06:10,FALSE,Early,5.00,0:30:00,'-12\n",
      ParseContext{"a.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  // Month first: 7/14 settles it for the whole file.
  CHECK(r.activities[0].activity.start_utc == date::sys_days{date::July / 4 / 2020} + 15h + 36min);
  CHECK(*r.activities[0].activity.elevation_gain_m == 120.0);
  CHECK_FALSE(r.activities[1].activity.elevation_gain_m);  // negative climb: unknown
}
