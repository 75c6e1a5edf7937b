#pragma once
// Values of the command line's options, parsed the one way every command
// parses them. Each throws UsageError naming the option, with the nearest
// valid value when one is close.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/validation.hpp>

namespace runload::app {
class Session;
}

#include <runload/journal/validation.hpp>

namespace CLI {
class App;
}

namespace runload::cli {

// A date as every option takes it: YYYY-MM-DD, "today" or "yesterday" (the
// athlete's today, from `today`), or nullopt when the option was not given.
// With FutureDates::refuse a day after today is refused.
std::optional<date::sys_days> date_option(
    const std::optional<std::string>& text, std::string_view option,
    const std::function<date::sys_days()>& today,
    journal::FutureDates future = journal::FutureDates::allow);

// `text` when it is one of `choices`, else UsageError naming them and the
// nearest ("--color 'sometimes' is not one of auto, always, never").
const std::string& choice_option(const std::string& text, std::string_view option,
                                 const std::vector<std::string>& choices);

// Names the values `option` accepts in its type ("SPORT:{run,...}"), for
// --help and for the completion scripts (completion.hpp), when a check of
// the core, not CLI11, validates them.
void offer_values(CLI::Option& option, std::string_view kind,
                  const std::vector<std::string>& values);

// The sports' contract names, run first; with `running`, "running" too.
std::vector<std::string> sport_names(bool running = false);

// An activity id as `runs show/delete/set` take it: a whole number >= 1.
std::int64_t id_argument(const std::string& text);

// Refuses, before CLI11 parses them, options that none of the commands on
// the command line knows, naming the nearest one and the help to read
// (UsageError). `app` is the whole command line with its subcommands.
void check_option_names(const CLI::App& app, int argc, char** argv);

// "runload runs show": the (sub)commands named on the command line.
std::string command_path(const CLI::App& app, int argc, char** argv);

// A decimal number ("4", "4.5"; not "4mm", "nan" or "1e400"), or nullopt
// when the option was not given.
std::optional<double> number_option(const std::optional<std::string>& text,
                                    std::string_view option);

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

}  // namespace runload::cli
