// The summary CSVs of accounts in other languages (issue 14): each fixture of
// tests/fixtures/csv/locales/ reads to the same activities, with the same
// numbers, as its English twin (the same columns and activities, written as
// an English account exports them). The fixtures and the sources of their
// headers: tests/fixtures/csv/locales/README.md.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <date/tz.h>

#include <runload/import/garmin_csv.hpp>
#include <runload/import/read_any.hpp>
#include <runload/import/strava_csv.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;
using runload::model::Sport;
using namespace std::chrono_literals;

namespace {

std::filesystem::path locales() {
  return runload::test::source_dir() / "tests/fixtures/csv/locales";
}

// Through the one dispatch, so the format is decided from the content as it
// is for `runload import`.
ParseResult read(const std::string& name) {
  std::string bytes = runload::test::read_file(locales() / name);
  return read_file_bytes(locales() / name, bytes,
                         ParseContext{name, date::locate_zone("Europe/Berlin")});
}

void check_same(const ParsedActivity& localised, const ParsedActivity& english) {
  const auto& l = localised.activity;
  const auto& e = english.activity;
  CHECK(l.start_utc == e.start_utc);
  CHECK(l.utc_offset == e.utc_offset);
  CHECK(l.sport == e.sport);
  CHECK(l.name == e.name);
  CHECK(l.distance_m == e.distance_m);
  CHECK(l.elapsed == e.elapsed);
  CHECK(l.moving == e.moving);
  CHECK(l.elevation_gain_m == e.elevation_gain_m);
  CHECK(l.elevation_loss_m == e.elevation_loss_m);
  CHECK(l.avg_hr == e.avg_hr);
  CHECK(l.max_hr == e.max_hr);
  CHECK(l.avg_cadence == e.avg_cadence);
  CHECK(l.max_cadence == e.max_cadence);
  CHECK(l.gear == e.gear);
  CHECK(localised.track_file == english.track_file);
  CHECK(l.sources.at(0).line == e.sources.at(0).line);
}

void check_twins(const std::string& localised_name, const std::string& format) {
  INFO(localised_name);
  const std::string stem = localised_name.substr(0, localised_name.size() - 4);
  const ParseResult localised = read(localised_name);
  const ParseResult english = read(stem + "_english_twin.csv");
  REQUIRE(localised.ok());
  REQUIRE(english.ok());
  CHECK(localised.warnings.empty());
  CHECK(english.warnings.empty());
  REQUIRE(localised.activities.size() == english.activities.size());
  REQUIRE_FALSE(localised.activities.empty());
  CHECK(localised.activities[0].activity.sources.at(0).format == format);
  for (std::size_t i = 0; i < localised.activities.size(); ++i) {
    INFO("row " << i + 2);
    check_same(localised.activities[i], english.activities[i]);
  }
  REQUIRE(localised.rows);
  CHECK(localised.rows->rows == static_cast<std::int64_t>(localised.activities.size()));
  CHECK(localised.rows->refused == 0);
}

}  // namespace

TEST_CASE("summary csv locales: Strava exports in every language read as their English twins",
          "[import][strava][locales]") {
  for (const char* name :
       {"strava_de_92_columns.csv", "strava_fr_21_columns.csv", "strava_es_reduced_header.csv",
        "strava_it_21_columns_names_inferred.csv", "strava_pt_21_columns_names_inferred.csv",
        "strava_nl_fixture_names.csv", "strava_unknown_language_read_by_layout.csv"})
    check_twins(name, "strava_csv");
}

TEST_CASE("summary csv locales: the English twins hold the numbers of the export",
          "[import][strava][locales]") {
  // What every twin is compared with must itself be right.
  const ParseResult r = read("strava_de_92_columns_english_twin.csv");
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 6);
  const auto& run = r.activities[0].activity;
  CHECK(run.sport == Sport::run);
  CHECK(run.start_utc == date::sys_days{date::October / 10 / 2016} + 20h + 55min + 48s);
  CHECK(*run.distance_m == Approx(6639.4));  // the metres column, not "6.64"
  CHECK(*run.elapsed == 1770s);
  CHECK(*run.moving == 1765s);
  CHECK(*run.elevation_gain_m == Approx(58.6));
  CHECK(*run.elevation_loss_m == Approx(57.1));
  CHECK(*run.avg_hr == Approx(152.5));
  CHECK(*run.max_hr == Approx(171.0));
  CHECK(*run.avg_cadence == Approx(169.0));  // 84.5 per leg
  CHECK(run.gear == "Pegasus 33");
  CHECK(r.activities[0].track_file == "activities/740821460.gpx");
  const Sport sports[] = {Sport::run,  Sport::trail_run, Sport::swim,
                          Sport::walk, Sport::ride,      Sport::hike};
  for (std::size_t i = 0; i < 6; ++i) CHECK(r.activities[i].activity.sport == sports[i]);
  // The swim's display distance "1,250" is metres, the precise column too.
  CHECK(*r.activities[2].activity.distance_m == Approx(1250.0));
  CHECK_FALSE(r.activities[2].activity.avg_hr);
  // 12:00:00 PM is noon.
  CHECK(r.activities[3].activity.start_utc == date::sys_days{date::October / 18 / 2016} + 12h);
}

TEST_CASE("summary csv locales: the 103-column English export reads", "[import][strava][locales]") {
  const ParseResult r = read("strava_en_103_columns.csv");
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 6);
  CHECK(*r.activities[1].activity.distance_m == Approx(12051.2));
  CHECK(r.activities[1].activity.sport == Sport::trail_run);
}

TEST_CASE("summary csv locales: Garmin Connect exports in every language read as their twins",
          "[import][garmin][locales]") {
  for (const char* name : {"garmin_de.csv", "garmin_fr.csv", "garmin_es.csv", "garmin_it.csv",
                           "garmin_nl.csv", "garmin_pt.csv", "garmin_hu.csv"})
    check_twins(name, "garmin_csv");
}

TEST_CASE("summary csv locales: the English Garmin export, --:--:-- and thousands marks",
          "[import][garmin][locales]") {
  const ParseResult r = read("garmin_en_2025.csv");
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  REQUIRE(r.activities.size() == 5);
  const Sport sports[] = {Sport::run, Sport::treadmill_run, Sport::trail_run, Sport::ride,
                          Sport::swim};
  for (std::size_t i = 0; i < 5; ++i) CHECK(r.activities[i].activity.sport == sports[i]);
  const auto& run = r.activities[0].activity;
  // 2026-02-06 17:06:03 in Berlin (CET, +1) is 16:06:03Z.
  CHECK(run.start_utc == date::sys_days{date::February / 6 / 2026} + 16h + 6min + 3s);
  CHECK(*run.distance_m == Approx(5480.0));
  CHECK(*run.elapsed == 32min + 57s);
  CHECK(*run.moving == 31min + 8s);
  CHECK(*run.avg_hr == 153.0);
  CHECK(*run.elevation_gain_m == 215.0);
  // "--:--:--" is no moving time, not a reason to refuse the row.
  CHECK_FALSE(r.activities[1].activity.moving);
  CHECK(*r.activities[1].activity.elapsed == 45min + 10s);
  CHECK_FALSE(r.activities[1].activity.elevation_gain_m);
  CHECK(*r.activities[2].activity.elevation_gain_m == 1024.0);    // "1,024"
  CHECK(*r.activities[4].activity.distance_m == Approx(1500.0));  // a swim's "1,500" metres
}
