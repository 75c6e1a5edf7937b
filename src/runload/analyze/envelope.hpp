#pragma once
// The safe envelope for the week after a reported week (DESIGN.md section 3).

#include <optional>

#include <date/date.h>

#include <runload/analyze/history.hpp>

namespace runload::analyze {

struct Envelope {
  // 1.10 x the longest run of the 30 days ending the reported Sunday;
  // nullopt when no run with a distance falls in those days.
  std::optional<double> max_single_run_m;
  // 0.8 and 1.3 x the mean distance of the reported week and the 2 before it
  // (next week's uncoupled ACWR kept within 0.8-1.3); nullopt when that mean
  // is 0.
  std::optional<double> distance_low_m;
  std::optional<double> distance_high_m;
};

// REQUIRES: `monday` is the Monday of the reported week.
Envelope next_week_envelope(const History& history, date::sys_days monday);

}  // namespace runload::analyze
