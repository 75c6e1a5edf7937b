#pragma once
// The table `runload gear list` prints: one line per shoe with its distance
// against its limit, its drop and whether it is retired or the default.

#include <string>
#include <vector>

#include <runload/model/gear.hpp>
#include <runload/model/units.hpp>
#include <runload/report/terminal.hpp>

namespace runload::report {

// A header line and one line per shoe (names cut to their column, made
// terminal-safe; retired shoes dimmed), and a footnote when a drop is
// unknown. `default_limit_km` is the limit of a shoe that has none.
std::string gear_table(const std::vector<model::GearUsage>& shoes, double default_limit_km,
                       const Palette& palette, model::Units units = model::Units::metric);

}  // namespace runload::report
