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

struct Activity;

// The UTC offset `zone` has at `instant` (daylight saving included); zero
// when `zone` is null (UTC). The one place an offset is derived from a zone:
// readers, the store's re-derivation after a zone change and the journal's
// "today" all come here.
std::chrono::seconds utc_offset_at(const date::time_zone* zone, date::sys_seconds instant);

// The instant of a naive local time in `zone` (UTC when zone is null).
// Ambiguous times (the repeated hour when clocks go back) take the earlier
// instant; nonexistent times (the skipped hour when clocks go forward) map to
// the instant of the transition, both as date::choose::earliest does.
date::sys_seconds local_to_utc(const date::time_zone* zone, date::local_seconds local);

// Sets start_utc, and utc_offset from `zone` with offset_origin `zone`: for
// a file that states no offset of its own.
void set_start_in_zone(Activity& activity, date::sys_seconds start, const date::time_zone* zone);

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
