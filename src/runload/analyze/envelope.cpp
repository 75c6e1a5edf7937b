#include <runload/analyze/envelope.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/analyze/rules_load.hpp>
#include <runload/analyze/status.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

using model::Rule;

// The flag that withholds the envelope: the most severe in force of HIGH or
// worse, then the earliest.
const model::Flag* withholding(std::span<const model::Flag> flags) {
  const model::Flag* found = nullptr;
  for (const auto& flag : flags) {
    if (!in_force(flag) || flag.severity < model::Severity::high) continue;
    if (!found || flag.severity > found->severity ||
        (flag.severity == found->severity && flag.date < found->date))
      found = &flag;
  }
  return found;
}

// 1.10 x the longest run of the 30 days ending `sunday` that was not a spike.
std::optional<double> longest_run_cap(const History& history, date::sys_days sunday) {
  const auto first = sunday - date::days{rules::k_envelope_lookback_days - 1};
  double longest = 0.0;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    const auto& run = history.runs[i];
    if (run.day < first || run.day > sunday) continue;
    const auto ratio = single_run_ratio(history, i);
    if (ratio && rules::above(*ratio, history.thresholds.single_run_small)) continue;
    longest = std::max(longest, run.distance_m);
  }
  if (longest <= 0.0) return std::nullopt;
  return history.thresholds.envelope_single_run * longest;
}

// The envelope names distances to 0.1 km, as the advice that quotes it: the
// upper limits rounded down (the cautious side), the lower one to nearest.
constexpr double k_step_m = 100.0;
double down(double metres) {
  return std::floor(metres / k_step_m + 1e-9) * k_step_m;
}
double nearest(double metres) {
  return std::round(metres / k_step_m) * k_step_m;
}

bool holds_distance(const model::Flag& flag) {
  if (flag.severity != model::Severity::caution) return false;
  const auto kind = rules::spec(flag.rule).kind;
  return flag.rule == Rule::weekly_distance_jump || flag.rule == Rule::acwr_high ||
         kind == rules::Kind::symptom || kind == rules::Kind::modifier;
}

// A risk modifier's CAUTION (a medication window) asks for no increase at
// all: the long run too stays at the recent longest.
bool holds_long_run(const model::Flag& flag) {
  return flag.severity == model::Severity::caution &&
         rules::spec(flag.rule).kind == rules::Kind::modifier;
}

}  // namespace

Envelope next_week_envelope(const History& history, date::sys_days monday,
                            std::span<const model::Flag> flags) {
  Envelope envelope;
  if (const auto* flag = withholding(flags)) {
    envelope.withheld = true;
    envelope.withheld_by = flag->rule;
    envelope.reason = fmt::format("{} ({}): {}", rules::spec(flag->rule).title,
                                  date::format("%F", flag->date), flag->advice);
    return envelope;
  }
  const auto sunday = monday + date::days{6};
  envelope.single_run_factor = history.thresholds.envelope_single_run;
  envelope.week_low_factor = history.thresholds.envelope_week_low;
  envelope.week_high_factor = history.thresholds.envelope_week_high;
  envelope.max_single_run_m = longest_run_cap(history, sunday);

  // The weeks of the mean that lie in the history: the first week of
  // history, even a partial one, is a week of running.
  const auto first_week = week_monday(history.first_day);
  envelope.weeks_averaged = static_cast<int>(
      std::clamp<long>((monday - first_week).count() / 7 + 1, 1, rules::k_envelope_weeks));
  const auto start = monday - date::weeks{envelope.weeks_averaged - 1};
  const double mean = history.daily.sum(start, sunday) / envelope.weeks_averaged;
  if (mean > 0.0) {
    envelope.distance_low_m = history.thresholds.envelope_week_low * mean;
    envelope.distance_high_m = history.thresholds.envelope_week_high * mean;
  }

  const auto week = summarize_week(history.runs, history.journal, monday);
  std::vector<std::string> holding;
  std::vector<std::string> holding_long_run;
  const auto add = [](std::vector<std::string>& list, std::string text) {
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
  };
  for (const auto& flag : flags) {
    if (!in_force(flag) || flag.date < monday || flag.date > sunday) continue;
    const auto title = rules::spec(flag.rule).title;
    if (holds_distance(flag)) add(holding, std::string(title));
    if (holds_long_run(flag)) add(holding_long_run, std::string(title));
    if (flag.rule == Rule::speed_spike && week.fast_distance_m)
      add(envelope.limits, fmt::format("fast running: no more than this week's {} ({})",
                                       km(*week.fast_distance_m, history.units), title));
    if (flag.rule == Rule::footwear_transition && flag.observed)
      add(envelope.limits,
          // Not rounded down: the limit is the flag's own number, as it shows it.
          fmt::format("the lower-drop shoes: no more than this week's {} ({})",
                      km(*flag.observed * week.distance_m, history.units), title));
    if (flag.rule == Rule::minimalist_volume && flag.severity == model::Severity::caution)
      add(envelope.limits,
          fmt::format("minimalist shoes: under {} a week ({})",
                      km(history.thresholds.minimalist_week_m, history.units), title));
    if (flag.rule == Rule::hill_spike && week.elevation_gain_m)
      add(envelope.limits, fmt::format("climb: no more than this week's {} ({})",
                                       climb(*week.elevation_gain_m, history.units), title));
  }
  const bool held =
      !holding.empty() && envelope.distance_high_m && *envelope.distance_high_m > week.distance_m;
  if (held) {
    envelope.distance_high_m = week.distance_m;
    envelope.distance_low_m = std::min(*envelope.distance_low_m, week.distance_m);
  }
  if (!holding_long_run.empty() && envelope.max_single_run_m) {
    envelope.max_single_run_m = *envelope.max_single_run_m / history.thresholds.envelope_single_run;
    envelope.long_run_held = true;
    envelope.limits.push_back(
        fmt::format("longest run: no longer than your longest of the last "
                    "30 days ({})",
                    fmt::join(holding_long_run, ", ")));
  }
  if (envelope.max_single_run_m) envelope.max_single_run_m = down(*envelope.max_single_run_m);
  if (envelope.distance_high_m) {
    envelope.distance_high_m = down(*envelope.distance_high_m);
    envelope.distance_low_m =
        std::min(nearest(*envelope.distance_low_m), *envelope.distance_high_m);
  }
  if (held)
    envelope.limits.insert(
        envelope.limits.begin(),
        fmt::format("no more than this week's {} ({})",
                    km(*envelope.distance_high_m, history.units), fmt::join(holding, ", ")));
  return envelope;
}

}  // namespace runload::analyze
