#pragma once
// The running activities of a history as the rules see them: one record per
// run, ordered by start, with its fast and uphill distance resolved.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/model/activity.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

struct Run {
  std::optional<std::int64_t> id;
  date::sys_seconds start_utc{};
  date::sys_days day{};     // local calendar day of the start
  double distance_m = 0.0;  // a run without a distance counts as 0
  std::optional<std::chrono::seconds> elapsed;
  std::optional<std::chrono::seconds> moving;
  std::optional<double> elevation_gain_m;
  bool has_track = false;
  // The shoe the run names (model::Gear::name); nullopt when none.
  std::optional<std::string> gear;
  // The threshold used for this run's fast distance; nullopt when none was
  // configured and no run with a moving speed precedes it in 90 days.
  std::optional<double> fast_threshold_mps;
  // Distance at or above the fast threshold; nullopt without a speed
  // histogram or without a threshold.
  std::optional<double> fast_distance_m;
  // Distance on a grade of 4% or more; nullopt without a grade histogram.
  std::optional<double> uphill_distance_m;
  // The temperature at the start (weather) or the device's mean; nullopt
  // when the files said none.
  std::optional<model::Temperature> temperature;
};

// The runs among `activities` (DESIGN.md section 3: run, trail_run,
// treadmill_run, virtual_run), ordered by start instant (ties keep input
// order), with fast distance from `configured_fast_mps` when set, else from
// the 90-day median moving speed (see fast_threshold.hpp).
// `thresholds` gives the fast factor and the uphill grade.
std::vector<Run> collect_runs(std::span<const model::Activity> activities,
                              std::optional<double> configured_fast_mps,
                              const rules::Thresholds& thresholds = {});

// Indices of the runs that started before run `index` on the `days` local days
// before its day, or earlier on its own day (the run itself is excluded).
// REQUIRES: `runs` ordered as collect_runs returns them; index < runs.size().
std::vector<std::size_t> lookback(std::span<const Run> runs, std::size_t index, int days);

}  // namespace runload::analyze
