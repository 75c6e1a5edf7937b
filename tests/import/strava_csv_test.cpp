#include <catch2/catch.hpp>

#include <string>

#include <date/tz.h>

#include <runload/import/strava_csv.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;
using runload::model::Sport;
using namespace std::chrono_literals;

namespace {
std::string fixture(const char* name) {
  return runload::test::read_file(runload::test::source_dir() / "tests/fixtures/csv" / name);
}
}  // namespace

TEST_CASE("strava_csv: the second Distance column (metres) wins over the rounded km one",
          "[import][strava]") {
  const std::string text = fixture("strava_duplicate_distance_columns.csv");
  ParseContext ctx{"activities.csv", date::locate_zone("Europe/Berlin")};
  const ParseResult r = read_strava_csv(text, ctx);
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 3);

  const auto& run = r.activities[0];
  const auto& a = run.activity;
  CHECK(*a.distance_m == Approx(6639.39990234375));
  // "Oct 10, 2016, 8:55:48 PM" is UTC: 20:55:48Z; Berlin is on CEST (+2 h).
  CHECK(a.start_utc == date::sys_days{date::October / 10 / 2016} + 20h + 55min + 48s);
  CHECK(a.utc_offset == 2h);
  CHECK(a.offset_origin == runload::model::OffsetOrigin::zone);
  CHECK(a.sport == Sport::run);
  CHECK(a.name == "Afternoon Run");
  CHECK(a.gear == "Pegasus 33");
  CHECK(run.track_file == "activities/740821460.gpx");
  CHECK(*a.elapsed == 1770s);
  CHECK(*a.moving == 1765s);
  CHECK(*a.elevation_gain_m == Approx(58.6));
  CHECK(*a.max_hr == Approx(171.0));
  CHECK(*a.avg_hr == Approx(152.5));
  CHECK(*a.avg_cadence == Approx(169.0));  // 84.5 per leg x 2
  REQUIRE(a.sources.size() == 1);
  CHECK(a.sources[0].format == "strava_csv");
  CHECK(a.sources[0].file == "activities.csv");
  CHECK(a.sources[0].line == 2);

  // No metres value: the km column, 20.00 km = 20000 m.
  CHECK(r.activities[1].activity.sport == Sport::ride);
  CHECK(*r.activities[1].activity.distance_m == Approx(20000.0));
  CHECK(r.activities[1].track_file == "activities/740821461.fit.gz");
  CHECK_FALSE(r.activities[1].activity.avg_hr);
  CHECK(r.activities[2].activity.sport == Sport::trail_run);
  CHECK_FALSE(r.activities[2].track_file);
}

TEST_CASE("strava_csv: a name with a line break and quotes is read whole, lines stay right",
          "[import][strava]") {
  const std::string text = fixture("strava_embedded_newline_and_doubled_quotes.csv");
  const ParseResult r = read_strava_csv(text, ParseContext{"a.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  CHECK(r.activities[0].activity.name == "Run with \"friends\"\nand a second line");
  CHECK(r.activities[1].activity.sources[0].line == 4);
  CHECK(r.activities[1].activity.sport == Sport::walk);
  CHECK(r.activities[0].activity.utc_offset == 0s);  // no zone: UTC
}

TEST_CASE("strava_csv: BOM and CRLF are accepted", "[import][strava]") {
  const std::string text = fixture("strava_bom_crlf.csv");
  const ParseResult r = read_strava_csv(text, ParseContext{"a.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 2);
  CHECK(r.activities[1].activity.sport == Sport::virtual_run);
  CHECK(*r.activities[1].activity.distance_m == Approx(3000.0));
}

TEST_CASE("strava_csv: a German-localised export is read, decimal comma and day-first date",
          "[import][strava]") {
  // Until issue 14 this export was refused, asking for an English one.
  const std::string text = fixture("strava_german_localised.csv");
  const ParseResult r = read_strava_csv(text, ParseContext{"aktivitaeten.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 1);
  const auto& a = r.activities[0].activity;
  CHECK(a.sport == Sport::run);            // "Laufen"
  CHECK(*a.distance_m == Approx(9440.0));  // "9,44" km
  CHECK(*a.elapsed == 3402s);
  CHECK(a.start_utc == date::sys_days{date::December / 9 / 2022} + 15h + 24min + 49s);
  CHECK(a.name == "Nachmittagslauf");
}

TEST_CASE("strava_csv: an unterminated quote refuses the file with its line", "[import][strava]") {
  const std::string text = fixture("unterminated_quote.csv");
  const ParseResult r = read_strava_csv(text, ParseContext{"a.csv"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].line == 2);
}

TEST_CASE("strava_csv: an unreadable date costs its row alone, named by line and column",
          "[import][strava]") {
  // Until issue 14 one such row refused the whole file.
  const ParseResult r = read_strava_csv(
      "Activity ID,Activity Date,Activity Type\n1,\"Oct 10, 2016, 8:55:48 "
      "PM\",Run\n2,yesterday,Run\n",
      ParseContext{"a.csv"});
  REQUIRE(r.ok());
  CHECK(r.activities.size() == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 3);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("column 2 (\"Activity Date\")"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("yesterday"));
  REQUIRE(r.rows);
  CHECK(r.rows->rows == 2);
  CHECK(r.rows->refused == 1);
}

TEST_CASE("strava_csv: activity types map to the contract's sports", "[import][strava]") {
  CHECK(strava_sport("Run") == Sport::run);
  CHECK(strava_sport("Trail Run") == Sport::trail_run);
  CHECK(strava_sport("Virtual Run") == Sport::virtual_run);
  CHECK(strava_sport("Walk") == Sport::walk);
  CHECK(strava_sport("Hike") == Sport::hike);
  CHECK(strava_sport("Ride") == Sport::ride);
  CHECK(strava_sport("Virtual Ride") == Sport::ride);
  CHECK(strava_sport("E-Bike Ride") == Sport::ride);
  CHECK(strava_sport("Mountain Bike Ride") == Sport::ride);
  CHECK(strava_sport("Swim") == Sport::swim);
  CHECK(strava_sport("Alpine Ski") == Sport::other);
  CHECK(strava_sport("Yoga") == Sport::other);
}

TEST_CASE("strava_csv: the real 99-column export reads every row", "[import][strava][corpus]") {
  const auto corpus = runload::test::corpus_dir();
  if (corpus.empty()) {
    WARN("corpus not found (/work/shared/corpus): skipped");
    return;
  }
  const std::string text =
      runload::test::read_file(corpus / "csv/strava_activities_csv_99cols_subset__JoBoSo.csv");
  const ParseResult r = read_strava_csv(text, ParseContext{"activities.csv"});
  REQUIRE(r.ok());
  CHECK(r.activities.size() == 45);
  bool found = false;
  for (const auto& p : r.activities) {
    CHECK(p.track_file.has_value());
    if (p.activity.sources[0].line == 5) {
      // 740821460,"Oct 10, 2016, 8:55:48 PM",Afternoon Run,Run,...,6639.39990234375
      found = true;
      CHECK(p.activity.sport == Sport::run);
      CHECK(*p.activity.distance_m == Approx(6639.4).epsilon(1e-6));
      CHECK(*p.activity.elapsed == 1770s);
      CHECK(*p.activity.moving == 1765s);
    }
  }
  CHECK(found);
}

TEST_CASE("strava_csv: unreadable rows cost those rows alone, named by line and column",
          "[import][strava][rows]") {
  const ParseResult r =
      read_strava_csv(fixture("strava_two_unreadable_rows.csv"), ParseContext{"a.csv"});
  REQUIRE(r.ok());
  REQUIRE(r.rows);
  CHECK(r.rows->rows == 6);
  CHECK(r.rows->refused == 2);
  CHECK(r.rows->imported() == 4);
  REQUIRE(r.activities.size() == 4);
  std::vector<std::string> names;
  for (const auto& p : r.activities) names.push_back(p.activity.name);
  CHECK(names == std::vector<std::string>{"Morning Run", "Good", "Heart rate unreadable",
                                          "Speed unreadable"});
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].line == 3);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("column 11 (\"Distance\")"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("not \"five km\""));
  CHECK(r.warnings[1].line == 5);
  CHECK_THAT(r.warnings[1].message, Catch::Contains("column 2 (\"Activity Date\")"));
  // A heart rate that cannot be read is left unknown; the row is kept.
  CHECK(r.warnings[2].line == 6);
  CHECK_THAT(r.warnings[2].message, Catch::Contains("column 12 (\"Average Heart Rate\")"));
  CHECK_THAT(r.warnings[2].message, Catch::Contains("left unknown"));
  CHECK_FALSE(r.activities[2].activity.avg_hr);
  // A column runload does not read ("Max Speed": "fast") never refuses a row.
  CHECK(*r.activities[3].activity.distance_m == Approx(5000.0));
}

TEST_CASE("strava_csv: a swim's display distance with a thousands mark does not refuse the file",
          "[import][strava][rows]") {
  // "1,250" in the display column, 1250.0 in the metres column: only the
  // metres are read.
  const ParseResult r = read_strava_csv(
      fixture("strava_swim_display_distance_thousands_separator.csv"), ParseContext{"a.csv"});
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  REQUIRE(r.activities.size() == 2);
  CHECK(r.activities[0].activity.sport == Sport::swim);
  CHECK(*r.activities[0].activity.distance_m == Approx(1250.0));
  CHECK(*r.activities[1].activity.distance_m == Approx(8020.5));
}

TEST_CASE("strava_csv: a file whose every row is refused is refused with each row's reason",
          "[import][strava][rows]") {
  const ParseResult r = read_strava_csv(
      "Activity ID,Activity Date,Activity Type,Distance\n1,never,Run,5\n2,\"Mar 4, 2019, 7:00:00 "
      "AM\",Run,-5\n",
      ParseContext{"a.csv"});
  REQUIRE(r.errors.size() == 2);
  CHECK(r.activities.empty());
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[1].line == 3);
  CHECK_THAT(r.errors[1].message, Catch::Contains("not \"-5\""));
  REQUIRE(r.rows);
  CHECK(r.rows->refused == 2);
}

TEST_CASE("strava_csv: a header in no known language without the export's layout is refused",
          "[import][strava]") {
  const ParseResult r = read_strava_csv("Kolumna A,Kolumna B\n1,2\n", ParseContext{"a.csv"});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 1);
  CHECK_THAT(r.errors[0].message, Catch::Contains("not a Strava activities.csv"));
}
