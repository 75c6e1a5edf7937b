#pragma once
// Calendar weeks of running in the athlete's local calendar: ISO 8601 weeks,
// Monday to Sunday (DESIGN.md section 3).

#include <chrono>
#include <optional>
#include <span>
#include <string>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>
#include <runload/analyze/journal_days.hpp>
#include <runload/analyze/runs.hpp>

namespace runload::analyze {

// The Monday of the ISO week holding `day`.
date::sys_days week_monday(date::sys_days day) noexcept;

// The ISO 8601 week label of `day`, e.g. "2021-W01" for 2021-01-04 and
// "2020-W53" for 2021-01-03.
std::string iso_week_label(date::sys_days day);

// One week's running. Sums are over the week's runs; a week without runs has
// 0 for every sum (nothing was run, which is known). A sum whose source is
// missing from every run of the week (elevation, tracks) is nullopt.
struct WeekSummary {
  std::string iso;         // "2024-W03"
  date::sys_days start{};  // Monday
  date::sys_days end{};    // Sunday
  int runs = 0;
  double distance_m = 0.0;
  // Sum of the elapsed times known; nullopt when runs > 0 and none is known.
  std::optional<std::chrono::seconds> duration;
  double longest_run_m = 0.0;
  std::optional<double> elevation_gain_m;
  // nullopt when runs > 0 and no run of the week has a speed histogram with a
  // fast threshold (uphill: a grade histogram). Runs without one add nothing.
  std::optional<double> fast_distance_m;
  std::optional<double> uphill_distance_m;
  // Runs whose fast (speed histogram and threshold) and uphill (grade
  // histogram) distance are known: the others add nothing to the sums.
  int runs_with_fast = 0;
  int runs_with_uphill = 0;
  // Mean of the week's logged morning stiffness; nullopt when none is logged.
  std::optional<double> mean_morning_stiffness;
  int stiffness_entries = 0;
};

// The week starting `monday` from the runs (any order) and the journal.
// REQUIRES: `monday` is a Monday.
WeekSummary summarize_week(std::span<const Run> runs, const JournalDays& journal,
                           date::sys_days monday);

}  // namespace runload::analyze
