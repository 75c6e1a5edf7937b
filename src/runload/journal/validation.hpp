#pragma once
// Validation of journal values, shared by the flags, the interactive
// check-in and the CSV import, so all three accept exactly the same input.
// Each parser returns the value or a reason phrased to follow the name of
// what was asked ("--stiffness ", "line 4: stiffness "), e.g.
// "must be a whole number from 0 to 10, not '11'".

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

// Symptom scales (stiffness, pain) run from 0 (none) to 10 (worst imaginable),
// the numeric rating scale of the pain-monitoring model (Silbernagel 2007).
inline constexpr int k_scale_min = 0;
inline constexpr int k_scale_max = 10;
// Morning stiffness lasts at most a day; more is a typing slip.
inline constexpr int k_stiffness_minutes_max = 24 * 60;
// A note is a few sentences; a longer one is a pasted file or a broken CSV.
inline constexpr std::size_t k_note_max_bytes = 10000;

// A parsed value or the reason it was refused.
template <typename T>
struct Checked {
  std::optional<T> value;
  std::string error;  // empty when value is set

  explicit operator bool() const noexcept { return value.has_value(); }
};

// A whole number in [k_scale_min, k_scale_max]; surrounding blanks ignored.
Checked<int> parse_scale(std::string_view text);

// A whole number of minutes in [0, k_stiffness_minutes_max].
Checked<int> parse_stiffness_minutes(std::string_view text);

// A whole number in [low, high]; surrounding blanks ignored, no sign.
Checked<int> parse_whole_number(std::string_view text, int low, int high);

// "left", "right" or "both", any case.
Checked<model::Side> parse_side(std::string_view text);

// yes/no, y/n, true/false, 1/0, any case.
Checked<bool> parse_yes_no(std::string_view text);

enum class FutureDates { refuse, allow };

// "YYYY-MM-DD" (a real calendar day), "today" or "yesterday", relative to
// `today`. With FutureDates::refuse a day after `today` is refused.
Checked<date::sys_days> parse_day(std::string_view text, date::sys_days today,
                                  FutureDates future = FutureDates::refuse);

// The calendar day at `now` in `zone`: "today" for an athlete, whatever the
// host's TZ. REQUIRES: zone != nullptr.
date::sys_days local_today(std::chrono::system_clock::time_point now, const date::time_zone* zone);

}  // namespace runload::journal
