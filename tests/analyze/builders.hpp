#pragma once
// Small builders for analyze/ tests: runs on a given local day, journal
// entries, and a History over them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/analyze/runs.hpp>
#include <runload/model/activity.hpp>
#include <runload/model/histogram.hpp>
#include <runload/model/journal_entry.hpp>

namespace runload::analyze::test {

inline date::sys_days ymd(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// A run of `km` starting at `hour`:00 local time (UTC offset 0) on `day`, at
// 3 m/s moving speed, with no track.
inline model::Activity run_on(date::sys_days day, double km, int hour = 8) {
  static std::int64_t next_id = 1;
  model::Activity a;
  a.id = next_id++;
  a.start_utc = date::sys_seconds{day} + std::chrono::hours{hour};
  a.sport = model::Sport::run;
  a.distance_m = km * 1000.0;
  const auto seconds = std::chrono::seconds{static_cast<long>(km * 1000.0 / 3.0)};
  a.elapsed = seconds;
  a.moving = seconds;
  return a;
}

// Adds a speed histogram: `fast_m` metres at 4.5 m/s and the rest at 3.0 m/s.
inline model::Activity with_speed(model::Activity a, double fast_m) {
  auto h = model::make_speed_histogram();
  h.add(3.0, a.distance_m.value_or(0.0) - fast_m, model::k_speed_max_bins);
  h.add(4.5, fast_m, model::k_speed_max_bins);
  a.speed_histogram = h;
  return a;
}

// Adds a grade histogram: `uphill_m` metres at 5% and the rest flat.
inline model::Activity with_grade(model::Activity a, double uphill_m) {
  auto h = model::make_grade_histogram();
  h.add(0.0, a.distance_m.value_or(0.0) - uphill_m, model::k_grade_max_bins);
  h.add(5.0, uphill_m, model::k_grade_max_bins);
  a.grade_histogram = h;
  return a;
}

inline model::Activity with_gain(model::Activity a, double gain_m) {
  a.elevation_gain_m = gain_m;
  return a;
}

inline model::JournalEntry morning(date::sys_days day, std::optional<int> stiffness,
                                   std::optional<int> pain_run = std::nullopt) {
  model::JournalEntry e;
  e.date = day;
  e.stiffness = stiffness;
  e.pain_run = pain_run;
  return e;
}

// A History of `activities` and `journal`, its daily series covering
// [first_day - 200 days, last].
inline History history_of(const std::vector<model::Activity>& activities,
                          const std::vector<model::JournalEntry>& journal, date::sys_days first_day,
                          date::sys_days last, std::optional<double> fast_mps = std::nullopt) {
  History h;
  h.runs = collect_runs(activities, fast_mps);
  h.first_day = first_day;
  h.daily = DailySeries::from_runs(h.runs, first_day - date::days{200}, last);
  h.journal = JournalDays(journal);
  return h;
}

}  // namespace runload::analyze::test
