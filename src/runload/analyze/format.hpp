#pragma once
// Number formatting shared by the rules' messages.

#include <string>

namespace runload::analyze {

// "18.4 km" from metres.
std::string km(double metres);
// "41%" for a ratio of 1.41; one decimal below 20% ("10.1%"), so that a rise
// just over a threshold does not read as the threshold itself.
std::string percent_more(double ratio);
// "4 mm", "4.5 mm": a shoe's heel drop, to 0.1 mm.
std::string millimetres(double mm);
// "1.45" for a ratio.
std::string times(double ratio);

}  // namespace runload::analyze
