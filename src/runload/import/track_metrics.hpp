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
// glitch and is dropped (DESIGN.md section 3; 12 m/s is faster than a
// sprinter). The limit follows the sport (glitch_speed_mps): a bike descends
// faster than anyone runs, a swimmer is slower.
constexpr double k_glitch_speed_mps = 12.0;
// Cycling: 35 m/s (126 km/h) is above the fastest road descents (about
// 100 km/h on alpine passes), so a fast descent keeps its points.
constexpr double k_glitch_speed_ride_mps = 35.0;
// Swimming: 5 m/s is twice the 50 m freestyle world record pace (2.4 m/s);
// open-water GPS jumps further than that only by error.
constexpr double k_glitch_speed_swim_mps = 5.0;
// Other sports (skiing, driving a boat, a GPS logger): only teleports, not
// vehicles, are glitches.
constexpr double k_glitch_speed_other_mps = 70.0;
// Moving time: an interval counts when its speed is at least this (DESIGN.md 3)...
constexpr double k_moving_speed_mps = 0.5;
// ...and it is not longer than this (a longer gap is a stop; DESIGN.md 3).
constexpr std::chrono::seconds k_max_moving_gap{30};

// Elevation gain and loss (DESIGN.md section 3; method and validation in
// docs/import.md, "Elevation gain"):
// 1. Elevations outside this range are not read (no place on foot is below
//    the Dead Sea shore at -430 m or above Everest at 8,849 m, with margin).
constexpr double k_min_elevation_m = -1000.0;
constexpr double k_max_elevation_m = 10000.0;
// 2. A spike: an elevation that departs from the last one accepted by more
//    than this, and faster than k_max_vertical_speed_mps (at least 1 s
//    apart), is ignored. Elite vertical-kilometre runners climb at under
//    1 m/s; barometric altimeters re-calibrating and GPS altitude at a fix's
//    start jump by tens of metres at once (87 m for 3 s in a fenix 2 file of
//    the corpus), while sample-to-sample noise stays within a few metres.
constexpr double k_spike_min_jump_m = 20.0;
constexpr double k_max_vertical_speed_mps = 5.0;
//    A new level that lasts longer than this is a re-calibration, not a
//    spike: the series restarts there, the step itself counted neither up
//    nor down.
constexpr std::chrono::seconds k_elevation_step_settle{30};
// 3. Smoothing: a triangular (linearly weighted) average over this
//    half-width of distance, or of time on a track without positions
//    (10 s is 20 m at a jog of 2 m/s)...
constexpr double k_gain_smoothing_half_window_m = 20.0;
constexpr double k_gain_smoothing_half_window_s = 10.0;
//    ...widened on a noisy series until the noise left after smoothing is at
//    most this fraction of the hysteresis (the noise measured from the
//    series' second differences; a barometric series needs no widening).
constexpr double k_gain_residual_noise_per_hysteresis = 1.0 / 8.0;
// 4. Hysteresis: a climb or descent counts from its last turning point once
//    it exceeds this, then metre by metre while it lasts.
constexpr double k_gain_hysteresis_m = 2.0;
// The grade histogram's own smoothing: a centred moving average over this
// half-width of distance (grade needs a steady slope more than small climbs).
constexpr double k_grade_smoothing_half_window_m = 50.0;
// Grade is measured over windows of at least this distance (DESIGN.md 3).
constexpr double k_grade_window_m = 20.0;

// The glitch filter's speed limit for `sport`: k_glitch_speed_mps on foot,
// k_glitch_speed_ride_mps, k_glitch_speed_swim_mps, k_glitch_speed_other_mps.
double glitch_speed_mps(model::Sport sport) noexcept;

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
  // Time by heart rate (model::make_heart_rate_histogram): present when a
  // step of the track has a heart-rate reading, positions or not.
  std::optional<model::Histogram> heart_rate_histogram;

  std::size_t kept_points = 0;
  std::size_t glitches_dropped = 0;              // implied speed > k_glitch_speed_mps
  std::size_t non_increasing_dropped = 0;        // time not after the last kept point
  std::size_t untimed_dropped = 0;               // points without a time
  std::size_t unpositioned_dropped = 0;          // timed points without lat/lon in a GPS track
  std::size_t elevation_spikes = 0;              // elevations ignored as spikes or out of range
  double glitch_speed_mps = k_glitch_speed_mps;  // the limit the glitch filter applied
};

// Computes the metrics of `track`, recorded in `sport` (the glitch filter's
// limit). Points without a time are not used. Distance is measured between
// consecutive kept points of one segment only. Elevation: spikes ignored,
// then a triangular average (half-window 20 m, or 10 s without positions,
// widened on a noisy series) and a 2 m hysteresis from the last turning
// point; grade: elevation averaged over 50 m, over windows of at least 20 m.
// Sensor-only tracks (no positions) use the device's own distance when
// present and have no speed or grade histogram. The heart-rate histogram
// counts each step within a segment of at most k_max_moving_gap, at the
// reading of its start (else of its end).
TrackMetrics compute_track_metrics(const model::Track& track,
                                   model::Sport sport = model::Sport::run);

// Where an activity's summary comes from.
enum class Totals {
  track,   // a GPX track is all there is: the metrics are the summary
  device,  // a FIT session or TCX laps carry the device's own totals
           // (DESIGN.md section 3): the metrics fill only what they left unknown
};

// Copies the metrics into `activity` (distance, times, elevation, heart rate,
// cadence) as `totals` says, and the three histograms always. Leaves start, offset,
// sport, name and sources alone. Defaults to Totals::track.
void apply_metrics(const TrackMetrics& metrics, model::Activity& activity,
                   Totals totals = Totals::track);

// The one place a reader's track becomes metrics: for every activity of
// `result` with a track, computes its metrics (for the activity's sport) and
// applies them with `totals`. The tracks stay in the result (for tests and tools; the import
// drops them before storing).
void add_track_metrics(ParseResult& result, Totals totals);

struct ElevationChange {
  double gain_m = 0.0;
  double loss_m = 0.0;
};

// The hysteresis of the elevation method over a smoothed series (nullopt:
// no elevation at that point): a rise or fall counts once it exceeds
// k_gain_hysteresis_m from the last turning point (the lowest point before a
// climb, the highest before a descent), all of it from that point, and then
// every metre it goes on. A final move smaller than the hysteresis is noise
// and not counted.
ElevationChange elevation_change(const std::vector<std::optional<double>>& smoothed);

// Great-circle distance between two WGS84 points in metres (haversine).
double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) noexcept;

}  // namespace runload::import
