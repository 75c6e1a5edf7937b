#pragma once
// The athlete's fast threshold when none is configured (DESIGN.md section 3):
// 1.15 x the median moving speed (distance / moving time) of the runs of the
// 90 days before a run.

#include <cstddef>
#include <optional>
#include <span>

#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

struct Run;

// Median of `values`. Returns nullopt when empty; an even count gives the
// mean of the two middle values.
std::optional<double> median(std::span<const double> values);

// `factor` x the median moving speed of the runs that started before run `index`
// on the 90 local days before its day (or earlier on its day) and that have a
// distance, a moving time and a plausible moving speed (1 to 7 m/s: a sparse
// track with a tiny moving time would otherwise move every later threshold).
// Returns nullopt when there is no such run.
// REQUIRES: `runs` ordered by start; index < runs.size().
// `factor` is the 1.15 of the definition.
std::optional<double> derived_fast_threshold(std::span<const Run> runs, std::size_t index,
                                             double factor = rules::Thresholds{}.fast_speed_factor);

}  // namespace runload::analyze
