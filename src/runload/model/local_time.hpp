#pragma once
// Local calendar days of DESIGN.md section 3: a run belongs to the local day
// of its start, in the UTC offset in force at that instant.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

namespace runload::model {

// The UTC offset `zone` has at `instant` (daylight saving included).
std::chrono::seconds utc_offset_at(const date::time_zone& zone, date::sys_seconds instant);

// The local calendar day of `instant` shifted by `offset`.
date::sys_days local_day(date::sys_seconds instant, std::chrono::seconds offset) noexcept;

// "YYYY-MM-DD".
std::string format_date(date::sys_days day);

// Parses exactly "YYYY-MM-DD" (a real calendar date, nothing before or after).
// Returns nullopt for anything else.
std::optional<date::sys_days> parse_date(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_utc(date::sys_seconds instant);

}  // namespace runload::model
