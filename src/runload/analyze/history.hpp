#pragma once
// Everything the rules read, prepared once: the runs in start order, the
// zero-filled daily distance, the journal by day, and where history begins.

#include <vector>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>
#include <runload/analyze/journal_days.hpp>
#include <runload/analyze/runs.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

struct History {
  std::vector<Run> runs;  // ordered as collect_runs returns them
  DailySeries daily;      // covers at least the days the rules look at
  JournalDays journal;
  date::sys_days first_day{};    // the athlete's first day of history (earliest run)
  rules::Thresholds thresholds;  // the levels the rules fire at
};

// Mondays of the weeks whose Sunday falls in [from, to], oldest first.
std::vector<date::sys_days> week_mondays_ending_in(date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
