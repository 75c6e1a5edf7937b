#include <runload/model/units.hpp>

namespace runload::model {

std::string_view to_string(Units units) noexcept {
  return units == Units::imperial ? "imperial" : "metric";
}

std::optional<Units> units_from_string(std::string_view text) noexcept {
  if (text == "metric") return Units::metric;
  if (text == "imperial") return Units::imperial;
  return std::nullopt;
}

double metres_per_distance_unit(Units units) noexcept {
  return units == Units::imperial ? k_metres_per_mile : 1000.0;
}

double distance_in(double metres, Units units) noexcept {
  return metres / metres_per_distance_unit(units);
}

double height_in(double metres, Units units) noexcept {
  return units == Units::imperial ? metres / k_metres_per_foot : metres;
}

double pace_in(double seconds_per_km, Units units) noexcept {
  return seconds_per_km / 1000.0 * metres_per_distance_unit(units);
}

std::string_view distance_unit(Units units) noexcept {
  return units == Units::imperial ? "mi" : "km";
}

std::string_view height_unit(Units units) noexcept {
  return units == Units::imperial ? "ft" : "m";
}

}  // namespace runload::model
