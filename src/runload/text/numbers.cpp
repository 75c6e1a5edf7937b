#include <runload/text/numbers.hpp>

#include <cmath>

#include <fmt/format.h>

namespace runload::text {

double round_to(double value, int decimals) noexcept {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string pace_text(double seconds_per_km) {
  const auto total = static_cast<long>(std::lround(seconds_per_km));
  return fmt::format("{}:{:02}/km", total / 60, total % 60);
}

std::string duration_text(const std::optional<std::chrono::seconds>& value) {
  if (!value) return "-";
  const auto total = value->count();
  return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

}  // namespace runload::text
