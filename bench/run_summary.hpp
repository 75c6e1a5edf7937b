#pragma once
// The device totals of a run or of a part of it (a lap), as a watch writes
// them into FIT sessions and laps and TCX laps. Distance is that of the
// reported positions (RunSample::path_m); ascent and descent those of the
// true path, without the noise.

#include <cstddef>
#include <vector>

#include "synthetic_run.hpp"

namespace runload::bench {

struct RunTotals {
  std::size_t first = 0;  // samples [first, last]
  std::size_t last = 0;
  int elapsed_s = 0;
  double distance_m = 0.0;
  double ascent_m = 0.0;
  double descent_m = 0.0;
  int avg_hr = 0;
  int max_hr = 0;
  int avg_cadence = 0;  // strides per minute, over the moving samples
  int max_cadence = 0;
};

RunTotals totals(const SyntheticRun& run, std::size_t first, std::size_t last);

// The whole run.
inline RunTotals totals(const SyntheticRun& run) {
  return totals(run, 0, run.samples.size() - 1);
}

// Auto laps of 1 km, the last one shorter: what a Garmin watch writes by default.
std::vector<RunTotals> kilometre_laps(const SyntheticRun& run);

}  // namespace runload::bench
