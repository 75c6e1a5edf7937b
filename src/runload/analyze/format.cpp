#include <runload/analyze/format.hpp>

#include <cmath>

#include <fmt/format.h>

namespace runload::analyze {

std::string km(double metres, model::Units units) {
  return fmt::format("{:.1f} {}", model::distance_in(metres, units), model::distance_unit(units));
}

std::string short_distance(double metres, model::Units units) {
  return fmt::format("{:g} {}", std::round(model::distance_in(metres, units) * 10.0) / 10.0,
                     model::distance_unit(units));
}

std::string climb(double metres, model::Units units) {
  return fmt::format("{:.0f} {}", model::height_in(metres, units), model::height_unit(units));
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
