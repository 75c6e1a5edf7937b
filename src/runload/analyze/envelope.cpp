#include <runload/analyze/envelope.hpp>

#include <algorithm>

#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

Envelope next_week_envelope(const History& history, date::sys_days monday) {
  Envelope envelope;
  const auto sunday = monday + date::days{6};
  const auto first = sunday - date::days{rules::k_envelope_lookback_days - 1};
  double longest = 0.0;
  for (const auto& run : history.runs) {
    if (run.day >= first && run.day <= sunday) longest = std::max(longest, run.distance_m);
  }
  if (longest > 0.0) envelope.max_single_run_m = history.thresholds.envelope_single_run * longest;

  const auto start = monday - date::weeks{rules::k_envelope_weeks - 1};
  const double mean = history.daily.sum(start, sunday) / rules::k_envelope_weeks;
  if (mean > 0.0) {
    envelope.distance_low_m = history.thresholds.envelope_week_low * mean;
    envelope.distance_high_m = history.thresholds.envelope_week_high * mean;
  }
  return envelope;
}

}  // namespace runload::analyze
