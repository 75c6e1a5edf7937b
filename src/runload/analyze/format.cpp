#include <runload/analyze/format.hpp>

#include <cmath>

#include <fmt/format.h>

namespace runload::analyze {

std::string km(double metres) {
  return fmt::format("{:.1f} km", metres / 1000.0);
}

std::string percent_more(double ratio) {
  const double pct = (ratio - 1.0) * 100.0;
  if (std::fabs(pct) < 20.0) return fmt::format("{:.1f}%", pct);
  return fmt::format("{:.0f}%", pct);
}

std::string millimetres(double mm) {
  return fmt::format("{:g} mm", std::round(mm * 10.0) / 10.0);
}

std::string times(double ratio) {
  return fmt::format("{:.2f}", ratio);
}

}  // namespace runload::analyze
