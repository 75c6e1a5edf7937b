#include <runload/analyze/shoes.hpp>

#include <algorithm>
#include <map>

#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

// Most distance first, then by name; the runs naming no shoe last.
void sort_most_first(std::vector<ShoeDistance>& shoes) {
  std::stable_sort(shoes.begin(), shoes.end(), [](const ShoeDistance& a, const ShoeDistance& b) {
    if (a.name.has_value() != b.name.has_value()) return a.name.has_value();
    if (a.distance_m != b.distance_m) return a.distance_m > b.distance_m;
    return a.name < b.name;
  });
}

std::vector<ShoeDistance> distances(const History& history, date::sys_days from,
                                    date::sys_days to) {
  std::map<std::optional<std::string>, ShoeDistance> by_shoe;
  for (const auto& run : history.runs) {
    if (run.day < from || run.day > to) continue;
    auto& shoe = by_shoe[run.gear];
    shoe.name = run.gear;
    shoe.distance_m += run.distance_m;
    ++shoe.runs;
  }
  std::vector<ShoeDistance> shoes;
  for (auto& [name, shoe] : by_shoe) shoes.push_back(std::move(shoe));
  sort_most_first(shoes);
  return shoes;
}

std::optional<Rotation> rotation(const History& history, date::sys_days monday) {
  const auto first =
      std::max(monday - date::weeks{rules::k_rotation_weeks - 1}, week_monday(history.first_day));
  Rotation r;
  r.weeks = static_cast<int>((monday - first).count() / 7 + 1);
  double named = 0.0;
  for (const auto& shoe : distances(history, first, monday + date::days{6})) {
    if (!shoe.name || shoe.distance_m <= 0.0) continue;
    if (r.shoes_used++ == 0) {
      r.main_shoe = *shoe.name;
      r.main_share = shoe.distance_m;
    }
    named += shoe.distance_m;
  }
  if (named <= 0.0) return std::nullopt;
  r.main_share /= named;
  return r;
}

ShoeWeek shoe_week(const History& history, ShoeDistance distance,
                   const std::map<std::string, double>& mileage) {
  ShoeWeek week;
  week.week = std::move(distance);
  if (!week.week.name) return week;
  week.mileage_m = mileage.contains(*week.week.name) ? mileage.at(*week.week.name) : 0.0;
  Run named;
  named.gear = week.week.name;
  const auto* shoe = shoe_of(history, named);
  week.limit_m = shoe ? shoe_limit_m(history, *shoe) : history.thresholds.shoe_limit_m;
  if (!shoe) return week;
  week.known = true;
  week.drop_mm = shoe->drop_mm;
  week.minimalist = shoe->minimalist;
  week.retired = shoe->retired_on.has_value();
  return week;
}

}  // namespace

std::vector<ShoeDistance> shoe_distances(const History& history, date::sys_days monday) {
  return distances(history, monday, monday + date::days{6});
}

ShoeReport shoe_report(const History& history, date::sys_days monday, date::sys_days as_of) {
  ShoeReport report;
  const auto mileage = shoe_mileage(history, as_of);
  for (auto& distance : shoe_distances(history, monday))
    report.worn.push_back(shoe_week(history, std::move(distance), mileage));
  report.transition = drop_comparison(history, monday);
  report.rotation = rotation(history, monday);
  report.any =
      !history.shoes.empty() || std::any_of(history.runs.begin(), history.runs.end(),
                                            [](const Run& run) { return run.gear.has_value(); });
  return report;
}

}  // namespace runload::analyze
