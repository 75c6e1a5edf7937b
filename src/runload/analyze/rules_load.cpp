#include <runload/analyze/rules_load.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <runload/analyze/acwr.hpp>
#include <runload/analyze/format.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

using model::Flag;
using model::Rule;
using model::Severity;
using rules::above;
using rules::at_least;
using rules::k_single_run_lookback_days;
using rules::k_warm_up_days;
using rules::k_week_baseline_weeks;
using rules::k_weekend_window_weeks;

bool in_range(date::sys_days day, date::sys_days from, date::sys_days to) {
  return day >= from && day <= to;
}

// The largest known value of `field` among `indices`; nullopt when no run
// there has it.
std::optional<double> max_known(const std::vector<Run>& runs,
                                const std::vector<std::size_t>& indices,
                                const std::function<std::optional<double>(const Run&)>& field) {
  std::optional<double> best;
  for (auto j : indices) {
    const auto value = field(runs[j]);
    if (value && (!best || *value > *best)) best = value;
  }
  return best;
}

// Baseline of the week forms: the mean of the 3 weeks before `monday`, each
// of which must lie after the first day of history and know the quantity.
std::optional<double> three_week_mean(
    const History& history, date::sys_days monday,
    const std::function<std::optional<double>(const WeekSummary&)>& field) {
  const auto baseline_start = monday - date::weeks{k_week_baseline_weeks};
  if (history.first_day > baseline_start) return std::nullopt;
  double sum = 0.0;
  for (int k = 1; k <= k_week_baseline_weeks; ++k) {
    const auto value =
        field(summarize_week(history.runs, history.journal, monday - date::weeks{k}));
    if (!value) return std::nullopt;
    sum += *value;
  }
  return sum / k_week_baseline_weeks;
}

// Whether `observed` over `baseline` is a spike: the floor is met and either
// the baseline is 0 or the ratio is above `threshold`.
bool is_spike(double observed, double baseline, double threshold, double floor) {
  if (!at_least(observed, floor)) return false;
  return baseline <= 0.0 || above(observed / baseline, threshold);
}

std::optional<double> ratio_of(double observed, double baseline) {
  if (baseline <= 0.0) return std::nullopt;
  return observed / baseline;
}

struct SpikeMeasure {
  std::function<std::optional<double>(const Run&)> of_run;
  std::function<std::optional<double>(const WeekSummary&)> of_week;
  double rules::Thresholds::*run_floor;
  double rules::Thresholds::*week_floor;
  std::function<std::string(double, model::Units)> show;  // in the report's units
  std::string what;  // "fast distance", "elevation gain", "uphill distance"
  model::Unit unit;  // how the flag shows it
};

// The first day whose 30-day lookback lies in the history.
bool lookback_in_history(const History& history, date::sys_days day) {
  return history.first_day <= day - date::days{k_single_run_lookback_days};
}

std::optional<Flag> run_spike(const History& history, std::size_t index, Rule rule,
                              const SpikeMeasure& measure, double threshold) {
  const auto& run = history.runs[index];
  const auto observed = measure.of_run(run);
  if (!observed || !lookback_in_history(history, run.day)) return std::nullopt;
  const auto baseline = max_known(
      history.runs, lookback(history.runs, index, k_single_run_lookback_days), measure.of_run);
  if (!baseline ||
      !is_spike(*observed, *baseline, threshold, history.thresholds.*measure.run_floor)) {
    return std::nullopt;
  }
  Flag flag = rules::make_flag(rule, Severity::caution, run.day);
  flag.unit = measure.unit;
  flag.activity_id = run.id;
  flag.observed = *observed;
  flag.baseline = *baseline;
  flag.ratio = ratio_of(*observed, *baseline);
  if (flag.ratio) {
    flag.message = fmt::format(
        "This run's {} of {} is {} more than the most in one run in the previous 30 days ({})",
        measure.what, measure.show(*observed, history.units), percent_more(*flag.ratio),
        measure.show(*baseline, history.units));
  } else {
    flag.message = fmt::format("This run's {} of {} follows none in the previous 30 days",
                               measure.what, measure.show(*observed, history.units));
  }
  return flag;
}

std::optional<Flag> week_spike(const History& history, date::sys_days monday, Rule rule,
                               const SpikeMeasure& measure, double threshold) {
  const auto week = summarize_week(history.runs, history.journal, monday);
  const auto observed = measure.of_week(week);
  if (!observed) return std::nullopt;
  const auto baseline = three_week_mean(history, monday, measure.of_week);
  if (!baseline ||
      !is_spike(*observed, *baseline, threshold, history.thresholds.*measure.week_floor)) {
    return std::nullopt;
  }
  Flag flag = rules::make_flag(rule, Severity::caution, week.end);
  flag.unit = measure.unit;
  flag.observed = *observed;
  flag.baseline = *baseline;
  flag.ratio = ratio_of(*observed, *baseline);
  if (flag.ratio) {
    flag.message = fmt::format(
        "This week's {} of {} is {} more than the weekly mean of the 3 weeks before ({})",
        measure.what, measure.show(*observed, history.units), percent_more(*flag.ratio),
        measure.show(*baseline, history.units));
  } else {
    flag.message = fmt::format("This week's {} of {} follows none in the 3 weeks before",
                               measure.what, measure.show(*observed, history.units));
  }
  return flag;
}

const SpikeMeasure& fast_measure() {
  static const SpikeMeasure measure{[](const Run& r) { return r.fast_distance_m; },
                                    [](const WeekSummary& w) { return w.fast_distance_m; },
                                    &rules::Thresholds::speed_spike_min_run_m,
                                    &rules::Thresholds::speed_spike_min_week_m,
                                    [](double v, model::Units u) { return km(v, u); },
                                    "fast distance",
                                    model::Unit::km};
  return measure;
}

const SpikeMeasure& elevation_measure() {
  static const SpikeMeasure measure{[](const Run& r) { return r.elevation_gain_m; },
                                    [](const WeekSummary& w) { return w.elevation_gain_m; },
                                    &rules::Thresholds::hill_spike_min_run_gain_m,
                                    &rules::Thresholds::hill_spike_min_week_gain_m,
                                    [](double v, model::Units u) { return climb(v, u); },
                                    "elevation gain",
                                    model::Unit::m};
  return measure;
}

const SpikeMeasure& uphill_measure() {
  static const SpikeMeasure measure{[](const Run& r) { return r.uphill_distance_m; },
                                    [](const WeekSummary& w) { return w.uphill_distance_m; },
                                    &rules::Thresholds::hill_spike_min_run_uphill_m,
                                    &rules::Thresholds::hill_spike_min_week_uphill_m,
                                    [](double v, model::Units u) { return km(v, u); },
                                    "uphill distance (grade 4% or more)",
                                    model::Unit::km};
  return measure;
}

void finish_speed(Flag& flag) {
  flag.message +=
      ". Achilles force rises with running speed; this is biomechanically sound but has not been "
      "validated against injury outcomes.";
}

void finish_hill(Flag& flag) {
  flag.message +=
      ". Uphill running loads the Achilles more; this is biomechanically sound but has not been "
      "validated against injury outcomes.";
}

}  // namespace

std::optional<double> single_run_ratio(const History& history, std::size_t index) {
  const auto& run = history.runs[index];
  if (run.distance_m <= 0.0 || !lookback_in_history(history, run.day)) return std::nullopt;
  const auto before = lookback(history.runs, index, k_single_run_lookback_days);
  const auto longest =
      max_known(history.runs, before, [](const Run& r) { return std::optional{r.distance_m}; });
  if (!longest || *longest <= 0.0) return std::nullopt;
  return run.distance_m / *longest;
}

std::vector<Flag> single_run_spike(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    const auto& run = history.runs[i];
    if (!in_range(run.day, from, to)) continue;
    const auto found = single_run_ratio(history, i);
    if (!found || !above(*found, t.single_run_small)) continue;
    const double ratio = *found;
    const double longest_before = run.distance_m / ratio;

    // Frandsen 2025's hazard ratios of the three spike sizes.
    const bool large = above(ratio, t.single_run_large);
    const bool moderate = !large && above(ratio, t.single_run_moderate);
    const std::string size = large ? "large" : moderate ? "moderate" : "small";
    const std::string hazard = large ? "2.28" : moderate ? "1.52" : "1.64";
    Flag flag = rules::make_flag(Rule::single_run_spike, large ? Severity::high : Severity::caution,
                                 run.day);
    flag.activity_id = run.id;
    flag.observed = run.distance_m;
    flag.baseline = longest_before;
    flag.ratio = ratio;
    flag.message = fmt::format(
        "Run of {} is {} longer than your longest in the previous 30 days ({}): a {} single-run "
        "spike. In a large cohort of runners, spikes of this size came with more running injuries "
        "(hazard ratio {}); of the load measures studied, this one has the strongest evidence.",
        km(run.distance_m, history.units), percent_more(ratio), km(longest_before, history.units),
        size, hazard);
    // A large spike withholds next week's envelope: its advice names no
    // number. Otherwise the analysis writes the envelope's own limit into it.
    if (!large)
      flag.advice = rules::advice_with_limit(
          Rule::single_run_spike, km(longest_before * t.single_run_small, history.units));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> weekly_distance_jump(const History& history, date::sys_days from,
                                       date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const double current = history.daily.sum(monday, monday + date::days{6});
    const double previous = history.daily.sum(monday - date::weeks{1}, monday - date::days{1});
    if (previous <= 0.0 || history.first_day > monday - date::weeks{1}) continue;
    const double ratio = current / previous;
    if (!above(ratio, history.thresholds.weekly_jump)) continue;
    Flag flag =
        rules::make_flag(Rule::weekly_distance_jump, Severity::caution, monday + date::days{6});
    flag.observed = current;
    flag.baseline = previous;
    flag.ratio = ratio;
    flag.message = fmt::format(
        "This week's {} is {} more than last week's {}. Novice runners who added more than 30% a "
        "week had more injuries (Nielsen 2014), but in a later cohort weekly ratios showed no such "
        "link (Frandsen 2025), and a trial of the \"10% rule\" found no protective effect (Buist "
        "2008): treat this as context, and watch single long runs more.",
        km(current, history.units), percent_more(ratio), km(previous, history.units));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> acwr_high(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const auto sunday = monday + date::days{6};
    if ((sunday - history.first_day).count() + 1 < k_warm_up_days) continue;
    const auto ratio = acwr_uncoupled(history.daily, sunday);
    if (!ratio || !above(*ratio, t.acwr_info)) continue;
    const bool caution = above(*ratio, t.acwr_caution);
    Flag flag =
        rules::make_flag(Rule::acwr_high, caution ? Severity::caution : Severity::info, sunday);
    flag.observed = history.daily.sum(monday, sunday);
    flag.baseline = history.daily.sum(sunday - date::days{27}, sunday - date::days{7}) / 3.0;
    flag.ratio = *ratio;
    flag.message = fmt::format(
        "This week's {} is {} times the weekly mean of the 3 weeks before ({}): an "
        "acute:chronic ratio above {}. The ratio is contested (Impellizzeri 2020), and in runners "
        "Frandsen 2025 found no rising risk with it; single-run spikes matter more.",
        km(*flag.observed, history.units), times(*ratio), km(*flag.baseline, history.units),
        fmt::format("{:g}", caution ? t.acwr_caution : t.acwr_info));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> speed_spike(const History& history, date::sys_days from, date::sys_days to) {
  const double threshold = history.thresholds.speed_spike;
  std::vector<Flag> flags;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    if (!in_range(history.runs[i].day, from, to)) continue;
    if (auto flag = run_spike(history, i, Rule::speed_spike, fast_measure(), threshold)) {
      finish_speed(*flag);
      flags.push_back(std::move(*flag));
    }
  }
  for (const auto monday : week_mondays_ending_in(from, to)) {
    if (auto flag = week_spike(history, monday, Rule::speed_spike, fast_measure(), threshold)) {
      finish_speed(*flag);
      flags.push_back(std::move(*flag));
    }
  }
  return flags;
}

std::vector<Flag> hill_spike(const History& history, date::sys_days from, date::sys_days to) {
  const double threshold = history.thresholds.hill_spike;
  std::vector<Flag> flags;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    if (!in_range(history.runs[i].day, from, to)) continue;
    auto flag = run_spike(history, i, Rule::hill_spike, elevation_measure(), threshold);
    if (!flag) flag = run_spike(history, i, Rule::hill_spike, uphill_measure(), threshold);
    if (flag) {
      finish_hill(*flag);
      flags.push_back(std::move(*flag));
    }
  }
  for (const auto monday : week_mondays_ending_in(from, to)) {
    auto flag = week_spike(history, monday, Rule::hill_spike, elevation_measure(), threshold);
    if (!flag) flag = week_spike(history, monday, Rule::hill_spike, uphill_measure(), threshold);
    if (flag) {
      finish_hill(*flag);
      flags.push_back(std::move(*flag));
    }
  }
  return flags;
}

std::vector<Flag> weekend_warrior(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  constexpr int window_days = 7 * k_weekend_window_weeks;
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const auto sunday = monday + date::days{6};
    const auto start = sunday - date::days{window_days - 1};
    if (history.first_day > start) continue;
    double total = 0.0;
    double weekend = 0.0;
    int weekday_runs = 0;
    for (const auto& run : history.runs) {
      if (!in_range(run.day, start, sunday)) continue;
      total += run.distance_m;
      const date::weekday wd{run.day};
      if (wd == date::Saturday || wd == date::Sunday) {
        weekend += run.distance_m;
      } else {
        ++weekday_runs;
      }
    }
    if (total <= 0.0) continue;
    const double share = weekend / total;
    if (!at_least(share, t.weekend_share)) continue;
    if (weekday_runs > t.weekend_max_weekday_runs_per_week * k_weekend_window_weeks) continue;
    Flag flag = rules::make_flag(Rule::weekend_warrior, Severity::caution, sunday);
    flag.observed = share;
    flag.baseline = t.weekend_share;
    flag.message = fmt::format(
        "{:.0f}% of your last 4 weeks' {} was run on Saturdays and Sundays, with {} weekday "
        "run{} in those 4 weeks. Weekend-only athletes are named as a risk group for Achilles "
        "tendinitis (clinical advice, not measured in a trial).",
        share * 100.0, km(total, history.units), weekday_runs, weekday_runs == 1 ? "" : "s");
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> return_after_break(const History& history, date::sys_days from,
                                     date::sys_days to) {
  std::vector<Flag> flags;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    const auto& run = history.runs[i];
    if (!in_range(run.day, from, to)) continue;
    std::optional<int> gap;
    if (i > 0) {
      gap = static_cast<int>((run.day - history.runs[i - 1].day).count()) - 1;
      if (*gap < history.thresholds.break_days) continue;
    } else if (run.day <= history.first_day) {
      continue;
    }
    Flag flag = rules::make_flag(Rule::return_after_break, Severity::info, run.day);
    flag.activity_id = run.id;
    if (gap) {
      flag.observed = *gap;
      flag.baseline = history.thresholds.break_days;
    }
    if (gap) {
      flag.message = fmt::format(
          "First run ({}) after {} days without running: your recent load is near zero, so "
          "comparisons with earlier weeks overstate what your tendon is ready for.",
          km(run.distance_m, history.units), *gap);
    } else {
      flag.message = fmt::format(
          "First run ({}) after a break longer than the history analysed: your recent load is "
          "near zero.",
          km(run.distance_m, history.units));
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> load_flags(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (auto* rule : {&single_run_spike, &weekly_distance_jump, &acwr_high, &speed_spike,
                     &hill_spike, &weekend_warrior, &return_after_break}) {
    auto found = rule(history, from, to);
    flags.insert(flags.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  std::stable_sort(flags.begin(), flags.end(),
                   [](const Flag& a, const Flag& b) { return a.date < b.date; });
  return flags;
}

}  // namespace runload::analyze
