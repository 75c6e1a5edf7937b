#pragma once
// The runs every benchmark corpus holds, as samples rather than text: the
// GPX, FIT and TCX writers format the same runs, so the three corpora differ
// only in their format. Deterministic: run `index` is always the same run.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <date/date.h>

namespace runload::bench {

// One second of a run, as the watch recorded it.
struct RunSample {
  int clock = 0;     // seconds since the day's midnight, UTC
  double lat = 0.0;  // reported position: the true one plus about a metre of GPS jitter
  double lon = 0.0;
  double ele = 0.0;  // reported elevation, with a few decimetres of noise
  int hr = 0;
  int cadence = 0;        // strides (one foot) per minute, 0 while standing
  double path_m = 0.0;    // distance along the true path so far (what a watch's filter gives)
  double true_ele = 0.0;  // elevation of the true path
};

struct SyntheticRun {
  std::size_t index = 0;
  date::sys_days day{};
  std::string name;
  std::vector<RunSample> samples;

  date::sys_seconds start() const {
    return date::sys_seconds{day} + std::chrono::seconds{samples.front().clock};
  }
  int duration_s() const { return static_cast<int>(samples.size()); }
  double distance_m() const { return samples.back().path_m; }
};

// Run `index` (0-based): one run a day from 2020-01-01, 30 to 120 minutes at
// 1 Hz in the mornings (05:00-09:00 UTC, so never across midnight).
SyntheticRun make_run(std::size_t index);

// "2020-01-01T06:12:03Z": the run's day at `clock` seconds after midnight.
std::string iso_time(const SyntheticRun& run, int clock);

}  // namespace runload::bench
