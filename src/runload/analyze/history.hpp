#pragma once
// Everything the rules read, prepared once: the runs in start order, the
// zero-filled daily distance, the journal by day, where history begins, and
// the shoes the runs name.

#include <map>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>
#include <runload/analyze/journal_days.hpp>
#include <runload/analyze/runs.hpp>
#include <runload/model/gear.hpp>
#include <runload/model/units.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

struct History {
  std::vector<Run> runs;  // ordered as collect_runs returns them
  DailySeries daily;      // covers at least the days the rules look at
  JournalDays journal;
  date::sys_days first_day{};                 // the athlete's first day of history (earliest run)
  rules::Thresholds thresholds;               // the levels the rules fire at
  model::Units units = model::Units::metric;  // of the distances in messages
  // The athlete's shoes, retired ones too, by name.
  std::vector<model::Gear> shoes;
  // Each shoe's running distance before the first run of `runs`: its
  // mileage at a run is this plus the runs of `runs` up to it.
  std::map<std::string, double> shoe_distance_before_m;
};

// Mondays of the weeks whose Sunday falls in [from, to], oldest first.
std::vector<date::sys_days> week_mondays_ending_in(date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
