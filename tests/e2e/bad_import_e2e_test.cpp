// Malformed activity files through the built binary (docs/RELIABILITY.md):
// `runload import` gives each its documented exit code, names the file and
// the line or byte offset, stores nothing of a refused file, keeps what a
// file with a few bad points still holds, and leaves the database healthy.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/archives.hpp"
#include "support/cli_database.hpp"
#include "support/fit_writer.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunOptions;
using runload::test::RunResult;
using runload::test::TempDir;
namespace fit = runload::test::fit;
namespace fs = std::filesystem;

namespace {

// Metres per degree of latitude on the mean Earth sphere.
constexpr double k_metres_per_degree = 6371008.8 * 3.14159265358979323846 / 180.0;

// A GPX track starting on `day` ("2024-02-01") at 07:00:00Z, `points` points
// `step_m` apart northwards and `step_s` apart in time, with `elevation(i)`
// and `extra_lat(i)` degrees added to point i when given.
std::string gpx(const std::string& day, int points = 61, double step_m = 30.0, int step_s = 10,
                const std::function<double(int)>& elevation = {},
                const std::function<double(int)>& extra_lat = {}) {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
      "<trk><name>Run</name><trkseg>\n";
  for (int i = 0; i < points; ++i) {
    const int s = i * step_s;
    const double lat = 47.0 + step_m * i / k_metres_per_degree + (extra_lat ? extra_lat(i) : 0);
    text += fmt::format("<trkpt lat=\"{:.8f}\" lon=\"8.0\">", lat);
    if (elevation) text += fmt::format("<ele>{:.2f}</ele>", elevation(i));
    text += fmt::format("<time>{}T{:02}:{:02}:{:02}Z</time></trkpt>\n", day, 7 + s / 3600,
                        s / 60 % 60, s % 60);
  }
  return text + "</trkseg></trk>\n</gpx>\n";
}

// A FIT run of 31 records, 10 s and 30 m apart, starting 2024-04-`day` 07:00Z,
// with a session (900 m in 300 s).
std::string fit_run(int day, const fit::FileOptions& options = {}) {
  // 2024-04-01T07:00:00Z in FIT seconds.
  const std::uint64_t start = 1711954800 - fit::k_epoch_unix + (day - 1) * 86400;
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  for (std::uint64_t i = 0; i <= 30; ++i) {
    const double metres = 30.0 * static_cast<double>(i);
    w.record(1, {start + 10 * i, 47.0 + metres / k_metres_per_degree, 8.0, 400.0, 150, 85, metres});
  }
  fit::Writer::Session s;
  s.timestamp = start + 300;
  s.start_time = start;
  s.elapsed_ms = 300000;
  s.timer_ms = 300000;
  s.distance_cm = 90000;
  w.define_session(2).session(2, s);
  return w.file(options);
}

// A FIT whose only definition gives a record 255 fields of 255 bytes each
// (65 kB a message), followed by one data message of a few bytes.
std::string fit_huge_field_sizes() {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  std::vector<fit::FieldDef> fields;
  for (int i = 0; i < 255; ++i)
    fields.push_back({static_cast<std::uint8_t>(i), 255, 0x0D});  // byte arrays
  w.define(1, 20, fields);
  w.raw(std::string("\x01\x00\x00\x00\x00", 5));
  return w.file();
}

// A database for an athlete in UTC that already holds one imported file and
// one journal entry, so that "nothing stored" is checked against real content.
class Fixture : public runload::test::CliDatabase {
 public:
  Fixture() {
    const auto seed = dir().write("seed.csv", "date,stiffness,note\n2024-01-01,2,seed\n");
    REQUIRE(run({"journal", "import", seed.string()}).exit_code == 0);
    const auto track = dir().write("seed.gpx", gpx("2024-02-01"));
    REQUIRE(run({"import", track.string()}).exit_code == 0);
    remember();
    REQUIRE(m_runs.size() == 1);
  }

  // Nothing changed since the last remember(), and the database is healthy.
  // A refused file leaves only the record of its failure (failed_files, so
  // that importing it again is quiet), nothing of its content.
  void require_unchanged() const {
    CHECK(runs() == m_runs);
    CHECK(journal() == m_journal);
    auto now = counts();
    auto before = m_counts;
    now.erase("failed_files");
    before.erase("failed_files");
    CHECK(now == before);
  }

  // The runs stored since the last remember(); what was there is untouched.
  nlohmann::json added_runs() const {
    const auto now = runs();
    nlohmann::json added = nlohmann::json::array();
    for (const auto& run : now) {
      if (std::find(m_runs.begin(), m_runs.end(), run) == m_runs.end()) added.push_back(run);
    }
    CHECK(now.size() == m_runs.size() + added.size());
    CHECK(journal() == m_journal);
    counts();
    return added;
  }

  void remember() {
    m_runs = runs();
    m_journal = journal();
    m_counts = counts();
  }

 private:
  nlohmann::json m_runs;
  nlohmann::json m_journal;
  nlohmann::json m_counts;
};

struct BadImport {
  std::string name;                    // under tests/fixtures/bad/import/ when `bytes` is empty
  std::function<std::string()> bytes;  // else the file is written from these
  int exit_code;
  int imported;          // activities stored from the file
  std::string location;  // after the path: ":LINE:", ": byte N:", "!member" or ":"
  std::string message;   // part of the error or warning
  std::map<std::string, std::string> env = {};
  // Checks the one run a file that imports added.
  std::function<void(const nlohmann::json& run)> check_run = {};
};

std::string gzip_of_truncated_gpx() {
  const auto packed = runload::test::gzip(gpx("2024-05-01", 2000));
  return packed.substr(0, packed.size() / 2);
}

std::string nested_gpx() {
  std::string text = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">\n";
  for (int i = 0; i < 100000; ++i) text += "<a>";
  for (int i = 0; i < 100000; ++i) text += "</a>";
  return text + "\n</gpx>\n";
}

std::string nested_extensions_gpx() {
  auto text = gpx("2024-05-02");
  std::string deep = "<extensions>";
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  deep += "</extensions>";
  text.insert(text.find("<time>"), deep);
  return text;
}

// Every malformed activity file and what runload says about it. Accepted
// files start on distinct days so that none is merged into another.
const std::vector<BadImport>& bad_imports() {
  static const std::vector<BadImport> table{
      {"truncated_mid_element_line_8.gpx", {}, 1, 0, ":8:", "malformed XML"},
      {"not_xml_png_bytes.gpx", {}, 1, 0, ":", "not an XML document"},
      {"empty.gpx", {}, 1, 0, ":", "empty document"},
      // pugixml expands no entity: the names stay "&lol9;" and "&xxe;".
      {"billion_laughs_doctype.gpx",
       {},
       0,
       1,
       "",
       "",
       {},
       [](const nlohmann::json& run) { CHECK(run["name"] == "&lol9;"); }},
      {"external_entity_etc_passwd.gpx",
       {},
       0,
       1,
       "",
       "",
       {},
       [](const nlohmann::json& run) { CHECK(run["name"] == "&xxe;"); }},
      {"nested_100000_elements.gpx", nested_gpx, 1, 0, ":", "no track, route or waypoint"},
      {"nested_100000_elements_in_extensions.gpx", nested_extensions_gpx, 0, 1, "", ""},
      {"missing_lat_lon_every_point_line_4.gpx", {}, 1, 0, ":4:", "without a lat attribute"},
      {"lat_out_of_range_every_point_line_4.gpx", {}, 1, 0, ":4:", "invalid lat \"147."},
      {"non_monotonic_and_duplicate_times.gpx",
       {},
       0,
       1,
       ":3:",
       "2 whose time did not increase",
       {},
       // 40 points 30 m apart: the 2 repeated ones change nothing.
       [](const nlohmann::json& run) { CHECK(run["distance_km"] == 1.17); }},
      {"teleport_one_point_500_km_away.gpx",
       [] {
         return gpx("2024-05-03", 61, 30.0, 10, {},
                    [](int i) { return i == 30 ? 500000.0 / k_metres_per_degree : 0.0; });
       },
       0,
       1,
       ":3:",
       "dropped 1 GPS glitch point(s)",
       {},
       [](const nlohmann::json& run) { CHECK(run["distance_km"] == 1.8); }},
      {"flat_10_km_with_5_m_elevation_noise.gpx",
       [] { return gpx("2024-05-04", 1001, 10.0, 3, [](int i) { return i % 2 ? 105.0 : 95.0; }); },
       0,
       1,
       "",
       "",
       {},
       // A 50 m moving average, then a 5 m hysteresis (track_metrics.hpp).
       [](const nlohmann::json& run) {
         CHECK(run["distance_km"] == 10.0);
         CHECK(run["elevation_gain_m"].get<double>() < 5.0);
       }},
      // Regression: stored as it was, the name made runs --json fail.
      {"track_name_not_utf8_line_3.gpx",
       [] {
         auto text = gpx("2024-05-09");
         return text.replace(text.find("<name>Run"), 9, "<name>Caf\xE9");
       },
       1, 0, ":3:", "the track name is not UTF-8 text (byte 3 of it is 0xE9)"},
      {"route_only.gpx", {}, 1, 0, ":", "planned route (rte)"},
      {"waypoints_only.gpx", {}, 1, 0, ":", "only waypoints (wpt)"},
      {"strava_header_only.csv", {}, 0, 0, "", ""},
      // A bad row costs that row alone (issue 14): the other row is stored.
      {"strava_nan_distance_line_3.csv",
       {},
       0,
       1,
       ":3:",
       "not \"NaN\"",
       {},
       [](const nlohmann::json& run) { CHECK(run["distance_km"] == 5.0); }},
      {"strava_inf_distance_line_2.csv", {}, 1, 0, ":2:", "not \"inf\""},
      {"strava_1e309_distance_line_2.csv", {}, 1, 0, ":2:", "not \"1e309\""},
      {"strava_negative_distance_line_2.csv", {}, 1, 0, ":2:", "not \"-5.00\""},
      {"strava_absurd_elapsed_time_line_2.csv",
       {},
       1,
       0,
       ":2:",
       "column 5 (\"Elapsed Time\"): Elapsed Time in seconds must be a number from 0 to 2592000"},
      {"strava_utf16_le_bom.csv", {}, 1, 0, ":1:", "UTF-16"},
      {"strava_nul_byte_in_name_line_2.csv", {}, 1, 0, ":2:", "a NUL byte at byte 113"},
      {"strava_invalid_utf8_name_line_3.csv", {}, 1, 0, ":3:", "byte 165 (0xE9) is not UTF-8"},
      // Localised exports are read (issue 14): "9,44" km, "Laufen".
      {"strava_german_localised.csv",
       {},
       0,
       1,
       "",
       "",
       {},
       [](const nlohmann::json& run) {
         CHECK(run["distance_km"] == 9.44);
         CHECK(run["sport"] == "run");
       }},
      {"tcx_course_not_activity.tcx", {}, 1, 0, ":4:", "a course (a planned route)"},
      {"over_the_size_limit.gpx",
       [] { return gpx("2024-05-05"); },
       1,
       0,
       ":",
       "runload reads files up to 1000 bytes",
       {{"RUNLOAD_MAX_FILE_BYTES", "1000"}}},
      {"gzip_bomb.gpx.gz", [] { return runload::test::gzip_zeros((std::size_t{256} << 20) + 1); },
       1, 0, ": byte ", "inflates to more than 268435456 bytes"},
      {"truncated.gpx.gz", gzip_of_truncated_gpx, 1, 0, ": byte ", ""},
      {"member_escaping_and_absolute.zip",
       [] {
         return runload::test::make_zip({{"runs/../../evil.gpx", gpx("2024-05-06")},
                                         {"/etc/absolute.gpx", gpx("2024-05-07")},
                                         {"runs/good.gpx", gpx("2024-05-08")}});
       },
       1, 1, "!runs/../../evil.gpx: refused: a '..' component",
       ".zip!/etc/absolute.gpx: refused: an absolute path"},
      // A file CRC that fails over a stream that decodes whole is a warning
      // (fit_reader.hpp); a header CRC that fails is an error.
      {"bad_file_crc_stream_whole.fit",
       [] {
         return fit_run(1, {14, true, false, true, 0});
       },
       0, 1, ":", "CRC"},
      {"bad_header_crc.fit",
       [] {
         return fit_run(4, {14, true, true, false, 0});
       },
       1, 0, ": byte ", "CRC"},
      {"data_size_larger_than_the_file.fit",
       [] {
         return fit_run(2, {14, true, false, false, 4096});
       },
       1, 0, ": byte ", ""},
      {"data_size_smaller_than_its_content.fit",
       [] {
         return fit_run(3, {14, true, false, false, -40});
       },
       1, 0, ": byte ", ""},
      {"definition_with_huge_field_sizes.fit", fit_huge_field_sizes, 1, 0, ": byte ", ""},
  };
  return table;
}

fs::path bad_fixture(const std::string& name) {
  return runload::test::source_dir() / "tests/fixtures/bad/import" / name;
}

}  // namespace

TEST_CASE("bad input: every malformed activity file gets its documented exit code and message",
          "[e2e][bad_input][import]") {
  Fixture db;
  for (const auto& bad : bad_imports()) {
    const auto path = bad.bytes ? db.dir().write(bad.name, bad.bytes()) : bad_fixture(bad.name);
    INFO(bad.name);
    REQUIRE(fs::exists(path));
    // --verbose: every warning, also those of a few dropped points that an
    // import shows only with it.
    const auto r = db.run({"import", path.string(), "--json", "--verbose"}, {bad.env, "", ""});
    INFO(r.err);
    CHECK(r.exit_code == bad.exit_code);
    const auto summary = nlohmann::json::parse(r.out);
    CHECK(summary["imported"] == bad.imported);
    CHECK((summary["failed"] > 0) == (bad.exit_code != 0));
    if (!bad.location.empty()) CHECK_THAT(r.err, Catch::Contains(path.string() + bad.location));
    CHECK_THAT(r.err, Catch::Contains(bad.message));
    for (const auto& error : summary["errors"]) {
      CHECK_THAT(error["path"].get<std::string>(), Catch::StartsWith(path.string()));
    }
    if (bad.exit_code != 0 && bad.imported == 0) {
      db.require_unchanged();
    } else {
      // A file that imports (with warnings, or a zip whose good member does)
      // adds its runs, and nothing else changes.
      const auto added = db.added_runs();
      CHECK(added.size() == static_cast<std::size_t>(bad.imported));
      if (bad.check_run && added.size() == 1) bad.check_run(added[0]);
      db.remember();
    }
  }
}

TEST_CASE("bad input: every fixture under tests/fixtures/bad/import is in the table",
          "[bad_input][import]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(bad_fixture(""))) {
    const auto name = entry.path().filename().string();
    INFO(name);
    const auto& table = bad_imports();
    CHECK(std::any_of(table.begin(), table.end(),
                      [&](const BadImport& b) { return !b.bytes && name == b.name; }));
    ++files;
  }
  CHECK(files ==
        static_cast<std::size_t>(std::count_if(bad_imports().begin(), bad_imports().end(),
                                               [](const BadImport& b) { return !b.bytes; })));
}
