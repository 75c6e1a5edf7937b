#include <runload/model/histogram.hpp>

#include <cmath>
#include <numeric>

namespace runload::model {

void Histogram::add(double value, double distance_m, std::size_t max_bins) {
  if (!std::isfinite(value) || !std::isfinite(distance_m) || max_bins == 0) return;
  double index = std::floor((value - origin) / width + 1e-9);
  // Clamped as a double: converting a value beyond size_t (a grade of 1e201
  // from an absurd elevation) is undefined behaviour.
  if (index < 0) index = 0;
  if (index >= static_cast<double>(max_bins)) index = static_cast<double>(max_bins - 1);
  const auto bin = static_cast<std::size_t>(index);
  if (metres.size() <= bin) metres.resize(bin + 1, 0.0);
  metres[bin] += distance_m;
}

double Histogram::distance_at_or_above(double threshold) const noexcept {
  double sum = 0.0;
  for (std::size_t i = 0; i < metres.size(); ++i) {
    const double lower = origin + static_cast<double>(i) * width;
    if (lower + 1e-9 >= threshold) sum += metres[i];
  }
  return sum;
}

double Histogram::total() const noexcept {
  return std::accumulate(metres.begin(), metres.end(), 0.0);
}

Histogram make_speed_histogram() {
  return Histogram{0.0, k_speed_bin_mps, {}};
}
Histogram make_grade_histogram() {
  return Histogram{k_grade_origin_pct, k_grade_bin_pct, {}};
}
Histogram make_heart_rate_histogram() {
  return Histogram{k_heart_rate_origin_bpm, k_heart_rate_bin_bpm, {}};
}

double bin_centre(const Histogram& histogram, std::size_t index) noexcept {
  return histogram.origin + (static_cast<double>(index) + 0.5) * histogram.width;
}

}  // namespace runload::model
