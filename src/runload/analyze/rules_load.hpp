#pragma once
// The training-load rules of DESIGN.md section 2: single_run_spike,
// weekly_distance_jump, acwr_high, speed_spike, hill_spike, weekend_warrior
// and return_after_break. (footwear_transition needs gear and is not here.)
//
// Each function returns the flags dated in [from, to]. A run-level flag is
// dated on the run's local day and carries its id; a week-level flag is dated
// on the week's Sunday and carries no activity id. A rule without the data it
// needs (no earlier run, no track, no elevation) raises nothing.

#include <optional>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/model/flag.hpp>

namespace runload::analyze {

// Run `index`'s distance over the longest run that started in the 30 local
// days before its day or earlier on its day; nullopt when those 30 days do
// not lie in the history (they start before the first run: no baseline yet)
// or hold no run with a distance.
std::optional<double> single_run_ratio(const History& history, std::size_t index);

// single_run_ratio: > 1.10 caution (small), > 1.30 caution (moderate), >
// 2.00 high (large). No baseline: silent (return_after_break speaks after a
// break; the report says which comparisons have no baseline yet).
std::vector<model::Flag> single_run_spike(const History& history, date::sys_days from,
                                          date::sys_days to);

// A week's distance over the week before's: > 1.30 caution. Silent when the
// week before has no distance or does not lie in the history.
std::vector<model::Flag> weekly_distance_jump(const History& history, date::sys_days from,
                                              date::sys_days to);

// Uncoupled ACWR on a week's Sunday: > 1.3 info, > 1.5 caution. Silent while
// fewer than 28 days of history end on that Sunday (the chronic mean would
// count days before the first run as rest).
std::vector<model::Flag> acwr_high(const History& history, date::sys_days from, date::sys_days to);

// Run form: a run's fast distance over the most fast distance in one run of
// the same 30-day lookback as single_run_spike (which must lie in the
// history). Week form: a week's fast
// distance over the mean of the 3 weeks before (which must lie in history).
// Caution when the ratio is > 1.30 and the fast distance is at least 1 km
// (run) / 2 km (week); a baseline of 0 with the floor met is a spike without
// a ratio. Silent when the run or the baseline has no fast distance.
std::vector<model::Flag> speed_spike(const History& history, date::sys_days from,
                                     date::sys_days to);

// As speed_spike, first for elevation gain (floors 100 m run / 200 m week),
// then, when that raises nothing, for uphill distance (floors 1 km / 2 km).
// At most one flag per run and per week.
std::vector<model::Flag> hill_spike(const History& history, date::sys_days from, date::sys_days to);

// On a week's Sunday, over the 28 days ending it: at least 70% of the
// distance on Saturdays and Sundays and at most 1 weekday run a week on
// average (at most 4 in the 28 days): caution. Silent before 28 days of
// history.
std::vector<model::Flag> weekend_warrior(const History& history, date::sys_days from,
                                         date::sys_days to);

// A run with 14 or more days without running before its day: info. The
// first run of history (on `first_day`) is not a return.
std::vector<model::Flag> return_after_break(const History& history, date::sys_days from,
                                            date::sys_days to);

// All the rules above, flags ordered by date.
std::vector<model::Flag> load_flags(const History& history, date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
