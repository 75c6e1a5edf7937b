#include <cli/options.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>

namespace runload::cli {

std::optional<date::sys_days> date_option(const std::optional<std::string>& text,
                                          std::string_view option) {
  if (!text) return std::nullopt;
  const auto day = model::parse_date(*text);
  if (!day)
    throw UsageError(fmt::format("{}: expected a date as YYYY-MM-DD, not '{}'", option, *text));
  return day;
}

}  // namespace runload::cli
