#include <runload/analyze/warm_up.hpp>

#include <algorithm>

#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

// The first Monday on or after `day`.
date::sys_days monday_on_or_after(date::sys_days day) {
  const auto monday = week_monday(day);
  return monday == day ? day : monday + date::weeks{1};
}

}  // namespace

std::vector<PendingBaseline> pending_baselines(date::sys_days first_day, date::sys_days monday) {
  using model::Rule;
  std::vector<PendingBaseline> pending;
  const auto add = [&](Rule rule, date::sys_days ready_on, std::string why) {
    if (ready_on > monday) pending.push_back({rule, ready_on, std::move(why)});
  };
  // A run on day D is judged once D - 30 days lies in the history.
  const auto run_ready = first_day + date::days{rules::k_single_run_lookback_days};
  // A week is judged against the 3 weeks before it once they lie in it.
  const auto weeks_ready =
      monday_on_or_after(first_day + date::weeks{rules::k_week_baseline_weeks});
  // The ACWR and the weekend share need the 28 days ending a Sunday: the
  // first such Sunday's week.
  const auto ratios_ready = week_monday(first_day + date::days{rules::k_warm_up_days - 1});
  add(Rule::single_run_spike, run_ready, "needs the 30 days before a run");
  add(Rule::weekly_distance_jump, monday_on_or_after(first_day + date::weeks{1}),
      "needs the week before");
  add(Rule::acwr_high, ratios_ready, "needs 28 days of history");
  add(Rule::speed_spike, std::max(run_ready, weeks_ready),
      "needs the 30 days before a run and the 3 weeks before a week");
  add(Rule::hill_spike, std::max(run_ready, weeks_ready),
      "needs the 30 days before a run and the 3 weeks before a week");
  add(Rule::weekend_warrior, ratios_ready, "needs 4 weeks of history");
  return pending;
}

}  // namespace runload::analyze
