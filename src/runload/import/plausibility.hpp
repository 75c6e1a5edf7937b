#pragma once
// Activities that cannot be a human on foot (docs/import.md, "Plausible on
// foot"): a "run" at 26 km/h is a bike or a car, a file spanning weeks with
// minutes of moving time is a GPS logger's. They keep every number but are
// stored as `other`, so they never count as running load; the warning says
// why, and the runner can re-type one (`runload runs set ID --sport run`).

#include <optional>
#include <string>

#include <runload/import/parse_result.hpp>
#include <runload/model/activity.hpp>

namespace runload::import {

// Sustained speed: an activity on foot of at least this distance...
constexpr double k_sustained_speed_min_distance_m = 3000.0;
// ...cannot average more than this over its moving time (else its elapsed
// time): 25.2 km/h, 6% above the men's 5000 m world record pace (12:35,
// 6.62 m/s; the marathon record is 5.86 m/s).
constexpr double k_max_sustained_foot_speed_mps = 7.0;
// A span of days: an activity that lasts at least this long...
constexpr std::chrono::hours k_long_span{24};
// ...while moving less than this fraction of it is not one outing (a 24-hour
// race moves most of the day; a logger left on in a bag barely moves).
constexpr double k_min_moving_fraction_of_long_span = 0.10;

// Why `activity`, whose sport is one on foot, cannot be one; nullopt when it
// can, or when its sport is not on foot.
std::optional<std::string> implausible_on_foot(const model::Activity& activity);

// Stores as `other` every activity of `result` that implausible_on_foot
// refuses, with a warning naming it (start, name) and why.
void retype_implausible(ParseResult& result);

}  // namespace runload::import
