#include <catch2/catch.hpp>

#include <runload/import/read_any.hpp>
#include <runload/model/histogram.hpp>

#include "support/archives.hpp"
#include "support/strava_export.hpp"

using namespace runload;
namespace fit = runload::test::fit;

TEST_CASE("read_any: a file in no known format is refused with an error naming it",
          "[import][read_any]") {
  std::string bytes = "hello";
  const auto result =
      import::read_file_bytes("notes.xyz", bytes, import::ParseContext{"in/notes.xyz", nullptr});
  CHECK_FALSE(result.ok());
  CHECK(result.activities.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == "in/notes.xyz");
  CHECK_THAT(result.errors[0].message, Catch::Contains("unknown format"));
}

namespace {

const import::ParseContext k_ctx{"in/run", nullptr};

import::ParseResult read_named(const std::string& name, std::string bytes){
    return import::read_file_bytes(name, bytes, import::ParseContext{name, nullptr});
}  // namespace

}  // namespace

TEST_CASE("read_any: a FIT file is recognised by its header whatever its name",
          "[import][read_any]") {
  auto bytes = test::export_fit_run();
  const auto result = import::read_file_bytes("download.bin", bytes, k_ctx);
  REQUIRE(result.ok());
  REQUIRE(result.activities.size() == 1);
  CHECK(result.activities[0].activity.sources.at(0).format == "fit");
}

TEST_CASE("read_any: FIT keeps the device totals, its track fills the histograms",
          "[import][read_any]") {
  const auto result = read_named("run.fit", test::export_fit_run());
  REQUIRE(result.ok());
  const auto& parsed = result.activities.at(0);
  const auto& a = parsed.activity;
  CHECK(a.distance_m == Approx(10000.0));  // the session's, not the 1.8 km of records
  CHECK(a.elapsed == std::chrono::seconds(3000));
  CHECK(a.moving == std::chrono::seconds(2950));
  CHECK(a.elevation_gain_m == Approx(55.0));
  REQUIRE(a.speed_histogram);
  REQUIRE(a.grade_histogram);
  CHECK(a.speed_histogram->total() == Approx(1800.0).epsilon(0.01));
  CHECK_FALSE(parsed.track);  // consumed by the metrics
}

TEST_CASE("read_any: .fit.gz, .tcx.gz and .gpx.gz are inflated and read by their inner format",
          "[import][read_any]") {
  auto fit = read_named("a.fit.gz", test::gzip(test::export_fit_run()));
  REQUIRE(fit.ok());
  CHECK(fit.activities.at(0).activity.sources.at(0).format == "fit");
  CHECK(fit.activities.at(0).activity.sources.at(0).file == "a.fit.gz");
  auto tcx = read_named("b.tcx.gz", test::gzip(test::export_tcx_run()));
  REQUIRE(tcx.ok());
  CHECK(tcx.activities.at(0).activity.distance_m == Approx(4000.0));
  CHECK(tcx.activities.at(0).activity.speed_histogram);
  auto gpx = read_named("c.gpx.gz", test::gzip(test::export_gpx_run()));
  REQUIRE(gpx.ok());
  CHECK(gpx.activities.at(0).activity.distance_m == Approx(5400.0).epsilon(0.01));
  // The content decides, even under a misleading name.
  auto renamed = read_named("d.gpx.gz", test::gzip(test::export_tcx_run()));
  REQUIRE(renamed.ok());
  CHECK(renamed.activities.at(0).activity.sources.at(0).format == "tcx");
}

TEST_CASE("read_any: a truncated gzip is refused with the offset where it ends",
          "[import][read_any]") {
  const auto gz = test::gzip(test::export_gpx_run());
  const auto result = read_named("c.gpx.gz", gz.substr(0, gz.size() / 2));
  REQUIRE(result.errors.size() == 1);
  CHECK(result.activities.empty());
  CHECK(result.errors[0].offset == static_cast<std::int64_t>(gz.size() / 2));
  CHECK_THAT(result.errors[0].message, Catch::Contains("truncated"));
}

TEST_CASE("read_any: a gzip bomb is refused once it passes the inflated-size cap",
          "[import][read_any]") {
  const auto bomb = test::gzip_zeros(import::k_max_inflated_bytes + 1);
  CHECK(bomb.size() < 2 * 1024 * 1024);
  const auto result = read_named("bomb.gpx.gz", bomb);
  REQUIRE(result.errors.size() == 1);
  CHECK_THAT(result.errors[0].message, Catch::Contains("inflates to more than"));
}

TEST_CASE("read_any: a broken FIT inside a gzip names the offset in the inflated data",
          "[import][read_any]") {
  fit::FileOptions options;
  options.bad_header_crc = true;
  const auto result = read_named("x.fit.gz", test::gzip(test::export_fit_run(options)));
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors[0].file == "x.fit.gz");
  CHECK(result.errors[0].offset);
  CHECK_THAT(result.errors[0].message, Catch::EndsWith("(offset in the inflated data)"));
}

TEST_CASE("read_any: nested archives are refused", "[import][read_any]") {
  const auto twice = read_named("a.gpx.gz.gz", test::gzip(test::gzip(test::export_gpx_run())));
  REQUIRE_FALSE(twice.ok());
  CHECK_THAT(twice.errors[0].message, Catch::Contains("gzip file inside a gzip"));
  const auto zip = read_named("inner.zip", test::make_zip({{"a.gpx", test::export_gpx_run()}}));
  REQUIRE_FALSE(zip.ok());
  CHECK_THAT(zip.errors[0].message, Catch::Contains("zip archive inside"));
}

TEST_CASE("read_any: unknown content is refused saying what it starts with", "[import][read_any]") {
  const auto binary = read_named("photo.jpg", std::string("\xFF\xD8\xFF\xE0JFIF", 8));
  REQUIRE(binary.errors.size() == 1);
  CHECK_THAT(binary.errors[0].message,
             Catch::Contains("\\xff\\xd8\\xff\\xe0JFIF") && Catch::Contains("'.jpg'"));
  const auto csv = read_named("bikes.csv", "Bike Name,Bike Brand\n");
  REQUIRE(csv.errors.size() == 1);
  CHECK_THAT(csv.errors[0].message, Catch::Contains("unknown CSV") && Catch::Contains("Bike Name"));
  const auto empty = read_named("empty.gpx.gz", test::gzip(""));
  REQUIRE_FALSE(empty.ok());
  // A header in valid UTF-8 is shown as written, not escaped ("T\xc3\xadtulo").
  const auto spanish = read_named("otro.csv", "Título,Descripción\n");
  REQUIRE(spanish.errors.size() == 1);
  CHECK_THAT(spanish.errors[0].message, Catch::Contains("\"Título,Descripción\""));
}

TEST_CASE("read_any: the three CSV flavours are told apart by their header", "[import][read_any]") {
  const auto strava = read_named("activities.csv", test::export_activities_csv());
  REQUIRE(strava.ok());
  REQUIRE(strava.activities.size() == 4);
  CHECK(strava.activities[0].activity.sources.at(0).format == "strava_csv");
  CHECK(strava.activities[0].track_file == "activities/101.fit.gz");
  auto runload_csv = test::read_file(test::source_dir() / "tests/fixtures/csv/runload_simple.csv");
  const auto own = read_named("log.csv", runload_csv);
  REQUIRE(own.ok());
  CHECK(own.activities.at(0).activity.sources.at(0).format == "runload_csv");
}
