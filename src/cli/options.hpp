#pragma once
// Values of the command line's options, parsed the one way every command
// parses them. Each throws UsageError naming the option.

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace runload::cli {

// A date written exactly YYYY-MM-DD, or nullopt when the option was not given.
std::optional<date::sys_days> date_option(const std::optional<std::string>& text,
                                          std::string_view option);

// A decimal number ("4", "4.5"; not "4mm", "nan" or "1e400"), or nullopt
// when the option was not given.
std::optional<double> number_option(const std::optional<std::string>& text,
                                    std::string_view option);

}  // namespace runload::cli
