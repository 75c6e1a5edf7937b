#include <runload/analyze/analysis.hpp>

#include <algorithm>

#include <runload/analyze/acwr.hpp>
#include <runload/analyze/history.hpp>
#include <runload/analyze/monotony.hpp>
#include <runload/analyze/rules_load.hpp>
#include <runload/analyze/rules_symptoms.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

date::sys_days first_shown_monday(date::sys_days week, int weeks) {
  return week_monday(week) - date::weeks{std::max(weeks, 1) - 1};
}

WeekReport week_report(const History& history, date::sys_days monday) {
  WeekReport report;
  report.summary = summarize_week(history.runs, history.journal, monday);
  const auto sunday = report.summary.end;
  report.prev_week_distance_m = history.daily.sum(monday - date::weeks{1}, monday - date::days{1});
  if (report.prev_week_distance_m > 0.0) {
    report.week_change_pct =
        (report.summary.distance_m / report.prev_week_distance_m - 1.0) * 100.0;
  }
  report.acwr_uncoupled = acwr_uncoupled(history.daily, sunday);
  report.acwr_coupled = acwr_coupled(history.daily, sunday);
  report.acwr_ewma = acwr_ewma(history.daily, history.first_day, sunday);
  if (const auto foster = monotony_strain(history.daily, monday)) {
    report.monotony = foster->monotony;
    report.strain_m = foster->strain_m;
  }
  return report;
}

}  // namespace

date::sys_days history_start(date::sys_days week, int weeks) {
  return first_shown_monday(week, weeks) - date::days{k_ewma_history_days};
}

date::sys_days journal_start(date::sys_days week, int weeks) {
  return first_shown_monday(week, weeks) - date::days{k_journal_history_days};
}

bool Report::has_flag_at_least(model::Severity severity) const noexcept {
  return std::any_of(flags.begin(), flags.end(),
                     [severity](const model::Flag& f) { return f.severity >= severity; });
}

Report analyze(const AnalysisInput& input) {
  const auto monday = week_monday(input.week);
  const auto sunday = monday + date::days{6};
  const auto first_shown = first_shown_monday(input.week, input.weeks);

  History history;
  history.thresholds = input.settings.thresholds;
  history.runs =
      collect_runs(input.activities, input.settings.fast_threshold_mps, input.settings.thresholds);
  history.first_day = input.first_day;
  for (const auto& run : history.runs) history.first_day = std::min(history.first_day, run.day);
  const auto series_start =
      std::min(history.first_day, first_shown - date::days{k_rules_history_days});
  history.daily = DailySeries::from_runs(history.runs, series_start, sunday);
  history.journal = JournalDays(input.journal);

  // Load flags start 3 days early: a spike there can explain stiffness in
  // the first shown week.
  const auto load =
      load_flags(history, first_shown - date::days{rules::k_link_window_days}, sunday);
  const auto symptoms = symptom_flags(history, load, first_shown, sunday);
  std::vector<model::Flag> flags;
  for (const auto* list : {&load, &symptoms}) {
    for (const auto& flag : *list) {
      if (flag.date >= first_shown && flag.date <= sunday) flags.push_back(flag);
    }
  }
  std::stable_sort(flags.begin(), flags.end(), [](const model::Flag& a, const model::Flag& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.severity > b.severity;
  });

  Report report;
  for (auto week = first_shown; week <= monday; week += date::weeks{1}) {
    auto row = week_report(history, week);
    row.flag_count = static_cast<int>(std::count_if(flags.begin(), flags.end(), [&](const auto& f) {
      return f.date >= week && f.date <= week + date::days{6};
    }));
    report.weeks.push_back(std::move(row));
  }
  report.week = report.weeks.back();

  for (const auto& flag : flags) {
    if (flag.date >= monday) report.flags.push_back(flag);
  }

  for (int i = 0; i < 7; ++i) {
    DayReport day;
    day.date = monday + date::days{i};
    for (const auto& run : history.runs) {
      if (run.day != day.date) continue;
      ++day.runs;
      day.distance_m += run.distance_m;
    }
    if (const auto* entry = history.journal.find(day.date)) day.journal = *entry;
    report.days.push_back(std::move(day));
  }

  report.symptoms.days_logged = static_cast<int>(history.journal.range(monday, sunday).size());
  report.symptoms.mean_morning_stiffness = report.week.summary.mean_morning_stiffness;
  if (const auto previous =
          history.journal.mean_stiffness(monday - date::weeks{1}, monday - date::days{1})) {
    report.symptoms.prev_mean_morning_stiffness = previous->mean;
  }
  for (const auto* entry : history.journal.range(monday, sunday)) {
    if (entry->pain_run) {
      report.symptoms.max_pain_run =
          std::max(report.symptoms.max_pain_run.value_or(0), *entry->pain_run);
    }
  }

  report.next_week = next_week_envelope(history, monday);
  report.warming_up = (sunday - history.first_day).count() + 1 < rules::k_warm_up_days;
  return report;
}

}  // namespace runload::analyze
