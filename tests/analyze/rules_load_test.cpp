#include <catch2/catch.hpp>

#include <algorithm>

#include <runload/analyze/rules_load.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Activity;
using runload::model::Evidence;
using runload::model::Flag;
using runload::model::Severity;

namespace {

const auto k_day = ymd(2024, 5, 15);  // a Wednesday

// single_run_spike for a run of `km` on k_day after a 10 km run 5 days before.
std::vector<Flag> spike_after_ten(double km) {
  const std::vector<Activity> acts{run_on(k_day - date::days{5}, 10.0), run_on(k_day, km)};
  // History began 60 days before: the 30 days before the run lie in it.
  const auto h = history_of(acts, {}, k_day - date::days{60}, k_day);
  return single_run_spike(h, k_day, k_day);
}

}  // namespace

TEST_CASE("single_run_spike: +10% is not a spike, +10.1% is small", "[analyze][rules]") {
  CHECK(spike_after_ten(11.0).empty());  // 11 / 10 = 1.10
  const auto flags = spike_after_ten(11.01);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].rule == runload::model::Rule::single_run_spike);
  CHECK(flags[0].severity == Severity::caution);
  CHECK(flags[0].evidence == Evidence::cohort);
  CHECK(*flags[0].ratio == Approx(1.101));
  CHECK(*flags[0].observed == Approx(11010.0));
  CHECK(*flags[0].baseline == Approx(10000.0));
  CHECK(flags[0].activity_id.has_value());
  CHECK(flags[0].message.find("11.0 km") != std::string::npos);
  CHECK(flags[0].message.find("10.1%") != std::string::npos);
  CHECK(flags[0].message.find("small") != std::string::npos);
  CHECK(flags[0].source == "Frandsen et al., Br J Sports Med 2025");
}

TEST_CASE("single_run_spike: +30% is small, +30.1% moderate, +100% moderate, +100.1% large",
          "[analyze][rules]") {
  CHECK(spike_after_ten(13.0)[0].message.find("small") != std::string::npos);
  const auto moderate = spike_after_ten(13.01);
  CHECK(moderate[0].severity == Severity::caution);
  CHECK(moderate[0].message.find("moderate") != std::string::npos);
  const auto doubled = spike_after_ten(20.0);
  CHECK(doubled[0].severity == Severity::caution);
  CHECK(doubled[0].message.find("moderate") != std::string::npos);
  const auto large = spike_after_ten(20.01);
  CHECK(large[0].severity == Severity::high);
  CHECK(large[0].message.find("large") != std::string::npos);
}

TEST_CASE("single_run_spike: the 30-day lookback and runs of the same day", "[analyze][rules]") {
  // A 20 km run 31 days before does not count; one 30 days before does.
  {
    const std::vector<Activity> acts{run_on(k_day - date::days{31}, 20.0),
                                     run_on(k_day - date::days{3}, 10.0), run_on(k_day, 12.0)};
    const auto h = history_of(acts, {}, k_day - date::days{31}, k_day);
    CHECK(single_run_spike(h, k_day, k_day).size() == 1);
  }
  {
    const std::vector<Activity> acts{run_on(k_day - date::days{30}, 20.0),
                                     run_on(k_day - date::days{3}, 10.0), run_on(k_day, 12.0)};
    const auto h = history_of(acts, {}, k_day - date::days{30}, k_day);
    CHECK(single_run_spike(h, k_day, k_day).empty());
  }
  // An earlier run the same day counts; a later one does not.
  {
    const std::vector<Activity> acts{run_on(k_day - date::days{3}, 5.0), run_on(k_day, 10.0, 7),
                                     run_on(k_day, 10.5, 18)};
    const auto h = history_of(acts, {}, k_day - date::days{60}, k_day);
    const auto flags = single_run_spike(h, k_day, k_day);
    // 07:00: 10 / 5 = 2.0, moderate; 18:00: 10.5 / 10 = 1.05, none.
    REQUIRE(flags.size() == 1);
    CHECK(*flags[0].ratio == Approx(2.0));
  }
  // No run in the 30 days before: return_after_break, not a spike.
  {
    const std::vector<Activity> acts{run_on(k_day - date::days{40}, 5.0), run_on(k_day, 10.0)};
    const auto h = history_of(acts, {}, k_day - date::days{40}, k_day);
    CHECK(single_run_spike(h, k_day, k_day).empty());
    CHECK(return_after_break(h, k_day, k_day).size() == 1);
  }
}

TEST_CASE("weekly_distance_jump: +30% is not a jump, +30.1% is", "[analyze][rules]") {
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  for (const auto& [km, expected] : {std::pair{13.0, 0u}, std::pair{13.01, 1u}}) {
    const std::vector<Activity> acts{run_on(monday - date::days{5}, 10.0),
                                     run_on(monday + date::days{2}, km)};
    const auto h = history_of(acts, {}, monday - date::weeks{2}, sunday);
    const auto flags = weekly_distance_jump(h, monday, sunday);
    REQUIRE(flags.size() == expected);
    if (expected == 1) {
      CHECK(flags[0].date == sunday);
      CHECK_FALSE(flags[0].activity_id.has_value());
      CHECK(flags[0].message.find("Buist 2008") != std::string::npos);
      CHECK(flags[0].message.find("no such") != std::string::npos);
    }
  }
}

TEST_CASE("acwr_high: 1.3 silent, above info, 1.5 info, above caution", "[analyze][rules]") {
  const auto first = ymd(2024, 4, 22);  // Monday; the 4th week starts 2024-05-13
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  const auto flags_for = [&](double km) {
    std::vector<Activity> acts;
    for (int w = 0; w < 3; ++w) acts.push_back(run_on(first + date::weeks{w}, 10.0));
    acts.push_back(run_on(monday, km));
    return acwr_high(history_of(acts, {}, first, sunday), monday, sunday);
  };
  CHECK(flags_for(13.0).empty());  // 13 / mean(10, 10, 10) = 1.3
  REQUIRE(flags_for(13.01).size() == 1);
  CHECK(flags_for(13.01)[0].severity == Severity::info);
  CHECK(flags_for(15.0)[0].severity == Severity::info);
  const auto caution = flags_for(15.01);
  CHECK(caution[0].severity == Severity::caution);
  CHECK(*caution[0].ratio == Approx(1.501));
  CHECK(caution[0].message.find("contested") != std::string::npos);

  // With fewer than 28 days of history ending that Sunday: warming up, silent.
  std::vector<Activity> acts{run_on(first + date::days{1}, 10.0), run_on(monday, 30.0)};
  CHECK(acwr_high(history_of(acts, {}, first + date::days{1}, sunday), monday, sunday).empty());
}

TEST_CASE("speed_spike: run form, 30% and the 1 km floor", "[analyze][rules]") {
  const auto flags_for = [](double before_fast_m, double fast_m) {
    const std::vector<Activity> acts{with_speed(run_on(k_day - date::days{4}, 10.0), before_fast_m),
                                     with_speed(run_on(k_day, 10.0), fast_m)};
    return speed_spike(history_of(acts, {}, k_day - date::days{60}, k_day, 4.0), k_day, k_day);
  };
  CHECK(flags_for(1000.0, 1300.0).empty());  // +30%
  const auto flags = flags_for(1000.0, 1301.0);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].rule == runload::model::Rule::speed_spike);
  CHECK(flags[0].evidence == Evidence::plausible);
  CHECK(flags[0].severity == Severity::caution);
  CHECK(flags[0].message.find("not been validated") != std::string::npos);
  CHECK(flags_for(500.0, 999.0).empty());  // doubled, but under 1 km
  CHECK(flags_for(500.0, 1000.0).size() == 1);
  // Nothing fast before: a spike without a ratio.
  const auto from_zero = flags_for(0.0, 1000.0);
  REQUIRE(from_zero.size() == 1);
  CHECK_FALSE(from_zero[0].ratio.has_value());
}

TEST_CASE("speed_spike: week form, 30% of the 3-week mean and the 2 km floor", "[analyze][rules]") {
  const auto first = ymd(2024, 4, 22);
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  const auto week_flags = [&](double base_fast_m, double fast_m) {
    std::vector<Activity> acts;
    // The week's fast distance is split over two runs so the run form stays quiet.
    for (int w = 0; w < 3; ++w) {
      acts.push_back(with_speed(run_on(first + date::weeks{w}, 10.0), base_fast_m / 2));
      acts.push_back(
          with_speed(run_on(first + date::weeks{w} + date::days{3}, 10.0), base_fast_m / 2));
    }
    acts.push_back(with_speed(run_on(monday, 10.0), fast_m / 2));
    acts.push_back(with_speed(run_on(monday + date::days{3}, 10.0), fast_m / 2));
    auto flags = speed_spike(history_of(acts, {}, first, sunday, 4.0), monday, sunday);
    std::erase_if(flags, [](const Flag& f) { return f.activity_id.has_value(); });
    return flags;
  };
  CHECK(week_flags(2000.0, 2600.0).empty());  // +30%
  REQUIRE(week_flags(2000.0, 2601.0).size() == 1);
  CHECK(week_flags(2000.0, 2601.0)[0].date == sunday);
  CHECK(week_flags(1000.0, 1999.0).empty());  // under 2 km
  CHECK(week_flags(1000.0, 2000.0).size() == 1);
}

TEST_CASE("hill_spike: elevation gain with the 100 m floor, uphill distance with 1 km",
          "[analyze][rules]") {
  const auto gain_flags = [](double before_m, double gain_m) {
    const std::vector<Activity> acts{with_gain(run_on(k_day - date::days{4}, 10.0), before_m),
                                     with_gain(run_on(k_day, 10.0), gain_m)};
    return hill_spike(history_of(acts, {}, k_day - date::days{60}, k_day), k_day, k_day);
  };
  CHECK(gain_flags(100.0, 130.0).empty());  // +30%
  const auto flags = gain_flags(100.0, 130.1);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].rule == runload::model::Rule::hill_spike);
  CHECK(flags[0].evidence == Evidence::plausible);
  CHECK(flags[0].message.find("130 m") != std::string::npos);
  CHECK(gain_flags(50.0, 99.0).empty());
  CHECK(gain_flags(50.0, 100.0).size() == 1);

  const auto uphill_flags = [](double before_m, double uphill_m) {
    const std::vector<Activity> acts{with_grade(run_on(k_day - date::days{4}, 10.0), before_m),
                                     with_grade(run_on(k_day, 10.0), uphill_m)};
    return hill_spike(history_of(acts, {}, k_day - date::days{60}, k_day), k_day, k_day);
  };
  CHECK(uphill_flags(1000.0, 1300.0).empty());
  REQUIRE(uphill_flags(1000.0, 1301.0).size() == 1);
  CHECK(uphill_flags(1000.0, 1301.0)[0].message.find("uphill") != std::string::npos);
  CHECK(uphill_flags(500.0, 999.0).empty());
}

TEST_CASE("hill_spike: week form with the 200 m floor", "[analyze][rules]") {
  const auto first = ymd(2024, 4, 22);
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  const auto week_flags = [&](double base_m, double gain_m) {
    std::vector<Activity> acts;
    for (int w = 0; w < 3; ++w) {
      acts.push_back(with_gain(run_on(first + date::weeks{w}, 10.0), base_m / 2));
      acts.push_back(with_gain(run_on(first + date::weeks{w} + date::days{3}, 10.0), base_m / 2));
    }
    acts.push_back(with_gain(run_on(monday, 10.0), gain_m / 2));
    acts.push_back(with_gain(run_on(monday + date::days{3}, 10.0), gain_m / 2));
    auto flags = hill_spike(history_of(acts, {}, first, sunday), monday, sunday);
    std::erase_if(flags, [](const Flag& f) { return f.activity_id.has_value(); });
    return flags;
  };
  CHECK(week_flags(200.0, 260.0).empty());
  CHECK(week_flags(200.0, 260.2).size() == 1);
  CHECK(week_flags(100.0, 199.0).empty());
  CHECK(week_flags(100.0, 200.0).size() == 1);
}

TEST_CASE("speed_spike and hill_spike: silent without tracks or elevation", "[analyze][rules]") {
  const std::vector<Activity> acts{run_on(k_day - date::days{4}, 5.0), run_on(k_day, 20.0)};
  const auto h = history_of(acts, {}, k_day - date::days{60}, k_day, 4.0);
  CHECK(speed_spike(h, k_day - date::days{30}, k_day).empty());
  CHECK(hill_spike(h, k_day - date::days{30}, k_day).empty());
}

TEST_CASE("weekend_warrior: 70% of 4 weeks on weekends, at most 1 weekday run a week",
          "[analyze][rules]") {
  const auto first = ymd(2024, 4, 22);  // Monday
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  // Each week: Saturday 3.5 km, Sunday 3.5 km, Wednesday `weekday_km`.
  const auto flags_for = [&](double weekday_km, bool split_one) {
    std::vector<Activity> acts;
    for (int w = 0; w < 4; ++w) {
      const auto mon = first + date::weeks{w};
      acts.push_back(run_on(mon + date::days{5}, 3.5));
      acts.push_back(run_on(mon + date::days{6}, 3.5));
      if (split_one && w == 1) {
        acts.push_back(run_on(mon + date::days{1}, weekday_km / 2));
        acts.push_back(run_on(mon + date::days{3}, weekday_km / 2));
      } else {
        acts.push_back(run_on(mon + date::days{2}, weekday_km));
      }
    }
    return weekend_warrior(history_of(acts, {}, first, sunday), monday, sunday);
  };
  // 28 / (28 + 12) = 70%: flagged.
  const auto flags = flags_for(3.0, false);
  REQUIRE(flags.size() == 1);
  CHECK(*flags[0].observed == Approx(0.7));
  CHECK(flags[0].evidence == Evidence::expert);
  // 28 / (28 + 12.04) = 69.9%: silent.
  CHECK(flags_for(3.01, false).empty());
  // Five weekday runs in four weeks: silent.
  CHECK(flags_for(3.0, true).empty());
}

TEST_CASE("return_after_break: 13 days without running is not a break, 14 is", "[analyze][rules]") {
  const auto before = k_day - date::days{14};
  {
    // Runs on D-14 and D: 13 days without running between them.
    const std::vector<Activity> acts{run_on(before, 5.0), run_on(k_day, 5.0)};
    CHECK(return_after_break(history_of(acts, {}, before, k_day), k_day, k_day).empty());
  }
  {
    const std::vector<Activity> acts{run_on(before - date::days{1}, 5.0), run_on(k_day, 5.0)};
    const auto flags =
        return_after_break(history_of(acts, {}, before - date::days{1}, k_day), k_day, k_day);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].severity == Severity::info);
    CHECK(flags[0].message.find("14 days") != std::string::npos);
  }
  {
    // The first run of history is not a return.
    const std::vector<Activity> acts{run_on(k_day, 5.0)};
    CHECK(return_after_break(history_of(acts, {}, k_day, k_day), k_day, k_day).empty());
  }
}

TEST_CASE("single_run_spike and weekly_distance_jump: no baseline before the history begins",
          "[analyze][rules][warm_up]") {
  // A history that begins 5 days before the run: its 30 days before start
  // before the first run, so there is nothing to compare with yet.
  const std::vector<Activity> acts{run_on(k_day - date::days{5}, 5.0), run_on(k_day, 20.0)};
  CHECK(single_run_spike(history_of(acts, {}, k_day - date::days{5}, k_day), k_day, k_day).empty());
  CHECK(
      single_run_spike(history_of(acts, {}, k_day - date::days{30}, k_day), k_day, k_day).size() ==
      1);
  // A first week of 27 km after nothing is not a jump on the week before.
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  const std::vector<Activity> first_week{run_on(monday, 10.0), run_on(monday + date::days{2}, 5.0),
                                         run_on(sunday, 12.0)};
  const auto h = history_of(first_week, {}, monday, sunday);
  CHECK(weekly_distance_jump(h, monday, sunday).empty());
  CHECK(single_run_spike(h, monday, sunday).empty());
}
