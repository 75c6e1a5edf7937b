#pragma once
// Dates as the renderers print them. The text helpers the renderers share
// with the rest of the project (width, wrapping, escaping) are in text/.

#include <string>

#include <date/date.h>

namespace runload::report {

// "Mon 9 Nov" and "9 Nov 2026".
std::string short_day(date::sys_days day);
std::string long_day(date::sys_days day);

}  // namespace runload::report
