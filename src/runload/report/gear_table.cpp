#include <runload/report/gear_table.hpp>

#include <fmt/format.h>

#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>

namespace runload::report {
namespace {

using text::fit;

constexpr std::size_t k_name_width = 26;

std::string day_text(const std::optional<date::sys_days>& day) {
  return day ? model::format_date(*day) : std::string("-");
}

std::string drop_text(const model::Gear& g) {
  return g.drop_mm ? fmt::format("{:g} mm", *g.drop_mm) : std::string("?");
}

}  // namespace

std::string gear_table(const std::vector<model::GearUsage>& shoes, double default_limit_km,
                       const Palette& p, model::Units units) {
  const auto unit = model::distance_unit(units);
  std::string out = fmt::format("{}{}  {:>8}  {:>4}  {:<10}  {:<10}  {:>13}  {:>6}{}\n", p.bold(),
                                fit("shoe", k_name_width), unit, "runs", "first", "last",
                                fmt::format("of limit {}", unit), "drop", p.reset());
  bool unknown_drop = false;
  for (const auto& u : shoes) {
    const auto& g = u.gear;
    const double limit = g.limit_km.value_or(default_limit_km);
    unknown_drop = unknown_drop || !g.drop_mm;
    std::string notes;
    if (g.minimalist) notes += " minimalist";
    if (g.is_default) notes += " default";
    if (g.retired_on) notes += " retired " + model::format_date(*g.retired_on);
    out += fmt::format("{}{}  {:>8.1f}  {:>4}  {:<10}  {:<10}  {:>4.0f}% of {:>4.0f}  {:>6}{}{}\n",
                       g.retired_on ? p.dim() : "", fit(text::terminal_safe(g.name), k_name_width),
                       model::distance_in(u.distance_m, units), u.runs, day_text(u.first_use),
                       day_text(u.last_use), u.distance_m / 1000.0 / limit * 100.0,
                       model::distance_in(limit * 1000.0, units), drop_text(g), notes,
                       g.retired_on ? p.reset() : "");
  }
  if (unknown_drop)
    out +=
        "? drop unknown: footwear changes are not judged until you set it with "
        "'runload gear edit NAME --drop MM'\n";
  return out;
}

}  // namespace runload::report
