#include <catch2/catch.hpp>

#include <vector>

#include <runload/analyze/envelope.hpp>
#include <runload/rules/catalogue.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using namespace runload::analyze::test;
using model::Rule;
using model::Severity;

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
  const auto env = next_week_envelope(h, monday, {});
  CHECK_FALSE(env.withheld);
  // 14.0 km is the longest run of Feb 17 - Mar 17: 1.10 x 14.0 = 15.4 km.
  REQUIRE(env.max_single_run_m);
  CHECK(*env.max_single_run_m == Approx(15'400.0));
  // The mean of Feb 26 - Mar 17 (3 weeks): (10 + 12 + 8) / 3 = 10 km (the
  // numbers are named to 0.1 km).
  REQUIRE(env.distance_low_m);
  REQUIRE(env.distance_high_m);
  CHECK(*env.distance_low_m == Approx(8'000.0));
  CHECK(*env.distance_high_m == Approx(13'000.0));
  CHECK(env.weeks_averaged == 3);
  CHECK(env.limits.empty());
}

TEST_CASE("envelope: no run in the windows gives no numbers", "[analyze][envelope]") {
  const auto h = history_of({run_on(ymd(2024, 1, 2), 10.0)}, {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  const auto env = next_week_envelope(h, ymd(2024, 3, 11), {});
  CHECK_FALSE(env.max_single_run_m);
  CHECK_FALSE(env.distance_low_m);
  CHECK_FALSE(env.distance_high_m);
}

TEST_CASE("envelope: after a spike next week does not build on the spike", "[analyze][envelope]") {
  // Sun Mar 17: 17 km, 70% over the 10 km of Feb 20 (inside its 30 days): a
  // spike. The longest run of the 30 days that was not a spike is 10 km.
  const auto h = history_of({run_on(ymd(2024, 2, 20), 10.0), run_on(ymd(2024, 3, 17), 17.0)}, {},
                            ymd(2024, 1, 1), ymd(2024, 3, 17));
  const auto env = next_week_envelope(h, ymd(2024, 3, 11), {});
  REQUIRE(env.max_single_run_m);
  CHECK(*env.max_single_run_m == Approx(11'000.0));
}

TEST_CASE("envelope: the first weeks of history are not averaged with weeks of nothing",
          "[analyze][envelope]") {
  // History begins on Mon Mar 11 with a 27 km week: the mean is 27 km, not 9.
  const auto h = history_of({run_on(ymd(2024, 3, 12), 10.0), run_on(ymd(2024, 3, 14), 5.0),
                             run_on(ymd(2024, 3, 17), 12.0)},
                            {}, ymd(2024, 3, 12), ymd(2024, 3, 17));
  const auto env = next_week_envelope(h, ymd(2024, 3, 11), {});
  CHECK(env.weeks_averaged == 1);
  REQUIRE(env.distance_low_m);
  CHECK(*env.distance_low_m == Approx(21'600.0));   // 0.8 x 27 = 21.6 km
  CHECK(*env.distance_high_m == Approx(35'100.0));  // 1.3 x 27 = 35.1 km
}

TEST_CASE("envelope: a caution about the weekly load holds next week at this week's distance",
          "[analyze][envelope]") {
  // Weeks of 10, 10 and 20 km: the band is 0.8-1.3 x 13.3 = 10.7-17.3 km;
  // a weekly_distance_jump caution caps it at this week's 20 km... which is
  // above 17.3, so only a symptom caution below the band would lower it.
  // Here: 20, 20, 10 km: band 0.8-1.3 x 16.7 = 13.3-21.7 km, capped at 10 km.
  const auto h = history_of({run_on(ymd(2024, 2, 26), 20.0), run_on(ymd(2024, 3, 4), 20.0),
                             run_on(ymd(2024, 3, 12), 10.0)},
                            {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  auto flag = rules::make_flag(Rule::stiffness_rising, Severity::caution, ymd(2024, 3, 17));
  const std::vector<model::Flag> flags{flag};
  const auto env = next_week_envelope(h, ymd(2024, 3, 11), flags);
  REQUIRE(env.distance_high_m);
  CHECK(*env.distance_high_m == Approx(10'000.0));
  CHECK(*env.distance_low_m == Approx(10'000.0));
  REQUIRE(env.limits.size() == 1);
  CHECK_THAT(env.limits[0], Catch::Contains("10.0 km") && Catch::Contains("Stiffness rising"));
  // A flag from another week holds nothing: 1.3 x 16.67 = 21.67 km, named
  // to 0.1 km rounded down.
  flag.date = ymd(2024, 3, 10);
  const std::vector<model::Flag> earlier{flag};
  CHECK(*next_week_envelope(h, ymd(2024, 3, 11), earlier).distance_high_m == Approx(21'600.0));
}

TEST_CASE("envelope: withheld while a HIGH or URGENT flag is in force", "[analyze][envelope]") {
  const auto h =
      history_of({run_on(ymd(2024, 3, 12), 10.0)}, {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  auto flag = rules::make_flag(Rule::rupture_warning, Severity::urgent, ymd(2024, 3, 2));
  std::vector<model::Flag> flags{flag};
  auto env = next_week_envelope(h, ymd(2024, 3, 11), flags);
  CHECK(env.withheld);
  CHECK(env.withheld_by == Rule::rupture_warning);
  CHECK_FALSE(env.max_single_run_m);
  CHECK_FALSE(env.distance_low_m);
  CHECK_THAT(env.reason, Catch::Contains("Possible rupture") && Catch::Contains("2024-03-02"));
  // Settled by an assessment, it withholds nothing.
  flags[0].assessed_on = ymd(2024, 3, 5);
  env = next_week_envelope(h, ymd(2024, 3, 11), flags);
  CHECK_FALSE(env.withheld);
  CHECK(env.max_single_run_m);
}
