#pragma once
// Choosing the reported week from the command line's --week.

#include <optional>
#include <string_view>

#include <date/date.h>

namespace runload::report {

// The Monday of the ISO 8601 week written exactly "YYYY-Www" (years 1000 to
// 9999), e.g. 2020-12-28 for "2020-W53". nullopt for anything else,
// including a week 53 in a year that has 52 ("2021-W53").
std::optional<date::sys_days> parse_iso_week(std::string_view text);

}  // namespace runload::report
