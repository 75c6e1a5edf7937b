#include <catch2/catch.hpp>

#include <runload/analyze/warm_up.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using namespace runload::analyze::test;
using model::Rule;

TEST_CASE("warm up: each comparison waits for its window to lie in the history",
          "[analyze][warm_up]") {
  // History begins Wed 2024-05-15; the reported week is Mon 2024-05-13.
  const auto first = ymd(2024, 5, 15);
  const auto pending = pending_baselines(first, ymd(2024, 5, 13));
  const auto ready = [&](Rule rule) -> std::optional<date::sys_days> {
    for (const auto& p : pending)
      if (p.rule == rule) return p.ready_on;
    return std::nullopt;
  };
  CHECK(ready(Rule::single_run_spike) == ymd(2024, 6, 14));      // 30 days later
  CHECK(ready(Rule::weekly_distance_jump) == ymd(2024, 5, 27));  // the first Monday >= May 22
  CHECK(ready(Rule::acwr_high) == ymd(2024, 6, 10));  // the week of Jun 11, 27 days later
  CHECK(ready(Rule::weekend_warrior) == ymd(2024, 6, 10));
  // The week forms need the 3 weeks before: Monday Jun 10 (>= Jun 5); the run
  // forms Jun 14: the later of the two.
  CHECK(ready(Rule::speed_spike) == ymd(2024, 6, 14));
  CHECK(ready(Rule::hill_spike) == ymd(2024, 6, 14));
  // Rules without a baseline window are never pending.
  CHECK_FALSE(ready(Rule::pain_during_run));
}

TEST_CASE("warm up: nothing is pending once every window lies in the history",
          "[analyze][warm_up]") {
  CHECK(pending_baselines(ymd(2024, 1, 1), ymd(2024, 5, 13)).empty());
  // The week the last window becomes ready is itself judged.
  CHECK(pending_baselines(ymd(2024, 5, 15), ymd(2024, 6, 17)).empty());
}
