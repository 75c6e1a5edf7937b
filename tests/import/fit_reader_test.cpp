#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <date/date.h>

#include <runload/import/fit_reader.hpp>

#include "support/fit_writer.hpp"
#include "support/temp_dir.hpp"

using namespace runload;
using namespace runload::import;
namespace fit = runload::test::fit;
using namespace std::chrono_literals;

namespace {

// 2024-03-10T08:00:00Z: Unix 1710057600 - 631065600 = 1078992000 FIT seconds,
// a multiple of 32 (33718500 * 32), so compressed offsets start from 0.
constexpr std::uint64_t k_start = 1078992000;
const date::sys_seconds k_start_utc = date::sys_days{date::year{2024} / 3 / 10} + 8h;

const ParseContext k_context{"test.fit", nullptr};

fit::Writer::Session run_session() {
  fit::Writer::Session s;
  s.timestamp = k_start + 3601;
  s.start_time = k_start;
  s.sport = 1;
  s.sub_sport = 0;
  s.elapsed_ms = 3600500;   // 3600.5 s, rounds to 3601 s
  s.timer_ms = 3300000;     // 3300 s
  s.distance_cm = 1000000;  // 10 000.00 m
  s.ascent = 120;
  s.descent = 118;
  s.avg_hr = 150;
  s.max_hr = 175;
  s.avg_cadence = 85;  // strides/min -> 170 steps/min
  s.max_cadence = 95;  // -> 190
  return s;
}

// A run: file_id, three records (0 s, 10 s, 20 s), a session.
fit::Writer run_file(fit::ByteOrder order = fit::ByteOrder::little) {
  fit::Writer w;
  w.define_file_id(0, order).file_id(0);
  w.define_record(1, order);
  // lat 45 deg = 2^29 semicircles, lon -90 deg = -2^30; altitude raw (100 + 500) * 5.
  w.record(1, {k_start, 45.0, -90.0, 100.0, 140, 80, 0.0});
  w.record(1, {k_start + 10, 45.0001, -90.0, 101.0, 142, 81, 25.5});
  w.record(1, {k_start + 20, 45.0002, -90.0, 102.0, 144, 82, 51.0});
  w.define_session(2, order).session(2, run_session());
  return w;
}

Problem only_error(const ParseResult& result) {
  REQUIRE(result.errors.size() == 1);
  CHECK(result.activities.empty());
  return result.errors.front();
}

}  // namespace

TEST_CASE("fit_reader: the session gives the activity's device totals", "[import][fit]") {
  const auto result = read_fit(run_file().file(), k_context);
  REQUIRE(result.ok());
  CHECK(result.warnings.empty());
  REQUIRE(result.activities.size() == 1);
  const auto& a = result.activities[0].activity;
  CHECK(a.start_utc == k_start_utc);
  CHECK(a.sport == model::Sport::run);
  CHECK(a.distance_m == Approx(10000.0));
  CHECK(a.elapsed == 3601s);
  CHECK(a.moving == 3300s);
  CHECK(a.elevation_gain_m == 120.0);
  CHECK(a.elevation_loss_m == 118.0);
  CHECK(a.avg_hr == 150.0);
  CHECK(a.max_hr == 175.0);
  CHECK(a.avg_cadence == 170.0);
  CHECK(a.max_cadence == 190.0);
  // The records' heart rate, 140 at 0 s and 142 at 10 s, each for its 10 s
  // (bins 110 and 112 from 30 bpm); 144 at 20 s starts no step.
  REQUIRE(a.heart_rate_histogram);
  CHECK(a.heart_rate_histogram->metres[110] == Approx(10.0));
  CHECK(a.heart_rate_histogram->metres[112] == Approx(10.0));
  CHECK(a.heart_rate_histogram->total() == Approx(20.0));
  REQUIRE(a.sources.size() == 1);
  CHECK(a.sources[0].format == "fit");
  CHECK(a.sources[0].file == "test.fit");
  CHECK(a.offset_origin == model::OffsetOrigin::zone);
  CHECK(a.utc_offset == 0s);
}

TEST_CASE("fit_reader: records become the track, semicircles in degrees, 1989 epoch",
          "[import][fit]") {
  const auto result = read_fit(run_file().file(), k_context);
  REQUIRE(result.ok());
  const auto& track = result.activities.at(0).track;
  REQUIRE(track);
  REQUIRE(track->segments.size() == 1);
  REQUIRE(track->segments[0].size() == 3);
  const auto& p = track->segments[0][0];
  CHECK(p.time == model::TimePoint{k_start_utc});
  CHECK(p.lat == Approx(45.0).margin(1e-7));
  CHECK(p.lon == Approx(-90.0).margin(1e-7));
  CHECK(p.ele_m == Approx(100.0));
  CHECK(p.hr_bpm == 140.0);
  CHECK(p.cadence_spm == 160.0);  // 80 strides/min doubled
  CHECK(p.device_distance_m == 0.0);
  const auto& last = track->segments[0][2];
  CHECK(last.time == model::TimePoint{k_start_utc + 20s});
  CHECK(last.lat == Approx(45.0002).margin(1e-7));
  CHECK(last.device_distance_m == Approx(51.0));
}

TEST_CASE("fit_reader: an elapsed time shorter than the timer time is taken to the session's end",
          "[import][fit]") {
  // The session says 10 s elapsed but 20 s of timer time and ends at 25 s:
  // elapsed becomes 25 s and the track keeps all three records.
  auto session = run_session();
  session.elapsed_ms = 10000;
  session.timer_ms = 20000;
  session.timestamp = k_start + 25;
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  w.record(1, {k_start, 45.0, -90.0, 100.0, 140, 80, 0.0});
  w.record(1, {k_start + 10, 45.0001, -90.0, 101.0, 142, 81, 25.5});
  w.record(1, {k_start + 20, 45.0002, -90.0, 102.0, 144, 82, 51.0});
  w.define_session(2).session(2, session);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message,
             Catch::Contains("elapsed time 10 s is shorter than its timer time 20 s"));
  const auto& a = result.activities.at(0);
  CHECK(a.activity.elapsed == 25s);
  CHECK(a.activity.moving == 20s);
  REQUIRE(a.track);
  CHECK(a.track->segments.at(0).size() == 3);
}

TEST_CASE("fit_reader: big-endian definitions read the same values", "[import][fit]") {
  const auto little = read_fit(run_file(fit::ByteOrder::little).file(), k_context);
  const auto big = read_fit(run_file(fit::ByteOrder::big).file(), k_context);
  REQUIRE(big.ok());
  REQUIRE(big.activities.size() == 1);
  const auto& a = big.activities[0].activity;
  CHECK(a.start_utc == k_start_utc);
  CHECK(a.distance_m == Approx(10000.0));
  CHECK(a.elapsed == 3601s);
  CHECK(a.avg_cadence == 170.0);
  const auto& p = big.activities[0].track->segments.at(0).at(0);
  CHECK(p.lat == Approx(45.0).margin(1e-7));
  CHECK(p.lon == Approx(-90.0).margin(1e-7));
  CHECK(big.activities[0].track->point_count() == little.activities.at(0).track->point_count());
}

TEST_CASE("fit_reader: sport and sub_sport map to runload sports", "[import][fit]") {
  struct Case {
    std::uint64_t sport;
    std::uint64_t sub_sport;
    model::Sport expected;
  };
  const Case cases[] = {
      {1, 0, model::Sport::run},       {1, 1, model::Sport::treadmill_run},
      {1, 3, model::Sport::trail_run}, {1, 58, model::Sport::virtual_run},
      {1, 0xFF, model::Sport::run},    {2, 0, model::Sport::ride},
      {5, 17, model::Sport::swim},     {11, 0, model::Sport::walk},
      {17, 0, model::Sport::hike},     {3, 0, model::Sport::other},
      {0, 0, model::Sport::other},
  };
  for (const Case& c : cases) {
    fit::Writer w;
    auto s = run_session();
    s.sport = c.sport;
    s.sub_sport = c.sub_sport;
    w.define_session(0).session(0, s);
    const auto result = read_fit(w.file(), k_context);
    INFO("sport " << c.sport << " sub_sport " << c.sub_sport);
    REQUIRE(result.ok());
    CHECK(result.activities.at(0).activity.sport == c.expected);
  }
}

TEST_CASE("fit_reader: cycling cadence stays in revolutions per minute", "[import][fit]") {
  fit::Writer w;
  auto s = run_session();
  s.sport = 2;
  w.define_session(0).session(0, s);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  CHECK(result.activities.at(0).activity.avg_cadence == 85.0);
}

TEST_CASE("fit_reader: compressed timestamp headers add to the last full timestamp",
          "[import][fit]") {
  fit::Writer w;
  w.define_record(0);
  w.record(0, {k_start, 45.0, 7.0});
  // Offset 5 from a timestamp whose low 5 bits are 0: k_start + 5.
  auto values = fit::Writer::record_values({fit::k_invalid32, 45.0, 7.0});
  w.compressed(0, 5, values);
  // Offset 2 is below the last low bits (5): it rolls over, k_start + 32 + 2.
  w.compressed(0, 2, values);
  w.define_session(1).session(1, run_session());
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& points = result.activities.at(0).track->segments.at(0);
  REQUIRE(points.size() == 3);
  CHECK(points[1].time == model::TimePoint{k_start_utc + 5s});
  CHECK(points[2].time == model::TimePoint{k_start_utc + 34s});
}

TEST_CASE("fit_reader: a compressed timestamp before any full one is refused", "[import][fit]") {
  fit::Writer w;
  w.define_record(0);
  const auto at = w.data_size() + 14;
  w.compressed(0, 5, fit::Writer::record_values({fit::k_invalid32, 45.0, 7.0}));
  w.define_session(1).session(1, run_session());
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK(error.offset == static_cast<std::int64_t>(at));
}

TEST_CASE("fit_reader: developer fields are skipped and the stream stays aligned",
          "[import][fit]") {
  fit::Writer w;
  w.define_record(3, fit::ByteOrder::little, {4, 2, 7});
  w.record(3, {k_start, 45.0, -90.0, 100.0, 140});
  w.record(3, {k_start + 1, 45.0, -90.0, 100.0, 141});
  w.define_session(4).session(4, run_session());
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& points = result.activities.at(0).track->segments.at(0);
  REQUIRE(points.size() == 2);
  CHECK(points[1].hr_bpm == 141.0);
  CHECK(result.activities[0].activity.distance_m == Approx(10000.0));
}

TEST_CASE("fit_reader: a field whose size is not a multiple of its base type is skipped",
          "[import][fit]") {
  fit::Writer w;
  // heart_rate declared uint16 of 3 bytes (COROS writes such); cadence follows it.
  w.define(0, 20, {{253, 4, fit::k_uint32}, {3, 3, fit::k_uint16}, {4, 1, fit::k_uint8}});
  w.data(0, {k_start, 0x8C8C8C, 80});
  w.define_session(1).session(1, run_session());
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& p = result.activities.at(0).track->segments.at(0).at(0);
  CHECK_FALSE(p.hr_bpm);
  CHECK(p.cadence_spm == 160.0);
}

TEST_CASE("fit_reader: chained FIT files each bring their header and sessions", "[import][fit]") {
  fit::Writer second;
  auto s = run_session();
  s.start_time = k_start + 7200;
  s.timestamp = k_start + 7200 + 3601;
  s.sport = 2;
  // Local type 2 is defined anew in the second file: definitions do not carry over.
  second.define_session(2).session(2, s);
  const auto result = read_fit(run_file().file() + second.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 2);
  CHECK(result.activities[0].activity.sport == model::Sport::run);
  CHECK(result.activities[1].activity.sport == model::Sport::ride);
  CHECK(result.activities[1].activity.start_utc == k_start_utc + 2h);
  CHECK_FALSE(result.activities[1].track);
}

TEST_CASE("fit_reader: a chained file may not use its predecessor's definitions", "[import][fit]") {
  fit::Writer reuse;
  reuse.raw(std::string(1, '\x02'));  // data message of local type 2, undefined here
  reuse.raw(std::string(40, '\0'));
  const std::string first = run_file().file();
  const auto result = read_fit(first + reuse.file(), k_context);
  const auto& error = only_error(result);
  CHECK(error.offset == static_cast<std::int64_t>(first.size() + 14));
  CHECK_THAT(error.message, Catch::Contains("no definition"));
}

TEST_CASE("fit_reader: a multisport file gives one activity per session with its own track",
          "[import][fit]") {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  w.record(1, {k_start, 45.0, 7.0});
  w.record(1, {k_start + 100, 45.001, 7.0});
  w.record(1, {k_start + 200, 45.002, 7.0});  // in the ride
  w.record(1, {k_start + 300, 45.003, 7.0});
  auto run = run_session();
  run.start_time = k_start;
  run.elapsed_ms = 150000;
  run.timer_ms = 140000;
  auto ride = run_session();
  ride.sport = 2;
  ride.start_time = k_start + 150;
  ride.elapsed_ms = 150000;
  ride.timer_ms = 140000;
  w.define_session(2).session(2, run).session(2, ride);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 2);
  CHECK(result.activities[0].activity.sport == model::Sport::run);
  CHECK(result.activities[0].track->point_count() == 2);
  CHECK(result.activities[1].activity.sport == model::Sport::ride);
  CHECK(result.activities[1].track->point_count() == 2);
  CHECK(result.activities[1].track->segments[0][0].lat == Approx(45.002).margin(1e-7));
}

TEST_CASE("fit_reader: a timer stop starts a new track segment", "[import][fit]") {
  fit::Writer w;
  w.define_record(0).define_event(1);
  w.record(0, {k_start, 45.0, 7.0});
  w.record(0, {k_start + 10, 45.0001, 7.0});
  w.timer_stop(1, k_start + 10);
  w.timer_start(1, k_start + 60);
  w.record(0, {k_start + 60, 45.0005, 7.0});
  w.define_session(2).session(2, run_session());
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& track = *result.activities.at(0).track;
  REQUIRE(track.segments.size() == 2);
  CHECK(track.segments[0].size() == 2);
  CHECK(track.segments[1].size() == 1);
}

TEST_CASE("fit_reader: the activity message's local time gives the UTC offset", "[import][fit]") {
  auto w = run_file();
  w.define_activity(3).activity(3, k_start + 3601, k_start + 3601 + 3600);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& a = result.activities.at(0).activity;
  CHECK(a.utc_offset == 1h);
  CHECK(a.offset_origin == model::OffsetOrigin::file);
}

TEST_CASE("fit_reader: a local time off by a non-quarter-hour amount is not an offset",
          "[import][fit]") {
  auto w = run_file();
  w.define_activity(3).activity(3, k_start + 3601, k_start + 3601 + 1080);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  CHECK(result.activities.at(0).activity.offset_origin == model::OffsetOrigin::zone);
}

TEST_CASE("fit_reader: device-time timestamps are refused, not read as 1990 dates",
          "[import][fit]") {
  fit::Writer w;
  auto s = run_session();
  s.start_time = 1000000;  // 11.6 days after power-on
  s.timestamp = 1003601;
  w.define_session(0);
  const auto at = w.data_size() + 14;
  w.session(0, s);
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK(error.offset == static_cast<std::int64_t>(at));
  CHECK_THAT(error.message, Catch::Contains("powered on"));
}

TEST_CASE("fit_reader: a bad file CRC on a file that decodes whole is a warning", "[import][fit]") {
  fit::FileOptions options;
  options.bad_file_crc = true;
  const std::string bytes = run_file().file(options);
  const auto result = read_fit(bytes, k_context);
  REQUIRE(result.ok());
  CHECK(result.activities.size() == 1);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].offset == static_cast<std::int64_t>(bytes.size() - 2));
  CHECK_THAT(result.warnings[0].message, Catch::Contains("CRC"));
}

TEST_CASE("fit_reader: a bad header CRC is refused at its offset", "[import][fit]") {
  fit::FileOptions options;
  options.bad_header_crc = true;
  const auto& error = only_error(read_fit(run_file().file(options), k_context));
  CHECK(error.offset == 12);
}

TEST_CASE("fit_reader: a zero header CRC and a 12-byte header are accepted", "[import][fit]") {
  fit::FileOptions no_crc;
  no_crc.header_crc = false;
  CHECK(read_fit(run_file().file(no_crc), k_context).ok());
  fit::FileOptions short_header;
  short_header.header_size = 12;
  const auto result = read_fit(run_file().file(short_header), k_context);
  REQUIRE(result.ok());
  CHECK(result.activities.at(0).activity.distance_m == Approx(10000.0));
}

TEST_CASE("fit_reader: a data size larger than the file is refused at the header",
          "[import][fit]") {
  fit::FileOptions options;
  options.data_size_delta = 19;
  const auto& error = only_error(read_fit(run_file().file(options), k_context));
  CHECK(error.offset == 4);
}

TEST_CASE("fit_reader: a message running past the declared data end is refused at its offset",
          "[import][fit]") {
  auto w = run_file();
  w.define_record(4);
  const auto data_at = w.data_size() + 14;
  w.record(4, {k_start + 30, 45.0, 7.0});
  fit::FileOptions options;
  options.data_size_delta = -10;  // the last record's 24 bytes end 10 bytes past the data
  const auto& error = only_error(read_fit(w.file(options), k_context));
  CHECK(error.offset == static_cast<std::int64_t>(data_at));
  CHECK_THAT(error.message, Catch::Contains("CRC"));
}

TEST_CASE("fit_reader: a definition claiming more fields than remain is refused", "[import][fit]") {
  fit::Writer w;
  w.define_session(0).session(0, run_session());
  const auto at = w.data_size() + 14;
  // Definition of local 1, record message, 200 fields, then only 6 bytes.
  w.raw(std::string("\x41\x00\x00\x14\x00\xC8", 6) + "abcdef");
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK(error.offset == static_cast<std::int64_t>(at));
}

TEST_CASE("fit_reader: every truncation of a valid file is refused with an offset",
          "[import][fit]") {
  const std::string bytes = run_file().file();
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    const auto result = read_fit(std::string_view(bytes).substr(0, length), k_context);
    INFO("length " << length);
    if (length == 0) {
      CHECK_FALSE(result.ok());
      continue;
    }
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors[0].offset);
    CHECK(result.activities.empty());
  }
}

TEST_CASE("fit_reader: a file without a session and one record is refused", "[import][fit]") {
  fit::Writer w;
  w.define_record(0).record(0, {k_start, 45.0, 7.0});
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK_THAT(error.message, Catch::Contains("no session"));
}

TEST_CASE("fit_reader: a course file is refused as not an activity", "[import][fit]") {
  fit::Writer w;
  w.define_file_id(0).file_id(0, 6);
  w.define_session(1).session(1, run_session());
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK(error.offset == 14 + 1 + 5 + 9);  // header, then a definition of 1 + 5 + 3 * 3 bytes
  CHECK_THAT(error.message, Catch::Contains("not an activity"));
}

TEST_CASE("fit_reader: an architecture byte other than 0 or 1 is refused", "[import][fit]") {
  fit::Writer w;
  w.raw(std::string("\x40\x00\x07\x00\x00\x00", 6));
  const auto& error = only_error(read_fit(w.file(), k_context));
  CHECK(error.offset == 16);
}

namespace {

// A run of `records` records 10 s and 30 m apart from k_start, heart rate
// 140, positions on the first `positioned` of them.
void add_records(fit::Writer& w, std::uint8_t local, int records, int positioned) {
  w.define_record(local);
  for (int i = 0; i < records; ++i) {
    const double metres = 30.0 * i;
    std::optional<double> lat, lon;
    if (i < positioned) {
      lat = 45.0 + metres / 111195.08;
      lon = 7.0;
    }
    w.record(local,
             {k_start + 10 * static_cast<std::uint64_t>(i), lat, lon, 200.0, 140, 85, metres});
  }
}

}  // namespace

TEST_CASE("fit_reader: a session without its total distance takes the records' own distance",
          "[import][fit][totals]") {
  // A Suunto multisport leg: no total_distance in the session, and the last
  // lap's records without positions. The device recorded 2,970 m; the
  // positions reach 1,470 m.
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  add_records(w, 1, 100, 50);
  auto s = run_session();
  s.distance_cm = fit::k_invalid32;
  s.elapsed_ms = 990000;
  s.timer_ms = 990000;
  w.define_session(2).session(2, s);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  CHECK(*result.activities.at(0).activity.distance_m == Approx(2970.0));
}

TEST_CASE("fit_reader: an elapsed time far beyond the timer is bounded by the records",
          "[import][fit][totals]") {
  // 27.9 days of elapsed time for a 990 s run: the records end after 990 s.
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  add_records(w, 1, 100, 100);
  auto s = run_session();
  s.elapsed_ms = 2410560000;  // 27.9 days
  s.timer_ms = 990000;
  s.timestamp = k_start + 2410560;
  w.define_session(2).session(2, s);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  const auto& a = result.activities.at(0).activity;
  CHECK(a.elapsed == 990s);
  CHECK(a.moving == 990s);
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message,
             Catch::Contains("elapsed time 27.9 days is far beyond its timer time 16 min"));
}

TEST_CASE("fit_reader: an elapsed time a rounding shorter than the timer is not corrected",
          "[import][fit][totals]") {
  // 1,806.6 s elapsed, 1,807.2 s timer, the session's timestamp 36 s later:
  // rounding, not a short elapsed time to take to the timestamp.
  auto s = run_session();
  s.elapsed_ms = 1806600;
  s.timer_ms = 1807200;
  s.timestamp = k_start + 1843;
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_session(1).session(1, s);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  CHECK(result.warnings.empty());
  CHECK(result.activities.at(0).activity.elapsed == 1807s);
  CHECK(result.activities.at(0).activity.moving == 1807s);
}

TEST_CASE("fit_reader: zero heart rate and cadence averages are unknown, filled from records",
          "[import][fit][totals]") {
  auto s = run_session();
  s.avg_hr = 0;
  s.max_hr = 0;
  s.avg_cadence = 0;
  s.max_cadence = 0;
  SECTION("without records: unknown, not 0 bpm") {
    fit::Writer w;
    w.define_session(0).session(0, s);
    const auto result = read_fit(w.file(), k_context);
    REQUIRE(result.ok());
    const auto& a = result.activities.at(0).activity;
    CHECK_FALSE(a.avg_hr);
    CHECK_FALSE(a.max_hr);
    CHECK_FALSE(a.avg_cadence);
    CHECK_FALSE(a.max_cadence);
  }
  SECTION("with records: theirs") {
    fit::Writer w;
    add_records(w, 0, 10, 10);
    w.define_session(1).session(1, s);
    const auto result = read_fit(w.file(), k_context);
    REQUIRE(result.ok());
    const auto& a = result.activities.at(0).activity;
    CHECK(a.avg_hr == Approx(140.0));
    CHECK(a.avg_cadence == Approx(170.0));
  }
}

TEST_CASE("fit_reader: a file without a session is built from its records, with a warning",
          "[import][fit][totals]") {
  // A watch that died mid-run: records and a sport message, no session.
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define(1, 12, {{0, 1, fit::k_enum}, {1, 1, fit::k_enum}}).data(1, {1, 3});  // trail run
  add_records(w, 2, 61, 61);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 1);
  const auto& a = result.activities[0].activity;
  CHECK(a.sport == model::Sport::trail_run);
  CHECK(a.start_utc == k_start_utc);
  CHECK(a.elapsed == 600s);
  CHECK(*a.distance_m == Approx(1800.0));
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message, Catch::Contains("no session message"));
  CHECK_THAT(result.warnings[0].message, Catch::Contains("built from its 61 records"));
}

TEST_CASE("fit_reader: a file torn in its last message without a session keeps its records",
          "[import][fit][totals]") {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  add_records(w, 1, 20, 20);
  const auto at = w.data_size() + 14;
  // A record whose bytes stop short of the declared end of the data.
  w.raw(std::string("\x01\x00\x00", 3));
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 1);
  CHECK(result.activities[0].activity.elapsed == 190s);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].offset == static_cast<std::int64_t>(at));
  CHECK_THAT(result.warnings[0].message, Catch::Contains("the data breaks at byte"));
}

TEST_CASE("fit_reader: a multisport session's records end where the next session starts",
          "[import][fit]") {
  // The first session's elapsed time reaches into the second's (seen in a
  // fenix 2 multisport file): its records still stop at the second's start.
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  add_records(w, 1, 60, 60);
  auto first = run_session();
  first.sport = 0;
  first.start_time = k_start;
  first.elapsed_ms = 500000;
  first.timer_ms = 500000;
  auto second = run_session();
  second.start_time = k_start + 300;
  second.elapsed_ms = 290000;
  second.timer_ms = 290000;
  w.define_session(2).session(2, first).session(2, second);
  const auto result = read_fit(w.file(), k_context);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 2);
  CHECK(result.activities[0].track->point_count() == 30);
  CHECK(result.activities[1].track->point_count() == 30);
}

TEST_CASE("fit_crc16: the FIT CRC is CRC-16/ARC, check value and FIT's own table",
          "[import][fit]") {
  // The catalogue's check value of CRC-16/ARC over "123456789".
  CHECK(runload::import::fit_crc16("123456789") == 0xBB3D);
  CHECK(runload::import::fit_crc16("") == 0x0000);
  // The nibble table of the FIT protocol document is the CRC of each nibble.
  CHECK(runload::import::fit_crc16(std::string_view("\x01", 1)) == 0xC0C1);
  CHECK(runload::import::fit_crc16("12345", runload::import::fit_crc16("6789")) !=
        runload::import::fit_crc16("123456789"));
  CHECK(runload::import::fit_crc16("6789", runload::import::fit_crc16("12345")) == 0xBB3D);
}
