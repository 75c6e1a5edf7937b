#include <catch2/catch.hpp>

#include <cmath>

#include <runload/analyze/acwr.hpp>
#include <runload/analyze/monotony.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using runload::analyze::test::ymd;

namespace {

// 21 days at 30 then 7 days at 50 (DESIGN.md section 3), from 2024-01-01.
DailySeries design_vector() {
  const auto first = ymd(2024, 1, 1);
  DailySeries series(first, first + date::days{27});
  for (int i = 0; i < 28; ++i) series.add(first + date::days{i}, i < 21 ? 30.0 : 50.0);
  return series;
}

}  // namespace

TEST_CASE("acwr: the test vector of DESIGN.md section 3", "[analyze][acwr]") {
  const auto series = design_vector();
  const auto t = ymd(2024, 1, 28);
  // coupled: mean(7 x 50) / mean(21 x 30 + 7 x 50) = 50 / (980 / 28) = 50 / 35 = 1.4286
  CHECK(*acwr_coupled(series, t) == Approx(50.0 / 35.0));
  CHECK(*acwr_coupled(series, t) == Approx(1.429).margin(0.0005));
  // uncoupled: 50 / mean(21 x 30) = 50 / 30 = 1.6667
  CHECK(*acwr_uncoupled(series, t) == Approx(50.0 / 30.0));
  CHECK(*acwr_uncoupled(series, t) == Approx(1.667).margin(0.0005));
  // EWMA seeded on day 1 with 30: both stay at 30 for 21 days, then 7 updates
  // towards 50: acute = 50 - 20 x 0.75^7 = 47.3303, chronic = 50 - 20 x
  // (27/29)^7 = 37.8720, ratio 1.24975, which is 1.250 to three decimals.
  const double acute = 50.0 - 20.0 * std::pow(0.75, 7);
  const double chronic = 50.0 - 20.0 * std::pow(27.0 / 29.0, 7);
  CHECK(*acwr_ewma(series, ymd(2024, 1, 1), t) == Approx(acute / chronic).epsilon(1e-12));
  CHECK(*acwr_ewma(series, ymd(2024, 1, 1), t) == Approx(1.250).margin(0.0005));
}

TEST_CASE("acwr: null when the chronic load is 0", "[analyze][acwr]") {
  const auto first = ymd(2024, 1, 1);
  DailySeries series(first, first + date::days{27});
  series.add(first + date::days{27}, 5000.0);
  CHECK_FALSE(acwr_uncoupled(series, first + date::days{27}).has_value());
  // Coupled includes the acute week: 5000 / 7 over 5000 / 28 = 4, its bound.
  CHECK(*acwr_coupled(series, first + date::days{27}) == Approx(4.0));
  CHECK_FALSE(acwr_ewma(series, first, first - date::days{1}).has_value());
  DailySeries empty(first, first + date::days{27});
  CHECK_FALSE(acwr_ewma(empty, first, first + date::days{27}).has_value());
}

TEST_CASE("monotony: capped at 10 when every day is the same, strain is load x monotony",
          "[analyze][monotony]") {
  const auto monday = ymd(2024, 1, 1);
  DailySeries same(monday, monday + date::days{6});
  for (int i = 0; i < 7; ++i) same.add(monday + date::days{i}, 5000.0);
  const auto capped = monotony_strain(same, monday);
  REQUIRE(capped);
  CHECK(capped->monotony == Approx(10.0));
  CHECK(capped->strain_m == Approx(35000.0 * 10.0));

  // One 10 km day: mean 10000/7, population SD 10000 x sqrt(6) / 7, so
  // monotony = 1 / sqrt(6) = 0.40825 and strain = 10000 x 0.40825 = 4082.48.
  DailySeries single(monday, monday + date::days{6});
  single.add(monday, 10000.0);
  const auto one = monotony_strain(single, monday);
  REQUIRE(one);
  CHECK(one->monotony == Approx(1.0 / std::sqrt(6.0)));
  CHECK(one->strain_m == Approx(4082.48).margin(0.01));

  DailySeries rest(monday, monday + date::days{6});
  CHECK_FALSE(monotony_strain(rest, monday).has_value());
}
