#include <catch2/catch.hpp>

#include <cmath>

#include <runload/analyze/fitness.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using runload::analyze::test::ymd;

TEST_CASE("fitness: the smoothing factor is 1 - exp(-1/tau)", "[analyze][fitness]") {
  CHECK(ewma_factor(42.0) == Approx(0.0235283));
  CHECK(ewma_factor(7.0) == Approx(0.133122));
}

TEST_CASE(
    "fitness: a constant daily load of L for 200 days gives CTL and ATL within 1% of L, and "
    "TSB within 1% of zero",
    "[analyze][fitness]") {
  const auto first = ymd(2024, 1, 1);
  DailySeries daily(first, first + date::days{199});
  for (int d = 0; d < 200; ++d) daily.add(first + date::days{d}, 10000.0);
  const auto series = fitness_series(daily);
  REQUIRE(series.size() == 200);
  const auto& last = series.back();
  CHECK(std::fabs(last.ctl_m - 10000.0) < 100.0);  // 1 - exp(-200/42): 99.14%
  CHECK(std::fabs(last.atl_m - 10000.0) < 100.0);
  CHECK(std::fabs(last.tsb_m) < 100.0);
  CHECK(last.ctl_m == Approx(10000.0 * (1.0 - std::exp(-200.0 / 42.0))));
}

TEST_CASE("fitness: a step from rest to L against the closed form, TSB dated the day after",
          "[analyze][fitness]") {
  // 30 rest days, then L every day: after n loaded days the recurrence gives
  // L * (1 - (1 - k)^n) = L * (1 - exp(-n / tau)), computed here directly.
  const auto first = ymd(2024, 3, 1);
  DailySeries daily(first, first + date::days{89});
  for (int d = 30; d < 90; ++d) daily.add(first + date::days{d}, 8000.0);
  const auto series = fitness_series(daily);
  for (int d = 0; d < 30; ++d) {
    CHECK(series[d].ctl_m == 0.0);
    CHECK(series[d].tsb_m == 0.0);
  }
  for (int n = 1; n <= 60; ++n) {
    const auto& day = series[29 + n];
    INFO("loaded day " << n);
    CHECK(day.ctl_m == Approx(8000.0 * (1.0 - std::exp(-n / 42.0))).epsilon(1e-9));
    CHECK(day.atl_m == Approx(8000.0 * (1.0 - std::exp(-n / 7.0))).epsilon(1e-9));
    CHECK(day.tsb_m == Approx(series[28 + n].ctl_m - series[28 + n].atl_m).margin(1e-9));
  }
  // The first loaded day starts with the form of the rest before it.
  CHECK(series[30].tsb_m == 0.0);
  CHECK(series[31].tsb_m == Approx(8000.0 * (ewma_factor(42.0) - ewma_factor(7.0))));
  // The weekly ramp: CTL of the day against 7 days before.
  const auto ramp = ctl_ramp(series, first + date::days{59});
  REQUIRE(ramp.has_value());
  CHECK(*ramp == Approx(8000.0 * (std::exp(-23.0 / 42.0) - std::exp(-30.0 / 42.0))));
  CHECK_FALSE(ctl_ramp(series, first + date::days{3}).has_value());
}
