#pragma once
// Number formatting shared by the rules' messages.

#include <string>

#include <runload/model/units.hpp>

namespace runload::analyze {

// "18.4 km" from metres; "11.4 mi" in imperial units (model/units.hpp).
std::string km(double metres, model::Units units);
// "1 km", "0.6 mi": a round distance to 0.1, without trailing zeros.
std::string short_distance(double metres, model::Units units);
// "140 m" of climb; "459 ft" in imperial units.
std::string climb(double metres, model::Units units);
// "41%" for a ratio of 1.41; one decimal below 20% ("10.1%"), so that a rise
// just over a threshold does not read as the threshold itself.
std::string percent_more(double ratio);
// "4 mm", "4.5 mm": a shoe's heel drop, to 0.1 mm.
std::string millimetres(double mm);
// "1.45" for a ratio.
std::string times(double ratio);

}  // namespace runload::analyze
