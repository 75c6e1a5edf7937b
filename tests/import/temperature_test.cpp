#include <catch2/catch.hpp>

#include <string>

#include <date/tz.h>

#include <runload/identity/activity_merge.hpp>
#include <runload/import/fit_reader.hpp>
#include <runload/import/gpx_reader.hpp>
#include <runload/import/strava_csv.hpp>

#include "support/fit_writer.hpp"

using namespace runload;
using namespace runload::import;
namespace fit = runload::test::fit;
using model::TemperatureSource;

namespace {

// A Strava activities.csv with the weather and device temperature columns.
std::string strava_rows(const std::string& weather, const std::string& device) {
  return "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
         "Average Temperature,Weather Temperature\n"
         "1,\"Nov 12, 2026, 6:05:00 AM\",Morning Run,Run,3300,9.00," +
         device + "," + weather + "\n";
}

std::optional<model::Temperature> strava_temperature(const std::string& weather,
                                                     const std::string& device) {
  const auto r = read_strava_csv(strava_rows(weather, device), ParseContext{"a.csv", nullptr});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 1);
  return r.activities[0].activity.temperature;
}

std::string gpx_with_atemp(const std::string& first, const std::string& second) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <trk><name>Cold run</name><type>running</type><trkseg>
  <trkpt lat="52.5000000" lon="13.4000000"><time>2026-11-10T17:45:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>)" +
         first + R"(</gpxtpx:atemp></gpxtpx:TrackPointExtension></extensions></trkpt>
  <trkpt lat="52.5010000" lon="13.4000000"><time>2026-11-10T17:45:40Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>)" +
         second + R"(</gpxtpx:atemp></gpxtpx:TrackPointExtension></extensions></trkpt>
 </trkseg></trk>
</gpx>
)";
}

constexpr std::uint64_t k_start = 1078992000;  // 2024-03-10T08:00:00Z in FIT seconds
constexpr std::uint8_t k_sint8 = 0x01;

// A FIT run whose records carry temperature (field 13) and whose session
// may carry its mean (field 57).
std::string fit_run(std::optional<std::int8_t> session_mean) {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define(
      1, 20,
      {{253, 4, fit::k_uint32}, {0, 4, fit::k_sint32}, {1, 4, fit::k_sint32}, {13, 1, k_sint8}});
  const auto sint8 = [](int v) { return static_cast<std::uint64_t>(static_cast<std::uint8_t>(v)); };
  w.data(1, {k_start, fit::semicircles(45.0), fit::semicircles(-90.0), sint8(-4)});
  w.data(1, {k_start + 10, fit::semicircles(45.0001), fit::semicircles(-90.0), sint8(-2)});
  w.data(1, {k_start + 20, fit::semicircles(45.0002), fit::semicircles(-90.0), sint8(0)});
  w.define(2, 18,
           {{253, 4, fit::k_uint32},
            {2, 4, fit::k_uint32},
            {5, 1, fit::k_enum},
            {7, 4, fit::k_uint32},
            {57, 1, k_sint8}});
  w.data(2, {k_start + 20, k_start, 1, 20000,
             session_mean ? sint8(*session_mean) : std::uint64_t{0x7F}});
  return w.file();
}

}  // namespace

TEST_CASE("temperature: Strava's weather column, else its device column, in degrees C",
          "[import][temperature]") {
  auto t = strava_temperature("3.4", "12.0");
  REQUIRE(t);
  CHECK(t->celsius == Approx(3.4));
  CHECK(t->source == TemperatureSource::weather);
  t = strava_temperature("", "12.0");
  REQUIRE(t);
  CHECK(t->celsius == Approx(12.0));
  CHECK(t->source == TemperatureSource::device);
  CHECK_FALSE(strava_temperature("", ""));
  // A value no weather has is no temperature, and costs the row nothing.
  t = strava_temperature("99", "-1.5");
  REQUIRE(t);
  CHECK(t->source == TemperatureSource::device);
  CHECK(t->celsius == Approx(-1.5));
  CHECK_FALSE(strava_temperature("-61", "nan"));
}

TEST_CASE("temperature: a GPX atemp gives the device's mean", "[import][temperature]") {
  std::string gpx = gpx_with_atemp("3.0", "6.0");
  auto r = read_gpx(gpx, ParseContext{"cold.gpx", nullptr});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 1);
  const auto& t = r.activities[0].activity.temperature;
  REQUIRE(t);
  CHECK(t->celsius == Approx(4.5));
  CHECK(t->source == TemperatureSource::device);
  // A reading no sensor gives is left out of the mean.
  gpx = gpx_with_atemp("200", "6.0");
  r = read_gpx(gpx, ParseContext{"cold.gpx", nullptr});
  REQUIRE(r.ok());
  CHECK(r.activities[0].activity.temperature->celsius == Approx(6.0));
}

TEST_CASE("temperature: a FIT session's mean, else the records' mean", "[import][temperature]") {
  auto r = read_fit(fit_run(-3), ParseContext{"run.fit", nullptr});
  REQUIRE(r.ok());
  REQUIRE(r.activities.size() == 1);
  auto t = r.activities[0].activity.temperature;
  REQUIRE(t);
  CHECK(t->celsius == Approx(-3.0));
  CHECK(t->source == TemperatureSource::device);
  r = read_fit(fit_run(std::nullopt), ParseContext{"run.fit", nullptr});
  REQUIRE(r.ok());
  t = r.activities[0].activity.temperature;
  REQUIRE(t);
  CHECK(t->celsius == Approx(-2.0));  // (-4 - 2 + 0) / 3
}

TEST_CASE("temperature: merged, the weather outranks the device, whichever came first",
          "[identity][temperature]") {
  model::Activity row;
  row.temperature = model::Temperature{2.0, TemperatureSource::weather};
  row.sources.push_back({"strava_csv", "activities.csv", 2});
  model::Activity track;
  track.temperature = model::Temperature{9.0, TemperatureSource::device};
  track.sources.push_back({"gpx", "1.gpx", std::nullopt});
  CHECK(identity::merge_activities(track, row).temperature->celsius == 2.0);
  CHECK(identity::merge_activities(row, track).temperature->celsius == 2.0);
  model::Activity bare;
  bare.sources.push_back({"runload_csv", "runs.csv", 2});
  CHECK(identity::merge_activities(bare, track).temperature->source == TemperatureSource::device);
  CHECK_FALSE(identity::merge_activities(bare, bare).temperature.has_value());
}
