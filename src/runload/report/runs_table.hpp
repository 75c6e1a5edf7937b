#pragma once
// The table `runload runs` prints: one line per activity, other sports
// dimmed and marked.

#include <string>
#include <vector>

#include <runload/model/units.hpp>

#include <runload/model/activity.hpp>
#include <runload/report/terminal.hpp>

namespace runload::report {

// A header line, one line per activity (its id, pace per km over the moving
// time, names and gear made terminal-safe and cut to their columns), a total
// line (activities, runs, the running distance and time), and a footnote when
// an activity is not a run.
// Distances, climbs and paces in `units`.
std::string runs_table(const std::vector<model::Activity>& activities, const Palette& palette,
                       model::Units units = model::Units::metric);

}  // namespace runload::report
