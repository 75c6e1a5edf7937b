#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <runload/import/fit_reader.hpp>
#include <runload/import/gzip_reader.hpp>

#include "support/temp_dir.hpp"

using namespace runload;
using namespace runload::import;
using namespace std::chrono_literals;

namespace {

struct Expected {
  std::size_t index;  // which activity of the file
  model::Sport sport;
  double distance_m;
  std::int64_t elapsed_s;
};

struct CorpusFile {
  const char* name;
  std::vector<model::Sport> sports;  // empty: the file is refused
  std::vector<Expected> checks;
  std::int64_t error_offset = -1;
};

const std::vector<CorpusFile> k_corpus = {
    {"MALFORMED_strava_android_bigendian_datasize_lies__fitparse_strava-android-app.fit",
     {},
     {},
     4},  // data size 19 bytes longer than the file
    // Ends mid-record without a session (the recording stopped): built from
    // the records before the break, with a warning.
    {"MALFORMED_unterminated_bad_crc__fitparse_nick.fit",
     {model::Sport::ride},
     {{0, model::Sport::ride, 113550.87, 16723}}},
    {"chained_4files_triathlon__fitparse_sample_mulitple_header.fit",
     {model::Sport::swim, model::Sport::other, model::Sport::ride, model::Sport::other,
      model::Sport::run},
     {{0, model::Sport::swim, 1644.71, 1988}, {4, model::Sport::run, 9805.92, 2851}}},
    {"coros_pace2_field_size_mismatch__fitparse_coros-pace-2-cycling-misaligned-fields.fit",
     {model::Sport::ride},
     {{0, model::Sport::ride, 32145.8, 12719}}},
    {"fenix2_run_9km__fitparse_activity-small-fenix2-run.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 9008.22, 2832}}},
    {"fenix5_run_short__fitparse_garmin-fenix-5-run.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 157.56, 57}}},
    {"fr920xt_run_firstbeat__gc_Garmin920_withFirstbeat.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 7278.71, 2124}}},
    {"garmin_fr10_run_laps__gpsbabel_garmin-forerunner-10.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 10207.7, 1695}}},
    {"garmin_run_2013_4_8km__fitparse_2013-02-06-12-11-14.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 4835.38, 2625}}},
    {"garmin_run_2021_7_9km__slither_running.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 7864.22, 3087}}},
    // A record torn in two after the session message; the file CRC fails too.
    {"lezyne_bad_endian_crc__gpsbabel_lezyne_super_gps.fit", {}, {}, 22227},
    {"multisport_1MB__fitparse_activity-large-fenxi2-multisport.fit",
     {model::Sport::other, model::Sport::other, model::Sport::run, model::Sport::other,
      model::Sport::run, model::Sport::other, model::Sport::ride},
     {{2, model::Sport::run, 2245.23, 2295}, {4, model::Sport::run, 12740.4, 6764}}},
    // Timestamps count seconds since the foot pod powered on.
    {"run_no_gps_compressed_speed_distance__fitparse_compressed-speed-distance.fit", {}, {}, 936},
    {"run_with_developer_fields__fitparse_developer-types-sample.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 6753.99, 3424}}},
    {"run_with_pauses_2022__togeojson_run.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 8605.3, 3258}}},
    {"vivosmart_hr_run_no_gps__gpsbabel_garmin-vivosmart-hr.fit",
     {model::Sport::run},
     {{0, model::Sport::run, 46.46, 32}}},
};

std::filesystem::path fit_corpus() {
  const auto dir = test::corpus_dir();
  return dir.empty() ? dir : dir / "fit";
}

ParseResult read_corpus_fit(const std::string& name) {
  return read_fit(test::read_file(fit_corpus() / name), ParseContext{name, nullptr});
}

}  // namespace

TEST_CASE("fit corpus: every file reads with plausible totals or is refused at an offset",
          "[import][fit][corpus]") {
  if (fit_corpus().empty()) {
    WARN("corpus absent: skipped");
    return;
  }
  for (const CorpusFile& file : k_corpus) {
    INFO(file.name);
    const auto result = read_corpus_fit(file.name);
    if (file.sports.empty()) {
      REQUIRE(result.errors.size() == 1);
      CHECK(result.activities.empty());
      CHECK(result.errors[0].offset == file.error_offset);
      continue;
    }
    REQUIRE(result.ok());
    REQUIRE(result.activities.size() == file.sports.size());
    for (std::size_t i = 0; i < file.sports.size(); ++i) {
      CHECK(result.activities[i].activity.sport == file.sports[i]);
    }
    for (const Expected& e : file.checks) {
      const auto& a = result.activities.at(e.index).activity;
      CHECK(a.sport == e.sport);
      CHECK(a.distance_m == Approx(e.distance_m).margin(0.01));
      CHECK(a.elapsed == std::chrono::seconds{e.elapsed_s});
      CHECK(result.activities[e.index].track);
    }
  }
}

TEST_CASE("fit corpus: a run with pauses has timer time as moving time", "[import][fit][corpus]") {
  if (fit_corpus().empty()) return;
  const auto fr10 = read_corpus_fit("garmin_fr10_run_laps__gpsbabel_garmin-forerunner-10.fit");
  REQUIRE(fr10.ok());
  CHECK(fr10.activities.at(0).activity.moving == 1499s);
  const auto pauses = read_corpus_fit("run_with_pauses_2022__togeojson_run.fit");
  REQUIRE(pauses.ok());
  CHECK(pauses.activities.at(0).activity.moving == 2419s);
  CHECK(pauses.activities[0].track->segments.size() > 1);
  const auto hills = read_corpus_fit("garmin_run_2013_4_8km__fitparse_2013-02-06-12-11-14.fit");
  REQUIRE(hills.ok());
  CHECK(hills.activities.at(0).activity.elevation_gain_m == 168.0);
}

TEST_CASE("fit corpus: a Strava-style .fit.gz reads through gunzip", "[import][fit][corpus]") {
  if (fit_corpus().empty()) return;
  const auto name = "strava_export_style_fit_gz__gc_14582164182.fit.gz";
  const auto inflated = gunzip(test::read_file(fit_corpus() / name), 64 * 1024 * 1024);
  REQUIRE(inflated.ok());
  const auto result = read_fit(inflated.bytes, ParseContext{name, nullptr});
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 1);
  const auto& a = result.activities[0].activity;
  CHECK(a.sport == model::Sport::ride);  // a virtual ride: timer 2760 s > elapsed 1632 s
  CHECK(a.distance_m == Approx(14921.2).margin(0.1));
  // Elapsed time is never shorter than the timer's: taken to the session's end, with a warning.
  CHECK(a.elapsed == 2760s);
  CHECK(a.moving == 2760s);
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message, Catch::Contains("shorter than its timer time"));
}

TEST_CASE("fit corpus: fenix 5 records match python-fitparse's decode", "[import][fit][corpus]") {
  if (fit_corpus().empty()) return;
  const auto result = read_corpus_fit("fenix5_run_short__fitparse_garmin-fenix-5-run.fit");
  REQUIRE(result.ok());
  const auto& points = result.activities.at(0).track->segments.at(0);
  std::istringstream csv(
      test::read_file(test::corpus_dir() / "csv" / "EXPECTED_fenix5_run_records__fitparse.csv"));
  std::string line;
  std::getline(csv, line);  // timestamp,heart_rate,cadence,speed,distance,lat,long,altitude,temp
  std::size_t i = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    REQUIRE(cells.size() == 9);
    REQUIRE(i < points.size());
    const auto& p = points[i];
    INFO("row " << i + 1);
    CHECK(p.hr_bpm == std::stod(cells[1]));
    CHECK(p.cadence_spm == 2 * std::stod(cells[2]));
    CHECK(p.device_distance_m == Approx(std::stod(cells[4])));
    CHECK(p.lat == Approx(std::stod(cells[5]) * 180.0 / 2147483648.0));
    CHECK(p.lon == Approx(std::stod(cells[6]) * 180.0 / 2147483648.0));
    CHECK(p.ele_m == Approx(std::stod(cells[7])));
    ++i;
  }
  CHECK(i == points.size());
  // First row: Sun Jun 11 07:34:09 PDT 2017 = 14:34:09 UTC.
  CHECK(points[0].time ==
        model::TimePoint{date::sys_days{date::year{2017} / 6 / 11} + 14h + 34min + 9s});
}
