#include <cli/options.hpp>

#include <fmt/format.h>

#include <charconv>

#include <runload/app/session.hpp>
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

std::int64_t id_option(const std::string& text, std::string_view what) {
  std::int64_t id = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (text.empty() || ec != std::errc{} || ptr != end || id <= 0)
    throw UsageError(fmt::format("{} must be a positive whole number, not '{}'", what, text));
  return id;
}

date::sys_days day_option(app::Session& session, const std::optional<std::string>& text,
                          std::string_view option, date::sys_days fallback,
                          journal::FutureDates future) {
  if (!text) return fallback;
  return checked_or_throw(journal::parse_day(*text, session.today(), future), option);
}

}  // namespace runload::cli
