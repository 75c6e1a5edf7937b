#pragma once
// A GPS (or sensor-only) track as read from a file, before metrics are derived.

#include <chrono>
#include <optional>
#include <vector>

#include <date/date.h>

namespace runload::model {

using TimePoint = date::sys_time<std::chrono::milliseconds>;

struct TrackPoint {
  std::optional<TimePoint> time;
  std::optional<double> lat;  // degrees, WGS84; nullopt for sensor-only points
  std::optional<double> lon;
  std::optional<double> ele_m;
  std::optional<double> hr_bpm;
  std::optional<double> cadence_spm;
  // Distance the device itself recorded at this point (FIT/TCX), metres.
  std::optional<double> device_distance_m;
  // The device's temperature sensor (FIT record, GPX atemp), degrees C.
  std::optional<double> temperature_c;
};

// A segment is a run of points with no gap in recording; distance is never
// measured across two segments.
using Segment = std::vector<TrackPoint>;

struct Track {
  std::vector<Segment> segments;

  std::size_t point_count() const noexcept {
    std::size_t n = 0;
    for (const auto& s : segments) n += s.size();
    return n;
  }
};

}  // namespace runload::model
