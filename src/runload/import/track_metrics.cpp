#include <runload/import/track_metrics.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace runload::import {
namespace {

using std::chrono::duration;
using std::chrono::duration_cast;

// One point that survived the time, glitch and position filters, on a
// distance axis that adds nothing across segment gaps, with the step from
// the point kept before it.
struct Kept {
  const model::TrackPoint* point;
  double seconds;  // since the first kept point
  double along_m;  // cumulative distance
  double step_m;   // from the previous kept point of the same segment
  double step_s;
  bool step_known;  // false for a segment's first point or a step without positions
};

// The kept points of a track and what the filters dropped.
struct KeptPoints {
  std::vector<Kept> points;
  bool positional = false;  // the track has positions (else: sensor-only)
  bool device_distance = false;
  std::size_t glitches_dropped = 0;
  std::size_t non_increasing_dropped = 0;
  std::size_t untimed_dropped = 0;
  std::size_t unpositioned_dropped = 0;
};

double seconds_between(model::TimePoint a, model::TimePoint b) {
  return duration<double>(b - a).count();
}

bool has_position(const model::TrackPoint& p) {
  return p.lat && p.lon;
}

// Track distance (DESIGN.md section 3): haversine between consecutive points
// of a segment, a point implying more than 12 m/s from the last kept point
// dropped as a glitch, nothing across segment gaps. Points without a time,
// or not after the last kept one (along the whole track), are dropped too; a
// sensor-only track measures steps by the device's own distance.
KeptPoints keep_points(const model::Track& track) {
  KeptPoints out;
  out.points.reserve(track.point_count());
  for (const auto& segment : track.segments) {
    for (const auto& p : segment) {
      out.positional = out.positional || has_position(p);
      out.device_distance = out.device_distance || p.device_distance_m.has_value();
    }
  }
  double along = 0.0;
  std::optional<model::TimePoint> first_time;
  std::optional<model::TimePoint> last_time;
  for (const auto& segment : track.segments) {
    const model::TrackPoint* last = nullptr;
    for (const auto& p : segment) {
      if (!p.time) {
        ++out.untimed_dropped;
        continue;
      }
      if (last_time && *p.time <= *last_time) {
        ++out.non_increasing_dropped;
        continue;
      }
      double step_m = 0.0;
      bool step_known = false;
      if (last != nullptr) {
        if (out.positional && has_position(p) && has_position(*last)) {
          step_m = haversine_m(*last->lat, *last->lon, *p.lat, *p.lon);
          step_known = true;
        } else if (!out.positional && p.device_distance_m && last->device_distance_m) {
          step_m = std::max(0.0, *p.device_distance_m - *last->device_distance_m);
          step_known = true;
        }
      }
      const double dt = last != nullptr ? seconds_between(*last->time, *p.time) : 0.0;
      if (step_known && out.positional && step_m / dt > k_glitch_speed_mps) {
        ++out.glitches_dropped;
        continue;
      }
      if (out.positional && !has_position(p)) {
        // A timed point without a position cannot be placed on a GPS track.
        ++out.unpositioned_dropped;
        continue;
      }
      const bool counted = last != nullptr && step_known;
      if (counted) along += step_m;
      if (!first_time) first_time = p.time;
      last_time = p.time;
      out.points.push_back(
          Kept{&p, seconds_between(*first_time, *p.time), along, step_m, dt, counted});
      last = &p;
    }
  }
  return out;
}

// Moving time (DESIGN.md section 3): the steps at 0.5 m/s or more, a gap
// longer than 30 s counting as stopped.
double moving_seconds(const std::vector<Kept>& kept) {
  double moving = 0.0;
  for (const auto& k : kept) {
    if (!k.step_known) continue;
    if (k.step_s <= static_cast<double>(k_max_moving_gap.count()) &&
        k.step_m / k.step_s >= k_moving_speed_mps) {
      moving += k.step_s;
    }
  }
  return moving;
}

// Distance by speed, 0.1 m/s bins (DESIGN.md section 4): fast distance at
// any threshold later.
model::Histogram speed_histogram(const std::vector<Kept>& kept) {
  auto histogram = model::make_speed_histogram();
  for (const auto& k : kept)
    if (k.step_known) histogram.add(k.step_m / k.step_s, k.step_m, model::k_speed_max_bins);
  return histogram;
}

// Plain means of the heart rate and cadence samples of the kept points
// (zeros are no reading).
void heart_rate_and_cadence(const std::vector<Kept>& kept, TrackMetrics& m) {
  double hr_sum = 0.0, cad_sum = 0.0;
  std::size_t hr_n = 0, cad_n = 0;
  for (const auto& k : kept) {
    if (k.point->hr_bpm && *k.point->hr_bpm > 0) {
      hr_sum += *k.point->hr_bpm;
      ++hr_n;
      m.max_hr = std::max(m.max_hr.value_or(0.0), *k.point->hr_bpm);
    }
    if (k.point->cadence_spm && *k.point->cadence_spm > 0) {
      cad_sum += *k.point->cadence_spm;
      ++cad_n;
      m.max_cadence = std::max(m.max_cadence.value_or(0.0), *k.point->cadence_spm);
    }
  }
  if (hr_n > 0) m.avg_hr = hr_sum / static_cast<double>(hr_n);
  if (cad_n > 0) m.avg_cadence = cad_sum / static_cast<double>(cad_n);
}

// The mean of the device's temperature readings; readings outside -60 to
// 60 degrees C are a sensor fault, not weather.
std::optional<double> mean_temperature(const std::vector<Kept>& kept) {
  double sum = 0.0;
  std::size_t n = 0;
  for (const auto& k : kept) {
    const auto& t = k.point->temperature_c;
    if (!t || *t < -60.0 || *t > 60.0) continue;
    sum += *t;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / static_cast<double>(n);
}

// Centred moving average of elevation over [x - half, x + half] on `axis`,
// skipping points without elevation. Two pointers: O(n).
std::vector<std::optional<double>> smooth_elevation(const std::vector<Kept>& kept,
                                                    const std::vector<double>& axis, double half) {
  const std::size_t n = kept.size();
  std::vector<std::optional<double>> smoothed(n);
  std::size_t lo = 0;
  std::size_t hi = 0;  // window is [lo, hi)
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (hi < n && axis[hi] <= axis[i] + half) {
      if (kept[hi].point->ele_m) {
        sum += *kept[hi].point->ele_m;
        ++count;
      }
      ++hi;
    }
    while (axis[lo] < axis[i] - half) {
      if (kept[lo].point->ele_m) {
        sum -= *kept[lo].point->ele_m;
        --count;
      }
      ++lo;
    }
    if (count > 0) smoothed[i] = sum / static_cast<double>(count);
  }
  return smoothed;
}

// The smoothed elevation of the kept points: over distance on a GPS track,
// over time on a sensor-only one.
std::vector<std::optional<double>> smoothed_elevation(const KeptPoints& kept) {
  std::vector<double> axis(kept.points.size());
  for (std::size_t i = 0; i < kept.points.size(); ++i)
    axis[i] = kept.positional ? kept.points[i].along_m : kept.points[i].seconds;
  const double half =
      kept.positional ? k_elevation_smoothing_half_window_m : k_elevation_smoothing_half_window_s;
  return smooth_elevation(kept.points, axis, half);
}

// Uphill distance's histogram (DESIGN.md section 3): distance by grade, 1%
// bins, the grade measured on the smoothed elevation over windows of at
// least 20 m. Segment gaps add no distance, so a window spanning one
// measures the change over the distance actually covered.
model::Histogram grade_histogram(const std::vector<Kept>& kept,
                                 const std::vector<std::optional<double>>& smoothed) {
  model::Histogram grade = model::make_grade_histogram();
  std::size_t anchor = 0;
  std::optional<double> last_grade;
  for (std::size_t i = 1; i < kept.size(); ++i) {
    const double span = kept[i].along_m - kept[anchor].along_m;
    if (span < k_grade_window_m && i + 1 < kept.size()) continue;
    if (span <= 0.0) {
      anchor = i;
      continue;
    }
    std::optional<double> pct;
    if (smoothed[anchor] && smoothed[i]) pct = (*smoothed[i] - *smoothed[anchor]) / span * 100.0;
    // A short tail at the end takes the grade of the window before it.
    if (span < k_grade_window_m && last_grade) pct = last_grade;
    // Distance whose window has no elevation at an end counts as flat, so the
    // histogram's total stays the track distance.
    grade.add(pct.value_or(0.0), span, model::k_grade_max_bins);
    if (pct) last_grade = pct;
    anchor = i;
  }
  return grade;
}

}  // namespace

double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) noexcept {
  constexpr double k_rad = std::numbers::pi / 180.0;
  const double dlat = (lat2_deg - lat1_deg) * k_rad;
  const double dlon = (lon2_deg - lon1_deg) * k_rad;
  const double s1 = std::sin(dlat / 2.0);
  const double s2 = std::sin(dlon / 2.0);
  const double a = s1 * s1 + std::cos(lat1_deg * k_rad) * std::cos(lat2_deg * k_rad) * s2 * s2;
  return 2.0 * k_earth_radius_m * std::asin(std::min(1.0, std::sqrt(a)));
}

ElevationChange elevation_change(const std::vector<std::optional<double>>& smoothed) {
  // GPS and barometric altitude jitter by a few metres from sample to
  // sample; summing raw differences turns a flat run into hundreds of metres
  // of "climb". The moving average removes most of the jitter, and the
  // hysteresis ignores the rest: a change counts only once the series has
  // moved 5 m from the last point it counted from. The series runs across
  // segment gaps, so a climb during a pause still counts.
  ElevationChange change;
  std::optional<double> reference;
  for (const auto& e : smoothed) {
    if (!e) continue;
    if (!reference) {
      reference = e;
    } else if (*e - *reference >= k_elevation_hysteresis_m) {
      change.gain_m += *e - *reference;
      reference = e;
    } else if (*reference - *e >= k_elevation_hysteresis_m) {
      change.loss_m += *reference - *e;
      reference = e;
    }
  }
  // The last partial move (under 5 m) is real when it follows the same
  // direction as the series' final trend; counting it keeps a climb that ends
  // at the end of the file whole.
  if (reference && !smoothed.empty() && smoothed.back()) {
    const double tail = *smoothed.back() - *reference;
    if (tail > 0) change.gain_m += tail;
    if (tail < 0) change.loss_m -= tail;
  }
  return change;
}

TrackMetrics compute_track_metrics(const model::Track& track) {
  TrackMetrics m;
  const auto kept = keep_points(track);
  m.kept_points = kept.points.size();
  m.glitches_dropped = kept.glitches_dropped;
  m.non_increasing_dropped = kept.non_increasing_dropped;
  m.untimed_dropped = kept.untimed_dropped;
  m.unpositioned_dropped = kept.unpositioned_dropped;
  if (kept.points.empty()) return m;

  const auto& first = kept.points.front();
  const auto& last = kept.points.back();
  m.start = first.point->time;
  m.elapsed = duration_cast<std::chrono::seconds>(*last.point->time - *first.point->time +
                                                  std::chrono::milliseconds{500});
  if (kept.positional || kept.device_distance) {
    m.distance_m = last.along_m;
    m.moving = std::chrono::seconds{std::llround(moving_seconds(kept.points))};
  }
  if (kept.positional) m.speed_histogram = speed_histogram(kept.points);
  heart_rate_and_cadence(kept.points, m);
  m.avg_temperature_c = mean_temperature(kept.points);

  const bool any_elevation = std::any_of(kept.points.begin(), kept.points.end(),
                                         [](const Kept& k) { return k.point->ele_m.has_value(); });
  if (!any_elevation) return m;
  const auto smoothed = smoothed_elevation(kept);
  const auto change = elevation_change(smoothed);
  m.elevation_gain_m = change.gain_m;
  m.elevation_loss_m = change.loss_m;
  if (kept.positional) m.grade_histogram = grade_histogram(kept.points, smoothed);
  return m;
}

namespace {

template <typename T>
void take(std::optional<T>& field, const std::optional<T>& measured, Totals totals) {
  if (totals == Totals::track || !field) field = measured;
}

}  // namespace

void apply_metrics(const TrackMetrics& metrics, model::Activity& activity, Totals totals) {
  take(activity.distance_m, metrics.distance_m, totals);
  take(activity.elapsed, metrics.elapsed, totals);
  take(activity.moving, metrics.moving, totals);
  take(activity.elevation_gain_m, metrics.elevation_gain_m, totals);
  take(activity.elevation_loss_m, metrics.elevation_loss_m, totals);
  take(activity.avg_hr, metrics.avg_hr, totals);
  take(activity.max_hr, metrics.max_hr, totals);
  take(activity.avg_cadence, metrics.avg_cadence, totals);
  take(activity.max_cadence, metrics.max_cadence, totals);
  activity.speed_histogram = metrics.speed_histogram;
  activity.grade_histogram = metrics.grade_histogram;
  // A temperature the reader found (a FIT session's mean) stays.
  if (!activity.temperature && metrics.avg_temperature_c)
    activity.temperature =
        model::Temperature{*metrics.avg_temperature_c, model::TemperatureSource::device};
}

void add_track_metrics(ParseResult& result, Totals totals) {
  for (auto& parsed : result.activities)
    if (parsed.track) apply_metrics(compute_track_metrics(*parsed.track), parsed.activity, totals);
}

}  // namespace runload::import
