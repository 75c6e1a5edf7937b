#include "run_summary.hpp"

#include <algorithm>
#include <cmath>

namespace runload::bench {

RunTotals totals(const SyntheticRun& run, std::size_t first, std::size_t last) {
  RunTotals t;
  t.first = first;
  t.last = last;
  t.elapsed_s = static_cast<int>(last - first + 1);
  const double start_m = first == 0 ? 0.0 : run.samples[first - 1].path_m;
  t.distance_m = run.samples[last].path_m - start_m;
  double hr_sum = 0.0, cadence_sum = 0.0;
  int moving = 0;
  for (std::size_t i = first; i <= last; ++i) {
    const RunSample& s = run.samples[i];
    if (i > 0) {
      const double rise = s.true_ele - run.samples[i - 1].true_ele;
      (rise > 0 ? t.ascent_m : t.descent_m) += std::abs(rise);
    }
    hr_sum += s.hr;
    t.max_hr = std::max(t.max_hr, s.hr);
    if (s.cadence > 0) {
      cadence_sum += s.cadence;
      ++moving;
    }
    t.max_cadence = std::max(t.max_cadence, s.cadence);
  }
  t.avg_hr = static_cast<int>(std::lround(hr_sum / t.elapsed_s));
  t.avg_cadence = moving > 0 ? static_cast<int>(std::lround(cadence_sum / moving)) : 0;
  return t;
}

std::vector<RunTotals> kilometre_laps(const SyntheticRun& run) {
  std::vector<RunTotals> laps;
  std::size_t first = 0;
  for (std::size_t i = 0; i < run.samples.size(); ++i) {
    const bool last = i + 1 == run.samples.size();
    const double lap_start_m = first == 0 ? 0.0 : run.samples[first - 1].path_m;
    if (last || run.samples[i].path_m - lap_start_m >= 1000.0) {
      laps.push_back(totals(run, first, i));
      first = i + 1;
    }
  }
  return laps;
}

}  // namespace runload::bench
