#include <runload/analyze/fast_threshold.hpp>

#include <algorithm>
#include <vector>

#include <runload/analyze/runs.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

std::optional<double> median(std::span<const double> values) {
  if (values.empty()) return std::nullopt;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const auto mid = sorted.size() / 2;
  if (sorted.size() % 2 == 1) return sorted[mid];
  return (sorted[mid - 1] + sorted[mid]) / 2.0;
}

std::optional<double> derived_fast_threshold(std::span<const Run> runs, std::size_t index,
                                             double factor) {
  std::vector<double> speeds;
  for (auto j : lookback(runs, index, rules::k_fast_lookback_days)) {
    const auto& run = runs[j];
    if (!run.moving || run.moving->count() <= 0 || run.distance_m <= 0.0) continue;
    const double speed = run.distance_m / static_cast<double>(run.moving->count());
    if (speed < rules::k_plausible_run_speed_min_mps ||
        speed > rules::k_plausible_run_speed_max_mps)
      continue;
    speeds.push_back(speed);
  }
  const auto med = median(speeds);
  if (!med) return std::nullopt;
  return factor * *med;
}

}  // namespace runload::analyze
