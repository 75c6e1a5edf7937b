#include <runload/import/track_metrics.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace runload::import {
namespace {

using std::chrono::duration;
using std::chrono::duration_cast;

// One point that survived the glitch and time filters, on a distance axis that
// adds nothing across segment gaps.
struct Kept {
  const model::TrackPoint* point;
  double seconds;  // since the first kept point
  double along_m;  // cumulative distance
};

double seconds_between(model::TimePoint a, model::TimePoint b) {
  return duration<double>(b - a).count();
}

bool has_position(const model::TrackPoint& p) {
  return p.lat && p.lon;
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

TrackMetrics compute_track_metrics(const model::Track& track) {
  TrackMetrics m;
  std::vector<Kept> kept;
  kept.reserve(track.point_count());

  bool any_position = false;
  bool any_device_distance = false;
  for (const auto& segment : track.segments) {
    for (const auto& p : segment) {
      any_position = any_position || has_position(p);
      any_device_distance = any_device_distance || p.device_distance_m.has_value();
    }
  }
  const bool positional = any_position;

  double along = 0.0;
  double moving_s = 0.0;
  std::optional<model::TimePoint> first_time;
  std::optional<model::TimePoint> last_time;
  if (positional) m.speed_histogram = model::make_speed_histogram();

  for (const auto& segment : track.segments) {
    const model::TrackPoint* last = nullptr;
    for (const auto& p : segment) {
      if (!p.time) {
        ++m.untimed_dropped;
        continue;
      }
      // Time must increase along the whole track, not only within a segment.
      if (last_time && *p.time <= *last_time) {
        ++m.non_increasing_dropped;
        continue;
      }
      double step_m = 0.0;
      bool step_known = false;
      if (last != nullptr) {
        if (positional && has_position(p) && has_position(*last)) {
          step_m = haversine_m(*last->lat, *last->lon, *p.lat, *p.lon);
          step_known = true;
        } else if (!positional && p.device_distance_m && last->device_distance_m) {
          step_m = std::max(0.0, *p.device_distance_m - *last->device_distance_m);
          step_known = true;
        }
      }
      const double dt = last != nullptr ? seconds_between(*last->time, *p.time) : 0.0;
      if (step_known && positional && step_m / dt > k_glitch_speed_mps) {
        ++m.glitches_dropped;
        continue;
      }
      if (positional && !has_position(p)) {
        // A timed point without a position cannot be placed on a GPS track.
        ++m.unpositioned_dropped;
        continue;
      }
      if (last != nullptr && step_known) {
        along += step_m;
        const double speed = step_m / dt;
        if (dt <= static_cast<double>(k_max_moving_gap.count()) && speed >= k_moving_speed_mps) {
          moving_s += dt;
        }
        if (m.speed_histogram) {
          m.speed_histogram->add(speed, step_m, model::k_speed_max_bins);
        }
      }
      if (!first_time) first_time = p.time;
      last_time = p.time;
      kept.push_back(Kept{&p, seconds_between(*first_time, *p.time), along});
      last = &p;
    }
  }

  m.kept_points = kept.size();
  if (kept.empty()) {
    m.speed_histogram.reset();
    return m;
  }
  m.start = first_time;
  m.elapsed = duration_cast<std::chrono::seconds>(*last_time - *first_time +
                                                  std::chrono::milliseconds{500});
  if (positional || any_device_distance) {
    m.distance_m = along;
    m.moving = std::chrono::seconds{std::llround(moving_s)};
  }

  // Heart rate and cadence: plain means of the samples of kept points.
  double hr_sum = 0.0, cad_sum = 0.0;
  std::size_t hr_n = 0, cad_n = 0;
  bool any_ele = false;
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
    any_ele = any_ele || k.point->ele_m.has_value();
  }
  if (hr_n > 0) m.avg_hr = hr_sum / static_cast<double>(hr_n);
  if (cad_n > 0) m.avg_cadence = cad_sum / static_cast<double>(cad_n);

  if (!any_ele) return m;

  // Elevation: GPS and barometric altitude jitter by a few metres from sample to
  // sample; summing raw differences turns a flat run into hundreds of metres of
  // "climb". A moving average removes most of the jitter, and the hysteresis
  // ignores the rest: a change counts only once the smoothed series has moved
  // 5 m from the last turning point. The elevation series runs across segment
  // gaps, so a climb during a pause still counts.
  std::vector<double> axis(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    axis[i] = positional ? kept[i].along_m : kept[i].seconds;
  }
  const double half =
      positional ? k_elevation_smoothing_half_window_m : k_elevation_smoothing_half_window_s;
  const auto smoothed = smooth_elevation(kept, axis, half);

  double gain = 0.0;
  double loss = 0.0;
  std::optional<double> reference;
  for (const auto& e : smoothed) {
    if (!e) continue;
    if (!reference) {
      reference = e;
    } else if (*e - *reference >= k_elevation_hysteresis_m) {
      gain += *e - *reference;
      reference = e;
    } else if (*reference - *e >= k_elevation_hysteresis_m) {
      loss += *reference - *e;
      reference = e;
    }
  }
  // The last partial move (under 5 m) is real when it follows the same
  // direction as the series' final trend; counting it keeps a climb that ends
  // at the end of the file whole.
  if (reference && smoothed.back()) {
    const double tail = *smoothed.back() - *reference;
    if (tail > 0) gain += tail;
    if (tail < 0) loss -= tail;
  }
  m.elevation_gain_m = gain;
  m.elevation_loss_m = loss;

  if (!positional) return m;

  // Grade over windows of at least 20 m of distance, on the smoothed elevation.
  // Segment gaps add no distance, so a window spanning one measures the
  // elevation change over the distance actually covered.
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
  m.grade_histogram = std::move(grade);
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
}

void add_track_metrics(ParseResult& result, Totals totals) {
  for (auto& parsed : result.activities)
    if (parsed.track) apply_metrics(compute_track_metrics(*parsed.track), parsed.activity, totals);
}

}  // namespace runload::import
