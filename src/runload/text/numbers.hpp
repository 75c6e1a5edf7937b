#pragma once
// Numbers as runload writes them in JSON and text.

#include <chrono>
#include <optional>
#include <string>

#include <runload/model/units.hpp>

namespace runload::text {

// `value` rounded to `decimals` places. Division by a power of ten gives the
// double nearest the decimal (123.4, not 123.40000000000001 as multiplying
// by 0.1 can).
double round_to(double value, int decimals) noexcept;

// "4:48/km" for 288 seconds per km; in imperial units the same pace per
// mile ("7:43/mi").
std::string pace_text(double seconds_per_km, model::Units units = model::Units::metric);

// A distance in `units` to `decimals` places, without the unit: "12.3"
// (km) or "7.6" (mi) for 12,300 m.
std::string distance_number(double metres, model::Units units, int decimals = 1);
// The same with its unit: "12.3 km", "7.6 mi".
std::string distance_text(double metres, model::Units units, int decimals = 1);
// A climb in whole metres or feet, without the unit: "140", "459".
std::string height_number(double metres, model::Units units);
// The same with its unit: "140 m", "459 ft".
std::string height_text(double metres, model::Units units);

// "1:02:03" (hours unpadded), or "-" for an unknown duration.
std::string duration_text(const std::optional<std::chrono::seconds>& value);

}  // namespace runload::text
