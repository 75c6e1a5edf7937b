#pragma once
// Training monotony and strain of a week (Foster 1998), as context for the
// report, not a flag.

#include <optional>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>

namespace runload::analyze {

struct MonotonyStrain {
  double monotony = 0.0;
  double strain_m = 0.0;  // weekly distance in metres x monotony
};

// Monotony: mean daily distance / population standard deviation over the 7
// days from `monday`, at most 10 (and 10 when the deviation is 0). Strain:
// the week's distance x monotony. Returns nullopt for a week without running,
// where the ratio would be 0 / 0.
std::optional<MonotonyStrain> monotony_strain(const DailySeries& daily, date::sys_days monday);

}  // namespace runload::analyze
