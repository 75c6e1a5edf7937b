#pragma once
// The footwear rules of DESIGN.md section 2: footwear_transition,
// minimalist_volume and shoe_worn, from the shoes the runs name
// (History::shoes). A run that names no shoe, or one whose drop is unknown,
// is never counted as a change: it is counted as unknown, and the report
// says so.
//
// Each function returns the flags dated in [from, to]; week-level flags are
// dated on the week's Sunday, run-level ones on the run's day with its id.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/model/flag.hpp>
#include <runload/model/gear.hpp>

namespace runload::analyze {

// The shoe `run` names; nullptr when it names none, or one not among
// history.shoes.
const model::Gear* shoe_of(const History& history, const Run& run);

// The limit of `shoe` in metres: its own, else thresholds.shoe_limit_m.
double shoe_limit_m(const History& history, const model::Gear& shoe);

// What footwear_transition compares for the week of `monday`.
struct DropComparison {
  // The heel drop that most of the running of the 30 days before the week
  // was in (the distance is grouped by drop; a tie goes to the higher drop);
  // nullopt when those days hold no running or most of it was in shoes of
  // unknown drop (or named none).
  std::optional<double> reference_drop_mm;
  std::vector<std::string> reference_shoes;  // the shoes of that drop worn then
  double before_m = 0.0;                     // running distance of the 30 days
  double lower_before_m = 0.0;               // of which in shoes 4 mm or more below the reference
  double week_m = 0.0;                       // running distance of the week
  double lower_week_m = 0.0;                 // of which in shoes 4 mm or more below the reference
  double unknown_week_m = 0.0;               // of which in shoes of unknown drop, or naming none
  std::vector<std::string> lower_shoes;      // the lower shoes worn in the week

  // lower_week_m / week_m and lower_before_m / before_m; nullopt for no distance.
  std::optional<double> share() const noexcept;
  std::optional<double> share_before() const noexcept;
};

DropComparison drop_comparison(const History& history, date::sys_days monday);

// A week with more than 30% of its distance in shoes whose drop is 4 mm or
// more below the reference, while under 10% of the 30 days before were:
// caution. Silent without a reference drop.
std::vector<model::Flag> footwear_transition(const History& history, date::sys_days from,
                                             date::sys_days to);

// A week with more than about 35 km in minimalist shoes: caution; the first
// run ever in a minimalist shoe: info.
std::vector<model::Flag> minimalist_volume(const History& history, date::sys_days from,
                                           date::sys_days to);

// Each named shoe's mileage at the end of `day`: its distance before the
// history plus its runs up to that day.
std::map<std::string, double> shoe_mileage(const History& history, date::sys_days day);

// A run that takes its shoe past the shoe's limit, or is run in a shoe
// already past it: info, once per shoe and week (on its first such run).
std::vector<model::Flag> shoe_worn(const History& history, date::sys_days from, date::sys_days to);

// All three, ordered by date.
std::vector<model::Flag> gear_flags(const History& history, date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
