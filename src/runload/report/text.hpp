#pragma once
// Dates and phrases the renderers share. The text helpers the renderers share
// with the rest of the project (width, wrapping, escaping) are in text/.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <runload/analyze/shoes.hpp>
#include <runload/rules/settings.hpp>

namespace runload::report {

// "Mon 9 Nov" and "9 Nov 2026".
std::string short_day(date::sys_days day);
std::string long_day(date::sys_days day);

// The footwear_transition check of a week in words: a change in progress,
// or why none can be judged ("" for a week without running).
std::string transition_text(const analyze::ShoeReport& shoes);

// The settings that differ from their defaults, for a physiotherapist to
// see: "weekly_jump_pct 20 % (default 30); units imperial (default
// metric)"; "" when none does.
std::string settings_text(const std::vector<rules::SettingChange>& changed);

// What a sparkline shows for an unknown value.
inline constexpr std::string_view k_missing = "·";

// One character per value, ▁ to █, scaled to `max` (at least the largest
// value); k_missing for unknown values.
std::string sparkline(const std::vector<std::optional<double>>& values, double max);

}  // namespace runload::report
