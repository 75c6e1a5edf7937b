#include <runload/report/week_select.hpp>

#include <date/iso_week.h>

namespace runload::report {

std::optional<date::sys_days> parse_iso_week(std::string_view text) {
  if (text.size() != 8 || text[4] != '-' || text[5] != 'W') return std::nullopt;
  const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto year = digits(0, 4);
  const auto week = digits(6, 2);
  if (!year || !week || *year < 1000 || *week < 1) return std::nullopt;
  const iso_week::year_weeknum_weekday ywd{
      iso_week::year{*year}, iso_week::weeknum{static_cast<unsigned>(*week)}, iso_week::mon};
  if (!ywd.ok()) return std::nullopt;
  return date::sys_days{ywd};
}

}  // namespace runload::report
