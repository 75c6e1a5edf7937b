#pragma once
// Values of the command line's options, parsed the one way every command
// parses them. Each throws UsageError naming the option.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/validation.hpp>

namespace runload::app {
class Session;
}

namespace runload::cli {

// The value of a checked option, or UsageError "OPTION REASON" ("--left
// must be a whole number from 0 to 200, not 'x'").
template <typename T>
T checked_or_throw(const journal::Checked<T>& checked, std::string_view option) {
  if (!checked) throw UsageError(fmt::format("{} {}", option, checked.error));
  return *checked.value;
}

// A record id given on the command line (medication, episode): a positive
// whole number, or UsageError naming `what`.
std::int64_t id_option(const std::string& text, std::string_view what);

// A day of an option, YYYY-MM-DD, today or yesterday, in the athlete's zone
// (journal::parse_day); `fallback` when the option is not given.
date::sys_days day_option(app::Session& session, const std::optional<std::string>& text,
                          std::string_view option, date::sys_days fallback,
                          journal::FutureDates future = journal::FutureDates::refuse);

// A date written exactly YYYY-MM-DD, or nullopt when the option was not given.
std::optional<date::sys_days> date_option(const std::optional<std::string>& text,
                                          std::string_view option);

}  // namespace runload::cli
