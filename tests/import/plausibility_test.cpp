#include <catch2/catch.hpp>

#include <string>

#include <runload/import/plausibility.hpp>
#include <runload/import/read_any.hpp>

#include "support/temp_dir.hpp"

using namespace runload;
using namespace runload::import;
using namespace std::chrono_literals;

namespace {

ParseResult read_gpx_fixture(const char* name) {
  const auto path = test::source_dir() / "tests/fixtures/gpx" / name;
  std::string bytes = test::read_file(path);
  return read_file_bytes(path, bytes, ParseContext{name});
}

model::Activity foot(double distance_m, std::chrono::seconds elapsed,
                     std::optional<std::chrono::seconds> moving = {}) {
  model::Activity a;
  a.sport = model::Sport::run;
  a.distance_m = distance_m;
  a.elapsed = elapsed;
  a.moving = moving;
  return a;
}

}  // namespace

TEST_CASE("plausibility: a run at 26 km/h over 5 km cannot be on foot", "[import][plausible]") {
  const ParseResult r = read_gpx_fixture("run_at_26_km_per_h.gpx");
  REQUIRE(r.ok());
  const auto& a = r.activities.at(0).activity;
  CHECK(a.sport == model::Sport::other);
  CHECK(*a.distance_m == Approx(5018.0).epsilon(0.01));  // every number kept
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("the run starting 2024-06-01T07:00:00Z"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("averages 26.0 km/h over 5.0 km"));
  CHECK_THAT(r.warnings[0].message, Catch::Contains("runload runs set ID --sport run"));
}

TEST_CASE("plausibility: a GPS logger's 84 days with 755 s of moving is not one outing",
          "[import][plausible]") {
  const ParseResult r = read_gpx_fixture("gps_logger_84_days_755_s_moving.gpx");
  REQUIRE(r.ok());
  const auto& a = r.activities.at(0).activity;
  CHECK(a.sport == model::Sport::other);
  CHECK(*a.moving == 755s);
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0].message, Catch::Contains("spans 84.0 days with only 13 minutes"));
}

TEST_CASE("plausibility: the boundaries, and sports not on foot", "[import][plausible]") {
  // 7.0 m/s over 3 km is the limit itself; above it, and only from 3 km on.
  CHECK_FALSE(implausible_on_foot(foot(3000.0, 429s)));  // 6.99 m/s
  CHECK(implausible_on_foot(foot(3000.0, 428s)));        // 7.01 m/s
  CHECK_FALSE(implausible_on_foot(foot(2999.0, 300s)));  // a sprint session's 10 m/s
  // The moving time when known, else the elapsed time.
  CHECK(implausible_on_foot(foot(10000.0, 3600s, 1200s)));
  // A day of 10% moving is a long day out; under it, not one outing.
  CHECK_FALSE(implausible_on_foot(foot(2000.0, 24h, 8640s)));
  CHECK(implausible_on_foot(foot(2000.0, 24h, 8639s)));
  CHECK_FALSE(implausible_on_foot(foot(100.0, 23h, 60s)));  // under a day
  // A 24-hour race moves most of the day.
  CHECK_FALSE(implausible_on_foot(foot(180000.0, 24h, 22h)));
  auto ride = foot(40000.0, 3600s);
  ride.sport = model::Sport::ride;
  CHECK_FALSE(implausible_on_foot(ride));
  auto walk = foot(10000.0, 1000s);
  walk.sport = model::Sport::walk;
  CHECK(implausible_on_foot(walk));  // 36 km/h
}
