#pragma once
// Numbers as runload writes them in JSON and text.

#include <chrono>
#include <optional>
#include <string>

namespace runload::text {

// `value` rounded to `decimals` places. Division by a power of ten gives the
// double nearest the decimal (123.4, not 123.40000000000001 as multiplying
// by 0.1 can).
double round_to(double value, int decimals) noexcept;

// "4:48/km" for 288 seconds per km.
std::string pace_text(double seconds_per_km);

// "1:02:03" (hours unpadded), or "-" for an unknown duration.
std::string duration_text(const std::optional<std::chrono::seconds>& value);

}  // namespace runload::text
