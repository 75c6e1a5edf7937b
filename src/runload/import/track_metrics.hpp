#pragma once
// Summary metrics of a track, exactly as DESIGN.md section 3 defines them:
// haversine distance within segments, GPS glitch removal, elapsed and moving
// time, elevation gain and loss after noise removal, heart rate, cadence, and
// the speed and grade histograms kept per activity.

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include <runload/import/parse_result.hpp>
#include <runload/model/activity.hpp>
#include <runload/model/histogram.hpp>
#include <runload/model/track.hpp>

namespace runload::import {

// Mean Earth radius (IUGG), DESIGN.md section 3.
constexpr double k_earth_radius_m = 6'371'008.8;
// A point implying more than this speed from the last kept point is a GPS
// glitch and is dropped (DESIGN.md section 3; 12 m/s is faster than a sprinter).
constexpr double k_glitch_speed_mps = 12.0;
// Moving time: an interval counts when its speed is at least this (DESIGN.md 3)...
constexpr double k_moving_speed_mps = 0.5;
// ...and it is not longer than this (a longer gap is a stop; DESIGN.md 3).
constexpr std::chrono::seconds k_max_moving_gap{30};
// Elevation noise removal: a centred moving average over this half-width of
// distance (or of time on tracks without positions)...
constexpr double k_elevation_smoothing_half_window_m = 50.0;
constexpr double k_elevation_smoothing_half_window_s = 30.0;
// ...then hysteresis: a climb or descent counts once it exceeds this.
constexpr double k_elevation_hysteresis_m = 5.0;
// Grade is measured over windows of at least this distance (DESIGN.md 3).
constexpr double k_grade_window_m = 20.0;

struct TrackMetrics {
  std::optional<model::TimePoint> start;  // first kept timed point
  std::optional<double> distance_m;       // nullopt: no positions and no device distance
  std::optional<std::chrono::seconds> elapsed;
  std::optional<std::chrono::seconds> moving;
  std::optional<double> elevation_gain_m;  // nullopt: no elevation in the track
  std::optional<double> elevation_loss_m;
  std::optional<double> avg_hr;
  std::optional<double> max_hr;
  std::optional<double> avg_cadence;
  std::optional<double> max_cadence;
  // Mean of the device's temperature readings (-60 to 60 degrees C); it
  // reads high from body heat.
  std::optional<double> avg_temperature_c;
  // Present when the track has positions (and, for grade, elevation).
  std::optional<model::Histogram> speed_histogram;
  std::optional<model::Histogram> grade_histogram;

  std::size_t kept_points = 0;
  std::size_t glitches_dropped = 0;        // implied speed > k_glitch_speed_mps
  std::size_t non_increasing_dropped = 0;  // time not after the last kept point
  std::size_t untimed_dropped = 0;         // points without a time
  std::size_t unpositioned_dropped = 0;    // timed points without lat/lon in a GPS track
};

// Computes the metrics of `track`. Points without a time are not used.
// Distance is measured between consecutive kept points of one segment only.
// Elevation: a moving average (half-window 50 m, or 30 s without positions)
// followed by a 5 m hysteresis; grade: smoothed elevation over windows of at
// least 20 m. Sensor-only tracks (no positions) use the device's own distance
// when present and have no histograms.
TrackMetrics compute_track_metrics(const model::Track& track);

// Where an activity's summary comes from.
enum class Totals {
  track,   // a GPX track is all there is: the metrics are the summary
  device,  // a FIT session or TCX laps carry the device's own totals
           // (DESIGN.md section 3): the metrics fill only what they left unknown
};

// Copies the metrics into `activity` (distance, times, elevation, heart rate,
// cadence) as `totals` says, and the histograms always. Leaves start, offset,
// sport, name and sources alone. Defaults to Totals::track.
void apply_metrics(const TrackMetrics& metrics, model::Activity& activity,
                   Totals totals = Totals::track);

// The one place a reader's track becomes metrics: for every activity of
// `result` with a track, computes its metrics and applies them with
// `totals`. The tracks stay in the result (for tests and tools; the import
// drops them before storing).
void add_track_metrics(ParseResult& result, Totals totals);

struct ElevationChange {
  double gain_m = 0.0;
  double loss_m = 0.0;
};

// Elevation gain and loss (DESIGN.md section 3) of a smoothed elevation
// series (nullopt: no elevation at that point): a 5 m hysteresis counted from
// the last point a change was counted from, and the final partial move.
ElevationChange elevation_change(const std::vector<std::optional<double>>& smoothed);

// Great-circle distance between two WGS84 points in metres (haversine).
double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) noexcept;

}  // namespace runload::import
