// Inputs the fuzzers (fuzz/) found crashing, kept under
// tests/fixtures/regressions/ and named after what broke.

#include <catch2/catch.hpp>

#include <limits>

#include <runload/import/garmin_csv.hpp>
#include <runload/import/strava_csv.hpp>
#include <runload/import/tcx_reader.hpp>
#include <runload/import/track_metrics.hpp>
#include <runload/import/values.hpp>
#include <runload/journal/journal_csv.hpp>
#include <runload/model/histogram.hpp>

#include "support/temp_dir.hpp"

using namespace runload;

TEST_CASE("regression: a negative year ('-024-02-01') was read as a date and did not round-trip",
          "[regression][journal]") {
  const auto text = test::read_file(test::source_dir() /
                                    "tests/fixtures/regressions/journal_csv/"
                                    "negative_year_date_round_trip.csv");
  const auto parsed = journal::parse_journal_csv(text, date::year{2024} / 6 / 30);
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].line == 2);
  CHECK_THAT(parsed.problems[0].message, Catch::Contains("date must be a date YYYY-MM-DD"));
}

TEST_CASE("regression: a grade of 1e201 from an absurd elevation overflowed the bin index",
          "[regression][track_metrics]") {
  auto grade = model::make_grade_histogram();
  grade.add(3.49117e201, 10.0, model::k_grade_max_bins);
  grade.add(-3.49117e201, 5.0, model::k_grade_max_bins);
  grade.add(std::numeric_limits<double>::max(), 1.0, model::k_grade_max_bins);
  CHECK(grade.metres.size() == model::k_grade_max_bins);
  CHECK(grade.metres.back() == 11.0);
  CHECK(grade.metres.front() == 5.0);

  model::Track track;
  const model::TimePoint t0{std::chrono::milliseconds{1710057600000}};
  track.segments.push_back({{t0, 45.0, 7.0, 0.0, {}, {}, {}, {}},
                            {t0 + std::chrono::seconds{10}, 45.0003, 7.0, 1e200, {}, {}, {}, {}},
                            {t0 + std::chrono::seconds{20}, 45.0006, 7.0, -1e200, {}, {}, {}, {}}});
  const auto metrics = import::compute_track_metrics(track);
  REQUIRE(metrics.grade_histogram);
  CHECK(metrics.grade_histogram->metres.size() <= model::k_grade_max_bins);
}

TEST_CASE(
    "regression: a Garmin date whose seconds are not digits reached date::parse's "
    "uninitialised seconds",
    "[regression][csv]") {
  // "2024-03-31 01:30:Elevation Loss00": date::parse converted the seconds it
  // failed to read (undefined behaviour). The date is now refused first.
  const auto text = test::read_file(test::source_dir() /
                                    "tests/fixtures/regressions/csv/"
                                    "garmin_date_seconds_not_digits.csv");
  // Dates are no longer read with date::parse; the row is refused by itself
  // (a bad row costs one row), the rest of the file is read.
  const auto result = import::read_garmin_csv(text, {"g.csv", date::locate_zone("UTC")});
  REQUIRE_FALSE(result.warnings.empty());
  CHECK_THAT(result.warnings[0].message, Catch::Contains("cannot read the date"));
  CHECK(result.warnings[0].line == 2);
}

TEST_CASE("regression: times whose seconds are not digits are refused before date::parse",
          "[regression][csv]") {
  CHECK(import::colons_followed_by_digits("2024-03-31 01:30:00"));
  CHECK(import::colons_followed_by_digits("Oct 10, 2016, 8:55:48 PM"));
  CHECK(import::colons_followed_by_digits("no colon"));
  CHECK_FALSE(import::colons_followed_by_digits("2024-03-31 01:30:"));
  CHECK_FALSE(import::colons_followed_by_digits("2024-03-31 01:30:x0"));
  CHECK_FALSE(import::colons_followed_by_digits("01: 30"));

  const auto strava = import::read_strava_csv(
      "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
      "1,\"Oct 10, 2016, 8:55:PM\",x,Run,60,1.0\n",
      {"s.csv", date::locate_zone("UTC")});
  REQUIRE_FALSE(strava.errors.empty());
  CHECK(strava.errors[0].line == 2);
}
