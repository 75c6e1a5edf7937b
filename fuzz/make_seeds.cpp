// Writes the fuzz seeds that exist only as code: FIT files built with the
// tests' fit::Writer, gzip members, journal CSVs and Strava export zips. Usage: fuzz_make_seeds DIR

#include <zlib.h>

#include <cmath>
#include <cstdint>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "support/fit_writer.hpp"
#include "support/strava_export.hpp"

namespace fs = std::filesystem;
namespace fit = runload::test::fit;

namespace {

// 2024-03-10T08:00:00Z in FIT seconds.
constexpr std::uint64_t k_start = 1078992000;

void write(const fs::path& file, std::string_view bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

fit::Writer::Session session() {
  fit::Writer::Session s;
  s.timestamp = k_start + 60;
  s.start_time = k_start;
  s.elapsed_ms = 60000;
  s.timer_ms = 58000;
  s.distance_cm = 20000;
  s.ascent = 3;
  s.descent = 2;
  s.avg_hr = 140;
  s.max_hr = 150;
  s.avg_cadence = 85;
  s.max_cadence = 90;
  return s;
}

fit::Writer run(fit::ByteOrder order) {
  fit::Writer w;
  w.define_file_id(0, order).file_id(0);
  w.define_record(1, order, {2});
  for (std::uint64_t i = 0; i < 6; ++i)
    w.record(1, {k_start + 10 * i, 45.0 + 0.0003 * static_cast<double>(i), 7.0, 200.0, 140, 85,
                 33.0 * static_cast<double>(i)});
  w.define_event(2).timer_stop(2, k_start + 50).timer_start(2, k_start + 55);
  w.define_activity(3).activity(3, k_start + 60, k_start + 60 + 3600);
  w.define_session(4, order).session(4, session());
  return w;
}

std::string compressed_timestamps() {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  w.record(1, {k_start, 45.0, 7.0, 200.0, 140, 85, 0.0});
  for (std::uint8_t t = 1; t < 5; ++t)
    w.compressed(1, t, fit::Writer::record_values({fit::k_invalid32, 45.0, 7.0 + t * 0.0001}));
  w.define_session(2).session(2, session());
  return w.file({.header_size = 12});
}

// A watch that died: records and a sport message, no session.
std::string without_session() {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define(1, 12, {{0, 1, fit::k_enum}, {1, 1, fit::k_enum}}).data(1, {1, 3});
  w.define_record(2);
  for (std::uint64_t i = 0; i < 8; ++i)
    w.record(2, {k_start + 10 * i, 45.0 + 0.0003 * static_cast<double>(i), 7.0, 200.0, 140, 85,
                 33.0 * static_cast<double>(i)});
  return w.file();
}

// The same, torn in its last message within the declared data.
std::string torn_without_session() {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  for (std::uint64_t i = 0; i < 8; ++i)
    w.record(1, {k_start + 10 * i, 45.0 + 0.0003 * static_cast<double>(i), 7.0});
  w.raw(std::string("\x01\x00\x00", 3));
  return w.file();
}

// A session without its total distance, an elapsed time of 30 days for a
// minute of timer, zero averages, and a second session inside the first.
std::string odd_sessions() {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  for (std::uint64_t i = 0; i < 12; ++i)
    w.record(1, {k_start + 10 * i, 45.0 + 0.0003 * static_cast<double>(i), 7.0, 200.0, 0, 0,
                 33.0 * static_cast<double>(i)});
  auto first = session();
  first.distance_cm = fit::k_invalid32;
  first.elapsed_ms = 2592000000;
  first.timer_ms = 60000;
  first.avg_hr = 0;
  first.max_hr = 0;
  auto second = session();
  second.start_time = k_start + 60;
  second.elapsed_ms = 59600;
  second.timer_ms = 60200;
  w.define_session(2).session(2, first).session(2, second);
  return w.file();
}

std::string gzip(std::string_view text, int level) {
  z_stream stream{};
  // 16 + MAX_WBITS writes the gzip wrapper (zlib manual, deflateInit2).
  deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// A track in track_metrics_fuzzer.cpp's encoding: a flag byte, then the
// fields it announces as 8-byte values. A run north with hills, a GPS
// teleport, and a second segment.
std::string track_seed() {
  std::string out;
  const auto put = [&](auto value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
  };
  for (int i = 0; i < 60; ++i) {
    const bool teleport = i == 30;
    out.push_back(static_cast<char>(0x01 | 0x02 | 0x04 | 0x08 | 0x10 | (i == 45 ? 0x80 : 0)));
    put(std::int64_t{1710057600000} + i * 5000);
    put(45.0 + 0.00012 * i + (teleport ? 0.5 : 0.0));
    put(7.0);
    put(200.0 + 10.0 * std::sin(i / 5.0) + (i % 2 == 0 ? 5.0 : -5.0));
    put(140.0 + i % 10);
    put(170.0);
  }
  return out;
}

constexpr std::string_view k_journal =
    "date,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note\n"
    "2024-01-01,3,10,2,1,no,no,left,easy\n"
    "2024-01-02,,,,,yes,,both,\"two\nlines, \"\"quoted\"\"\"\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds DIR\n");
    return 2;
  }
  const fs::path dir = argv[1];

  write(dir / "fit/run_little.fit", run(fit::ByteOrder::little).file());
  write(dir / "fit/run_big_endian.fit", run(fit::ByteOrder::big).file());
  write(dir / "fit/compressed_timestamps_12_byte_header.fit", compressed_timestamps());
  write(dir / "fit/without_session.fit", without_session());
  write(dir / "fit/torn_without_session.fit", torn_without_session());
  write(dir / "fit/odd_sessions.fit", odd_sessions());
  write(dir / "fit/chained.fit",
        run(fit::ByteOrder::little).file() + run(fit::ByteOrder::big).file());
  write(dir / "fit/lying_data_size.fit",
        run(fit::ByteOrder::little).file({.data_size_delta = 1000}));

  write(dir / "gzip/text.gz", gzip(k_journal, 9));
  write(dir / "gzip/stored.gz", gzip(k_journal, 0));
  write(dir / "gzip/two_members.gz", gzip("first\n", 6) + gzip("second\n", 6));
  write(dir / "gzip/fit.gz", gzip(run(fit::ByteOrder::little).file(), 6));

  write(dir / "track_metrics/run_teleport_noise_two_segments.bin", track_seed());

  write(dir / "journal_csv/values.csv", k_journal);
  write(dir / "journal_csv/bom_crlf.csv",
        "\xEF\xBB\xBF"
        "date,pain_run,note\r\n2024-02-01,9,\"pop\"\r\n2024-02-02,0,\r\n");
  write(dir / "journal_csv/header_only.csv", "date\n");
  // Every kind of record row (docs/JOURNAL.md), before the fuzzer's today.
  write(dir / "journal_csv/tendon_records.csv",
        "date,record,stiffness,visa_a,heel_rise_left,heel_rise_right,exercise,sets,reps,load_kg,"
        "exercise_pain,medication,until,note\n"
        "2024-03-04,,3,,,,,,,,,,,seen\n"
        "2024-03-04,visa_a,,\"5,6,7,4,3,2,4,B10\",,,,,,,,,,\n"
        "2024-03-04,heel_rise,,,25,18,,,,,,,,\n"
        "2024-03-05,rehab,,,,,seated-calf-raise,3,15,12.5,2,,,\n"
        "2024-02-07,medication,,,,,,,,,,ciprofloxacin,2024-02-13,\n"
        "2023-06-02,episode,,,,,,,,,,,2023-08-02,right Achilles\n");

  namespace t = runload::test;
  write(dir / "zip/strava_export.zip", t::make_zip(t::strava_export_members()));
  write(dir / "zip/escaping_and_absolute_names.zip",
        t::make_zip({{"../activities.csv", t::export_activities_csv()},
                     {"/etc/activities/1.gpx", t::export_gpx_run()},
                     {"activities/102.gpx.gz", t::gzip(t::export_gpx_run())}}));
  write(dir / "zip/csv_only.zip", t::make_zip({{"activities.csv", t::export_activities_csv()}}));
  // Made on a Mac: AppleDouble forks under __MACOSX/ and hidden members,
  // passed over silently beside the export's real members.
  auto mac = t::strava_export_members();
  const std::string fork = std::string("\x00\x05\x16\x07", 4) + "Mac OS X        ";
  mac.push_back({"__MACOSX/._activities.csv", fork});
  mac.push_back({"__MACOSX/activities/._101.fit.gz", fork});
  mac.push_back({"activities/.DS_Store", "Bud1"});
  write(dir / "zip/mac_resource_forks.zip", t::make_zip(mac));
  return 0;
}
