#include <runload/report/text.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace runload::report {
namespace {

constexpr std::array<std::string_view, 7> k_weekdays{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 8> k_spark{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string short_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{} {} {}", k_weekdays[date::weekday{day}.c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string long_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()));
}

std::string sparkline(const std::vector<std::optional<double>>& values, double max) {
  for (const auto& v : values)
    if (v) max = std::max(max, *v);
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += k_missing;
    } else if (max <= 0.0) {
      out += k_spark[0];
    } else {
      const auto level = std::clamp(std::lround(*v / max * 7.0), 0L, 7L);
      out += k_spark[static_cast<std::size_t>(level)];
    }
  }
  return out;
}

}  // namespace runload::report
