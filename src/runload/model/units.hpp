#pragma once
// The units a runner reads distances in (the `units` setting): metric
// (kilometres, metres, pace per km) or imperial (miles, feet, pace per mile).
// The one place a stored metre becomes a shown mile: every renderer and
// every message converts through these. The store, the analyzer and JSON
// stay metric.

#include <optional>
#include <string_view>

namespace runload::model {

enum class Units { metric, imperial };

// Exact by definition (international yard and pound agreement, 1959).
inline constexpr double k_metres_per_mile = 1609.344;
inline constexpr double k_metres_per_foot = 0.3048;

// "metric", "imperial".
std::string_view to_string(Units units) noexcept;
std::optional<Units> units_from_string(std::string_view text) noexcept;

// A distance in the units' long unit: kilometres or miles.
double distance_in(double metres, Units units) noexcept;
// A height (climb) in the units' short unit: metres or feet.
double height_in(double metres, Units units) noexcept;
// A pace in seconds per kilometre or per mile.
double pace_in(double seconds_per_km, Units units) noexcept;
// The metres of one long unit (1000 or 1609.344).
double metres_per_distance_unit(Units units) noexcept;

// "km" or "mi"; "m" or "ft".
std::string_view distance_unit(Units units) noexcept;
std::string_view height_unit(Units units) noexcept;

}  // namespace runload::model
