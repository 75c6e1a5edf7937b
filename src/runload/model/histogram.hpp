#pragma once
// Distance histograms kept per activity with a track (DESIGN.md sections 3-4),
// so that the fast and uphill thresholds can move without a re-import.

#include <cstddef>
#include <vector>

namespace runload::model {

// Distance in metres per bin of a quantity. Bin i holds the distance covered
// while the quantity was in [origin + i * width, origin + (i + 1) * width).
struct Histogram {
  double origin = 0.0;
  double width = 1.0;
  std::vector<double> metres;

  // Adds `distance_m` to the bin of `value`, growing the vector as needed.
  // Values below `origin` go to bin 0; values above `max_bins` bins are clamped
  // into the last bin so a glitch cannot allocate without bound.
  void add(double value, double distance_m, std::size_t max_bins);

  // Distance in bins whose lower edge is >= threshold (bin-granular: the bin
  // containing the threshold counts when its lower edge equals it, else not).
  double distance_at_or_above(double threshold) const noexcept;

  double total() const noexcept;
  bool empty() const noexcept { return metres.empty(); }
};

// Speed histogram: 0.1 m/s bins from 0 (DESIGN.md section 4), at most 250 bins (25 m/s).
constexpr double k_speed_bin_mps = 0.1;
constexpr std::size_t k_speed_max_bins = 250;
// Grade histogram: 1% bins from -50% to +50% (steeper grades are clamped).
constexpr double k_grade_bin_pct = 1.0;
constexpr double k_grade_origin_pct = -50.0;
constexpr std::size_t k_grade_max_bins = 100;

Histogram make_speed_histogram();
Histogram make_grade_histogram();

}  // namespace runload::model
