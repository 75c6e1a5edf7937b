#pragma once
// The great-circle distance every baseline sums, as runload's track metrics
// do: haversine on the mean Earth sphere.

#include <algorithm>
#include <cmath>
#include <numbers>

namespace runload::bench {

inline constexpr double k_earth_radius_m = 6'371'008.8;

inline double haversine_m(double lat1, double lon1, double lat2, double lon2) {
  constexpr double k_rad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * k_rad;
  const double dlon = (lon2 - lon1) * k_rad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * k_rad) * std::cos(lat2 * k_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * k_earth_radius_m * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace runload::bench
