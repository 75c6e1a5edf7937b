#pragma once
// The plan for the week after a reported week (DESIGN.md section 3,
// "Next-week envelope"): the most cautious of every constraint in force, and
// withheld while a HIGH or URGENT flag stands, so that the plan never
// contradicts a flag.
//
// - Longest run: 1.10 x the longest run of the 30 days ending the reported
//   Sunday that was not itself a single-run spike (a run more than 10% over
//   the longest of its own 30 days before): after a spike, the next week does
//   not build on the spike.
// - Weekly distance: 0.8 to 1.3 x the mean of the reported week and the 2
//   before it (next week's uncoupled ACWR within 0.8-1.3), the weeks before
//   the first run left out of the mean (a first week is not averaged with
//   weeks of nothing).
// - Hold: a CAUTION flag of the reported week about the weekly distance
//   (weekly_distance_jump, acwr_high), the tendon (pain, stiffness) or a risk
//   modifier (a medication window) caps next week at this week's distance; a
//   modifier's also caps the longest run at the longest of the 30 days (no
//   increase at all); a speed or hill spike caps the fast distance or the
//   climb at this week's, a footwear transition the distance in the
//   lower-drop shoes at this week's, and too much running in minimalist
//   shoes that distance at about 35 km (limits in words).
// - Withheld: any HIGH or URGENT flag in force, this week's or a standing red
//   flag: no numbers, the flag's advice instead.
// The numbers are distances to 0.1 km, as the advice that quotes them: the
// upper limits rounded down, the lower one to the nearest.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/model/flag.hpp>

namespace runload::analyze {

struct Envelope {
  // nullopt when no run with a distance falls in the 30 days, or withheld.
  std::optional<double> max_single_run_m;
  // nullopt when the mean is 0, or withheld.
  std::optional<double> distance_low_m;
  std::optional<double> distance_high_m;
  bool withheld = false;
  // Withheld: the flag that withholds it and what to do instead.
  std::string reason;
  std::optional<model::Rule> withheld_by;
  // Each constraint that lowered a number, and the limits on fast running and
  // climb, in words ("no more than this week's 32.0 km (weekly distance jump)").
  std::vector<std::string> limits;
  // Weeks the distance range is the mean of: 3, fewer in the first weeks.
  int weeks_averaged = 0;
  // The factors in force: 1.10 on the longest run and 0.8-1.3 on the mean,
  // unless a prior episode tightened them (rules::tightened).
  double single_run_factor = 1.10;
  double week_low_factor = 0.8;
  double week_high_factor = 1.3;
  // The longest run is held at the recent longest, not single_run_factor x
  // it (a risk modifier's CAUTION: no increase at all).
  bool long_run_held = false;
};

// REQUIRES: `monday` is the Monday of the reported week; `flags` are the
// flags of the reported week and the standing red flags (Report::flags).
Envelope next_week_envelope(const History& history, date::sys_days monday,
                            std::span<const model::Flag> flags);

}  // namespace runload::analyze
