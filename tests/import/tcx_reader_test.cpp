#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <runload/import/tcx_reader.hpp>

#include "support/temp_dir.hpp"

using namespace runload;
using namespace runload::import;
using namespace std::chrono_literals;

namespace {

ParseResult read_fixture(const std::string& name) {
  std::string buffer = test::read_file(test::source_dir() / "tests/fixtures/tcx" / name);
  return read_tcx(buffer, ParseContext{name, nullptr});
}

}  // namespace

TEST_CASE("tcx_reader: leading whitespace and a lowercase sport are accepted, laps are summed",
          "[import][tcx]") {
  const auto result = read_fixture("leading_whitespace_lowercase_sport.tcx");
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 1);
  const auto& a = result.activities[0].activity;
  CHECK(a.sport == model::Sport::run);
  CHECK(a.start_utc == date::sys_days{date::year{2024} / 3 / 10} + 8h);
  CHECK(a.distance_m == Approx(2000.0));         // 1000.5 + 999.5
  CHECK(a.elapsed == 600s);                      // 300.4 + 299.8 = 600.2
  CHECK(a.avg_hr == Approx(150.0).margin(0.1));  // 140 and 160, time-weighted
  CHECK(a.max_hr == 170.0);
  CHECK(a.sources.at(0).format == "tcx");
}

TEST_CASE("tcx_reader: each Track is a segment, points without Position keep their values",
          "[import][tcx]") {
  const auto result = read_fixture("leading_whitespace_lowercase_sport.tcx");
  REQUIRE(result.ok());
  const auto& track = result.activities.at(0).track;
  REQUIRE(track);
  REQUIRE(track->segments.size() == 2);
  const auto& first = track->segments[0][0];
  CHECK(first.lat == 45.5);
  CHECK(first.lon == -73.5);
  CHECK(first.ele_m == 30.5);
  CHECK(first.hr_bpm == 120.0);
  CHECK(first.cadence_spm == 170.0);  // TPX RunCadence 85 strides/min
  const auto& second = track->segments[0][1];
  CHECK_FALSE(second.lat);
  CHECK(second.device_distance_m == 15.0);
  CHECK(second.time == model::TimePoint{date::sys_days{date::year{2024} / 3 / 10} + 8h + 5500ms});
}

TEST_CASE("tcx_reader: a course is refused as a course, with its line", "[import][tcx]") {
  const auto result = read_fixture("course_not_activity.tcx");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.activities.empty());
  CHECK(result.errors[0].line == 4);
  CHECK_THAT(result.errors[0].message, Catch::Contains("course"));
}

TEST_CASE("tcx_reader: invalid and 0/0 positions are dropped with warnings, prefixes match",
          "[import][tcx]") {
  const auto result = read_fixture("invalid_latlon_prefixed_biking.tcx");
  REQUIRE(result.ok());
  CHECK(result.warnings.size() == 2);
  const auto& activity = result.activities.at(0);
  CHECK(activity.activity.sport == model::Sport::ride);
  CHECK(activity.activity.start_utc == date::sys_days{date::year{2024} / 3 / 10} + 8h);
  REQUIRE(activity.track);
  CHECK(activity.track->point_count() == 2);
  CHECK_FALSE(activity.track->segments[0][0].lat);
  CHECK(activity.track->segments[0][0].cadence_spm == 90.0);  // bike rpm, not doubled
}

TEST_CASE("tcx_reader: XML that does not parse is refused with its line", "[import][tcx]") {
  const auto result = read_fixture("not_well_formed_line_4.tcx");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line == 4);
}

TEST_CASE("tcx corpus: every file reads or is refused as expected", "[import][tcx][corpus]") {
  const auto dir = test::corpus_dir();
  if (dir.empty()) {
    WARN("corpus absent: skipped");
    return;
  }
  struct Case {
    const char* name;
    std::size_t activities;  // 0: refused
    model::Sport sport;
    double distance_m;
    std::int64_t elapsed_s;
  };
  const Case cases[] = {
      {"MALFORMED_invalid_latlon_values__togeojson_bad.tcx", 1, model::Sport::ride, 13679.9, 4566},
      {"courses_not_activities__togeojson_tcx-courses.tcx", 0, model::Sport::other, 0, 0},
      {"edge705_no_hr_bad_start__gc_2009_01_09_11_13_14.tcx", 1, model::Sport::ride, 238.742, 7687},
      {"edge705_smart_recording__gc_2009_09_19_09_22_42.tcx", 1, model::Sport::ride, 50970.9, 8687},
      {"garmin_fr410_running_hr__tcxparser_test.tcx", 1, model::Sport::run, 4689.24, 1993},
      {"garmin_fr410_running_no_hr__tcxparser_no_hr.tcx", 1, model::Sport::run, 4689.24, 1993},
      {"garmin_running_2007_ns3_tpx_speed__togeojson_sample.tcx", 1, model::Sport::run, 8348.5,
       2325},
      {"garminconnect_kona2013_ns3_watts__gpsbabel_kona2013.tcx", 1, model::Sport::ride, 180220,
       18930},
      {"gtc_history_export_folders__gpsbabel_history.tcx", 1, model::Sport::ride, 56818.3, 6552},
      {"indoor_no_position_ms_times_one_line__gc_2020-02-05_Training-with-Notes.tcx", 1,
       model::Sport::ride, 0, 6862},
      {"multisport_session_running_biking__gc_activity_165850259.tcx", 4, model::Sport::run,
       7651.03, 3602},
      {"runtastic_running_lowercase_sport_nonschema_order__slither_running.tcx", 1,
       model::Sport::run, 2200, 750},
      {"vivoactive_xc_skiing_sport_other__tcxreader_cross-country-skiing.tcx", 1,
       model::Sport::other, 5692.01, 2401},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string buffer = test::read_file(dir / "tcx" / c.name);
    const auto result = read_tcx(buffer, ParseContext{c.name, nullptr});
    if (c.activities == 0) {
      REQUIRE(result.errors.size() == 1);
      CHECK(result.errors[0].line);
      continue;
    }
    REQUIRE(result.ok());
    REQUIRE(result.activities.size() == c.activities);
    const auto& a = result.activities[0].activity;
    CHECK(a.sport == c.sport);
    CHECK(a.distance_m == Approx(c.distance_m).margin(0.01));
    CHECK(a.elapsed == std::chrono::seconds{c.elapsed_s});
  }
}
