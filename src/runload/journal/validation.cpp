#include <runload/journal/validation.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include <runload/text/ascii.hpp>

namespace runload::journal {

using text::to_lower;
using text::trim_blank;

namespace {

Checked<int> parse_int_in(std::string_view raw, int low, int high) {
  const auto text = trim_blank(raw);
  const auto refuse = [&] {
    return Checked<int>{std::nullopt, fmt::format("must be a whole number from {} to {}, not '{}'",
                                                  low, high, raw)};
  };
  if (text.empty()) return refuse();
  // "+3" is accepted by nobody's reading of a form; from_chars refuses it too.
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return refuse();
  if (value < low || value > high) return refuse();
  return {value, {}};
}

}  // namespace

Checked<int> parse_whole_number(std::string_view text, int low, int high) {
  return parse_int_in(text, low, high);
}

Checked<int> parse_scale(std::string_view text) {
  return parse_int_in(text, k_scale_min, k_scale_max);
}

Checked<int> parse_stiffness_minutes(std::string_view text) {
  return parse_int_in(text, 0, k_stiffness_minutes_max);
}

Checked<model::Side> parse_side(std::string_view text) {
  if (const auto side = model::side_from_string(to_lower(trim_blank(text)))) return {*side, {}};
  return {std::nullopt, fmt::format("must be left, right or both, not '{}'", text)};
}

Checked<bool> parse_yes_no(std::string_view text) {
  const auto word = to_lower(trim_blank(text));
  if (word == "yes" || word == "y" || word == "true" || word == "1") return {true, {}};
  if (word == "no" || word == "n" || word == "false" || word == "0") return {false, {}};
  return {std::nullopt, fmt::format("must be yes or no, not '{}'", text)};
}

Checked<date::sys_days> parse_day(std::string_view raw, date::sys_days today, FutureDates future) {
  const auto text = trim_blank(raw);
  const auto word = to_lower(text);
  if (word == "today") return {today, {}};
  if (word == "yesterday") return {today - date::days{1}, {}};

  const auto digits = [&](std::size_t from, std::size_t count, int& out) {
    const auto* begin = text.data() + from;
    // from_chars takes a sign; a date has digits only ("-024" is no year).
    if (!std::all_of(begin, begin + count, [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    const auto [end, ec] = std::from_chars(begin, begin + count, out);
    return ec == std::errc{} && end == begin + count;
  };
  int y = 0, m = 0, d = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4, y) &&
                      digits(5, 2, m) && digits(8, 2, d);
  if (!shaped)
    return {std::nullopt,
            fmt::format("must be a date YYYY-MM-DD, 'today' or 'yesterday', not '{}'", raw)};
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return {std::nullopt, fmt::format("'{}' is not a calendar day", raw)};
  const date::sys_days day{ymd};
  if (future == FutureDates::refuse && day > today)
    return {std::nullopt,
            fmt::format("'{}' is in the future (today is {})", raw, date::format("%F", today))};
  return {day, {}};
}

date::sys_days local_today(std::chrono::system_clock::time_point now, const date::time_zone* zone) {
  const auto local = zone->to_local(now);
  return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

}  // namespace runload::journal
