#include <runload/report/text.hpp>

#include <array>

#include <fmt/format.h>

namespace runload::report {
namespace {

constexpr std::array<std::string_view, 7> k_weekdays{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
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

}  // namespace runload::report
