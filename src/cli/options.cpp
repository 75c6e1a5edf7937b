#include <cli/options.hpp>

#include <charconv>
#include <cmath>

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

std::optional<double> number_option(const std::optional<std::string>& text,
                                    std::string_view option) {
  if (!text) return std::nullopt;
  double value = 0.0;
  const auto* first = text->data();
  const auto* last = first + text->size();
  const auto [end, error] = std::from_chars(first, last, value, std::chars_format::fixed);
  if (error != std::errc() || end != last || text->empty() || !std::isfinite(value))
    throw UsageError(fmt::format("{}: expected a number, not '{}'", option, *text));
  return value;
}

}  // namespace runload::cli
