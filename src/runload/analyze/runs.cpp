#include <runload/analyze/runs.hpp>

#include <algorithm>

#include <runload/analyze/fast_threshold.hpp>
#include <runload/model/sport.hpp>

namespace runload::analyze {

std::vector<Run> collect_runs(std::span<const model::Activity> activities,
                              std::optional<double> configured_fast_mps,
                              const rules::Thresholds& thresholds) {
  std::vector<const model::Activity*> sorted;
  for (const auto& activity : activities) {
    if (model::is_running(activity.sport)) sorted.push_back(&activity);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto* a, const auto* b) { return a->start_utc < b->start_utc; });

  std::vector<Run> runs;
  runs.reserve(sorted.size());
  for (const auto* activity : sorted) {
    Run run;
    run.id = activity->id;
    run.start_utc = activity->start_utc;
    run.day = activity->local_date();
    run.distance_m = activity->distance_m.value_or(0.0);
    run.elapsed = activity->elapsed;
    run.moving = activity->moving;
    run.elevation_gain_m = activity->elevation_gain_m;
    run.has_track = activity->has_track();
    if (activity->gear && !activity->gear->empty()) run.gear = activity->gear;
    run.temperature = activity->temperature;
    if (activity->grade_histogram) {
      run.uphill_distance_m =
          activity->grade_histogram->distance_at_or_above(thresholds.uphill_grade_pct);
    }
    runs.push_back(run);
  }

  // Thresholds only look at earlier runs, whose records are complete by now.
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].fast_threshold_mps =
        configured_fast_mps ? configured_fast_mps
                            : derived_fast_threshold(runs, i, thresholds.fast_speed_factor);
    const auto* activity = sorted[i];
    if (activity->speed_histogram && runs[i].fast_threshold_mps) {
      runs[i].fast_distance_m =
          activity->speed_histogram->distance_at_or_above(*runs[i].fast_threshold_mps);
    }
  }
  return runs;
}

std::vector<std::size_t> lookback(std::span<const Run> runs, std::size_t index, int days) {
  std::vector<std::size_t> found;
  const auto first = runs[index].day - date::days{days};
  // Ordering is by UTC instant; local days can be out of order after a
  // time-zone change, so every earlier run is checked, newest first, until a
  // run more than a day older than the window is reached.
  for (std::size_t j = index; j-- > 0;) {
    if (runs[j].day < first - date::days{1}) break;
    if (runs[j].day >= first && runs[j].day <= runs[index].day) found.push_back(j);
  }
  return found;
}

}  // namespace runload::analyze
