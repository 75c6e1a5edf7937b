#include <runload/analyze/weekly_series.hpp>

#include <algorithm>

#include <date/iso_week.h>
#include <fmt/format.h>

namespace runload::analyze {

date::sys_days week_monday(date::sys_days day) noexcept {
  const date::weekday wd{day};
  return day - (wd - date::Monday);
}

std::string iso_week_label(date::sys_days day) {
  const iso_week::year_weeknum_weekday ywd{day};
  return fmt::format("{:04}-W{:02}", static_cast<int>(ywd.year()),
                     static_cast<unsigned>(ywd.weeknum()));
}

WeekSummary summarize_week(std::span<const Run> runs, const JournalDays& journal,
                           date::sys_days monday) {
  WeekSummary week;
  week.start = monday;
  week.end = monday + date::days{6};
  week.iso = iso_week_label(monday);

  std::chrono::seconds duration{0};
  bool any_duration = false;
  double elevation = 0.0;
  bool any_elevation = false;
  double fast = 0.0;
  bool any_fast = false;
  double uphill = 0.0;
  bool any_uphill = false;
  for (const auto& run : runs) {
    if (run.day < week.start || run.day > week.end) continue;
    ++week.runs;
    week.distance_m += run.distance_m;
    week.longest_run_m = std::max(week.longest_run_m, run.distance_m);
    if (run.elapsed) {
      duration += *run.elapsed;
      any_duration = true;
    }
    if (run.elevation_gain_m) {
      elevation += *run.elevation_gain_m;
      any_elevation = true;
    }
    if (run.fast_distance_m) {
      fast += *run.fast_distance_m;
      any_fast = true;
      ++week.runs_with_fast;
    }
    if (run.uphill_distance_m) {
      uphill += *run.uphill_distance_m;
      any_uphill = true;
      ++week.runs_with_uphill;
    }
  }
  const bool empty = week.runs == 0;
  if (empty || any_duration) week.duration = duration;
  if (empty || any_elevation) week.elevation_gain_m = elevation;
  if (empty || any_fast) week.fast_distance_m = fast;
  if (empty || any_uphill) week.uphill_distance_m = uphill;

  if (const auto stiffness = journal.mean_stiffness(week.start, week.end)) {
    week.mean_morning_stiffness = stiffness->mean;
    week.stiffness_entries = stiffness->entries;
  }
  return week;
}

}  // namespace runload::analyze
