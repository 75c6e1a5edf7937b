#include <catch2/catch.hpp>

#include <runload/analyze/envelope.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;

// Reported week: Mon 2024-03-11 to Sun 2024-03-17.
TEST_CASE("envelope: the longest run of the 30 days x 1.10, and 0.8-1.3 x the 3-week mean",
          "[analyze][envelope]") {
  const auto monday = ymd(2024, 3, 11);
  const auto h = history_of(
      {
          run_on(ymd(2024, 2, 16), 25.0),  // 31 days before the Sunday: outside the 30
          run_on(ymd(2024, 2, 17), 14.0),  // the 30th day before the Sunday: inside
          run_on(ymd(2024, 2, 26), 10.0),  // week 1 of the 3 (Feb 26 - Mar 3)
          run_on(ymd(2024, 3, 5), 12.0),   // week 2
          run_on(ymd(2024, 3, 12), 8.0),   // the reported week
      },
      {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  const auto env = next_week_envelope(h, monday);
  // 14.0 km is the longest run of Feb 17 - Mar 17: 1.10 x 14.0 = 15.4 km.
  REQUIRE(env.max_single_run_m);
  CHECK(*env.max_single_run_m == Approx(15'400.0));
  // The mean of Feb 26 - Mar 17 (3 weeks): (10 + 12 + 8) / 3 = 10 km.
  REQUIRE(env.distance_low_m);
  REQUIRE(env.distance_high_m);
  CHECK(*env.distance_low_m == Approx(8'000.0));
  CHECK(*env.distance_high_m == Approx(13'000.0));
}

TEST_CASE("envelope: no run in the windows gives no numbers", "[analyze][envelope]") {
  const auto h = history_of({run_on(ymd(2024, 1, 2), 10.0)}, {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  const auto env = next_week_envelope(h, ymd(2024, 3, 11));
  CHECK_FALSE(env.max_single_run_m);
  CHECK_FALSE(env.distance_low_m);
  CHECK_FALSE(env.distance_high_m);
}
