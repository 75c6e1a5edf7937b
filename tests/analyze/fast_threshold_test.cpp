#include <catch2/catch.hpp>

#include <vector>

#include <runload/analyze/fast_threshold.hpp>
#include <runload/analyze/runs.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using namespace runload::analyze::test;

TEST_CASE("fast threshold: the median of an odd and an even count", "[analyze][fast]") {
  CHECK_FALSE(median(std::vector<double>{}).has_value());
  CHECK(median(std::vector<double>{3.0, 1.0, 2.0}) == 2.0);
  CHECK(median(std::vector<double>{4.0, 1.0, 3.0, 2.0}) == 2.5);
}

TEST_CASE("fast threshold: 1.15 x the median moving speed of the 90 days before",
          "[analyze][fast]") {
  // Moving speeds 2.0, 3.0 and 4.0 m/s in the 90 days before Apr 1; one at
  // 10 m/s 91 days before; one without a moving time.
  auto at = [](date::sys_days day, double km, double mps) {
    auto a = run_on(day, km);
    a.moving = std::chrono::seconds{static_cast<long>(km * 1000.0 / mps)};
    return a;
  };
  auto no_moving = run_on(ymd(2024, 3, 20), 5.0);
  no_moving.moving.reset();
  const std::vector<model::Activity> activities{
      at(ymd(2024, 1, 1), 10.0, 10.0),  // Apr 1 - 91 days
      at(ymd(2024, 1, 2), 10.0, 2.0),   // Apr 1 - 90 days: inside
      at(ymd(2024, 2, 1), 9.0, 3.0),   no_moving,
      at(ymd(2024, 3, 31), 8.0, 4.0),  at(ymd(2024, 4, 1), 6.0, 3.5),
  };
  const auto runs = collect_runs(activities, std::nullopt);
  REQUIRE(runs.size() == 6);
  // The last run (Apr 1): speeds 2, 3, 4 (and the run without moving time is
  // skipped): median 3.0, threshold 3.45 m/s.
  const auto threshold = derived_fast_threshold(runs, 5);
  REQUIRE(threshold);
  CHECK(*threshold == Approx(3.45));
  CHECK(*derived_fast_threshold(runs, 5, 1.2) == Approx(3.6));
  // The first run has no run before it.
  CHECK_FALSE(derived_fast_threshold(runs, 0).has_value());
}
