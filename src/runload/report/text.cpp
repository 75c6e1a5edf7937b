#include <runload/report/text.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <runload/analyze/format.hpp>

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

// The transition check of the week in words: a change in progress, or why
// none can be judged.
std::string transition_text(const analyze::ShoeReport& shoes) {
  const auto& c = shoes.transition;
  if (c.week_m <= 0.0) return {};
  if (!c.reference_drop_mm)
    return c.before_m > 0.0
               ? "not judged: the heel drop of the shoes of most of the 30 days before is unknown"
               : "not judged: no running in the 30 days before";
  if (c.lower_week_m <= 0.0)
    return fmt::format("none: no running this week in shoes 4 mm or more below the usual {}",
                       analyze::millimetres(*c.reference_drop_mm));
  // One decimal: the rule's bounds (30% this week, under 10% before) are
  // judged on the exact shares, and 10.4% must not read as 10%.
  return fmt::format(
      "{:.1f}% of the week in shoes 4 mm or more below the usual {} ({:.1f}% in "
      "the 30 days before)",
      c.share().value_or(0.0) * 100.0, analyze::millimetres(*c.reference_drop_mm),
      c.share_before().value_or(0.0) * 100.0);
}

std::string settings_text(const std::vector<rules::SettingChange>& changed) {
  std::vector<std::string> parts;
  for (const auto& c : changed)
    parts.push_back(
        c.unit.empty()
            ? fmt::format("{} {} (default {})", c.key, c.value, c.default_value)
            : fmt::format("{} {} {} (default {})", c.key, c.value, c.unit, c.default_value));
  return fmt::format("{}", fmt::join(parts, "; "));
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
