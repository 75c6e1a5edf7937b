#include <runload/text/numbers.hpp>

#include <cmath>

#include <fmt/format.h>

namespace runload::text {

double round_to(double value, int decimals) noexcept {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string pace_text(double seconds_per_km, model::Units units) {
  const auto total = static_cast<long>(std::lround(model::pace_in(seconds_per_km, units)));
  return fmt::format("{}:{:02}/{}", total / 60, total % 60, model::distance_unit(units));
}

std::string distance_number(double metres, model::Units units, int decimals) {
  return fmt::format("{:.{}f}", model::distance_in(metres, units), decimals);
}

std::string distance_text(double metres, model::Units units, int decimals) {
  return fmt::format("{} {}", distance_number(metres, units, decimals),
                     model::distance_unit(units));
}

std::string height_number(double metres, model::Units units) {
  return fmt::format("{:.0f}", model::height_in(metres, units));
}

std::string height_text(double metres, model::Units units) {
  return fmt::format("{} {}", height_number(metres, units), model::height_unit(units));
}

std::string duration_text(const std::optional<std::chrono::seconds>& value) {
  if (!value) return "-";
  const auto total = value->count();
  return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

}  // namespace runload::text
