#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <runload/import/fit_reader.hpp>
#include <runload/import/tcx_reader.hpp>

#include "support/fit_writer.hpp"
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

TEST_CASE("tcx_reader: invalid and 0/0 positions are dropped with one warning, prefixes match",
          "[import][tcx]") {
  const auto result = read_fixture("invalid_latlon_prefixed_biking.tcx");
  REQUIRE(result.ok());
  // One policy for bad points in every track format: one warning counts them.
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message, Catch::StartsWith("2 trackpoint position(s)"));
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
  // Elapsed time runs from the first to the last recorded instant; the laps'
  // TotalTimeSeconds (timer time) are the moving time.
  struct Case {
    const char* name;
    std::size_t activities;  // 0: refused
    model::Sport sport;
    double distance_m;
    std::int64_t elapsed_s;
    std::int64_t moving_s;
  };
  const Case cases[] = {
      // Its second lap repeats the first (same StartTime): dropped, not summed.
      {"MALFORMED_invalid_latlon_values__togeojson_bad.tcx", 1, model::Sport::ride, 6839.97, 2283,
       2283},
      {"courses_not_activities__togeojson_tcx-courses.tcx", 0, model::Sport::other, 0, 0, 0},
      // Its first trackpoint is a second before the lap's StartTime.
      {"edge705_no_hr_bad_start__gc_2009_01_09_11_13_14.tcx", 1, model::Sport::ride, 238.742, 7767,
       7687},
      {"edge705_smart_recording__gc_2009_09_19_09_22_42.tcx", 1, model::Sport::ride, 50970.9, 8687,
       8687},
      {"garmin_fr410_running_hr__tcxparser_test.tcx", 1, model::Sport::run, 4689.24, 1993, 1993},
      {"garmin_fr410_running_no_hr__tcxparser_no_hr.tcx", 1, model::Sport::run, 4689.24, 1993,
       1993},
      {"garmin_running_2007_ns3_tpx_speed__togeojson_sample.tcx", 1, model::Sport::run, 8348.5,
       2325, 2325},
      {"garminconnect_kona2013_ns3_watts__gpsbabel_kona2013.tcx", 1, model::Sport::ride, 180220,
       18930, 18930},
      {"gtc_history_export_folders__gpsbabel_history.tcx", 1, model::Sport::ride, 56818.3, 6555,
       6552},
      {"indoor_no_position_ms_times_one_line__gc_2020-02-05_Training-with-Notes.tcx", 1,
       model::Sport::ride, 0, 6954, 6862},
      {"multisport_session_running_biking__gc_activity_165850259.tcx", 4, model::Sport::run,
       7651.03, 3602, 3602},
      // Paused: 750 s of timer time over 1,150 s.
      {"runtastic_running_lowercase_sport_nonschema_order__slither_running.tcx", 1,
       model::Sport::run, 2200, 1150, 750},
      {"vivoactive_xc_skiing_sport_other__tcxreader_cross-country-skiing.tcx", 1,
       model::Sport::other, 5692.01, 2402, 2401},
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
    CHECK(a.moving == std::chrono::seconds{c.moving_s});
  }
}

TEST_CASE("tcx_reader: a treadmill run's start and elapsed time match its FIT twin within 2 s",
          "[import][tcx][times]") {
  // Garmin Connect writes <Id> rounded down to the minute (11:19:00) and
  // TotalTimeSeconds as the timer (3,098 s, a pause left out); the run began
  // at 11:19:33 and lasted 3,764 s, as its FIT says.
  const auto tcx = read_fixture("treadmill_id_rounded_to_minute_laps_timer_only.tcx");
  REQUIRE(tcx.ok());
  const auto& t = tcx.activities.at(0).activity;

  const date::sys_seconds start = date::sys_days{date::year{2024} / 1 / 20} + 11h + 19min + 33s;
  const std::uint64_t fit_start =
      static_cast<std::uint64_t>(start.time_since_epoch().count() - test::fit::k_epoch_unix);
  test::fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  for (std::uint64_t s = 0; s <= 3764; s += 4) w.record(1, {fit_start + s, {}, {}, {}, 148});
  test::fit::Writer::Session session;
  session.timestamp = fit_start + 3764;
  session.start_time = fit_start;
  session.sub_sport = 1;  // treadmill
  session.elapsed_ms = 3764000;
  session.timer_ms = 3098000;
  session.distance_cm = 896100;
  w.define_session(2).session(2, session);
  const auto fit = read_fit(w.file(), ParseContext{"twin.fit"});
  REQUIRE(fit.ok());
  const auto& f = fit.activities.at(0).activity;

  CHECK(std::chrono::abs(t.start_utc - f.start_utc) <= 2s);
  REQUIRE(t.elapsed);
  CHECK(std::chrono::abs(*t.elapsed - *f.elapsed) <= 2s);
  CHECK(t.moving == f.moving);  // the timer time, 3,098 s, kept beside elapsed
  CHECK(*t.distance_m == Approx(*f.distance_m).margin(0.5));
  CHECK(t.start_utc == start);  // not the <Id>'s 11:19:00
}

TEST_CASE("tcx_reader: a treadmill run without positions keeps its time by heart rate",
          "[import][tcx][heart_rate]") {
  // 621 trackpoints at 148 bpm in three <Track>s 5 s apart within each: the
  // steps inside the tracks sum to 3,090 s; the pauses between them count
  // nothing. 148 bpm is bin 118 from 30.
  const auto tcx = read_fixture("treadmill_id_rounded_to_minute_laps_timer_only.tcx");
  REQUIRE(tcx.ok());
  const auto& h = tcx.activities.at(0).activity.heart_rate_histogram;
  REQUIRE(h);
  CHECK(h->metres.size() == 119);
  CHECK(h->metres[118] == Approx(3090.0));
  CHECK(h->total() == Approx(3090.0));
}

TEST_CASE("tcx_reader: a pool swim keeps its timer as moving time", "[import][tcx][times]") {
  SECTION("one trackpoint per length, no positions") {
    const auto r = read_fixture("pool_swim_one_trackpoint_per_length.tcx");
    REQUIRE(r.ok());
    const auto& a = r.activities.at(0).activity;
    CHECK(a.moving == 302s);   // 150 + 152, not 0 from points 37 s apart
    CHECK(a.elapsed == 362s);  // 06:30:00 to 06:36:02
    CHECK(*a.distance_m == Approx(200.0));
  }
  SECTION("laps without a track") {
    const auto r = read_fixture("pool_swim_laps_without_track.tcx");
    REQUIRE(r.ok());
    const auto& a = r.activities.at(0).activity;
    CHECK(a.sport == model::Sport::swim);  // Sport="Swimming", not in the schema
    CHECK(a.moving == 1190s);
    CHECK(a.elapsed == 1250s);  // 06:30:00 to the second lap's 06:41:00 + 590 s
    CHECK(*a.distance_m == Approx(800.0));
    CHECK_FALSE(r.activities[0].track);
  }
}

TEST_CASE("tcx_reader: a lap repeated with the same start is dropped with a warning",
          "[import][tcx]") {
  const auto r = read_fixture("duplicate_lap_same_start_time.tcx");
  REQUIRE(r.ok());
  const auto& a = r.activities.at(0).activity;
  CHECK(*a.distance_m == Approx(3420.0));  // not 6,840
  CHECK(a.moving == 1200s);
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("1 lap(s) start at the same instant"));
  CHECK(r.warnings[0].line == 16);
}
