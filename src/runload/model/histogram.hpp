#pragma once
// Histograms kept per activity with a track (DESIGN.md sections 3-4), so
// that the fast and uphill thresholds, and the resting and maximum heart rate
// of Banister's TRIMP, can change without a re-import.

#include <cstddef>
#include <vector>

namespace runload::model {

// An amount per bin of a quantity. Bin i holds the amount accumulated while
// the quantity was in [origin + i * width, origin + (i + 1) * width). The
// speed and grade histograms hold distance in metres; the heart-rate
// histogram holds time in seconds in the same vector (named for the first
// use, and kept so the stored format and its readers stay one).
struct Histogram {
  double origin = 0.0;
  double width = 1.0;
  std::vector<double> metres;  // metres (speed, grade) or seconds (heart rate) per bin

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

// Heart-rate histogram: time in seconds by heart rate, 1 bpm bins centred on
// whole beats (the readings of GPX, TCX and FIT are whole beats per minute),
// bin i holding [29.5 + i, 30.5 + i), 30 to 230 bpm; readings beyond are
// clamped into the end bins. A bin's heart rate is its centre, so Banister's
// TRIMP from the histogram equals the sum over the samples.
constexpr double k_heart_rate_bin_bpm = 1.0;
constexpr double k_heart_rate_origin_bpm = 29.5;
constexpr std::size_t k_heart_rate_max_bins = 201;

Histogram make_speed_histogram();
Histogram make_grade_histogram();
Histogram make_heart_rate_histogram();

// The centre of bin `index`: origin + (index + 0.5) * width.
double bin_centre(const Histogram& histogram, std::size_t index) noexcept;

}  // namespace runload::model
