#include <runload/import/track_metrics.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include <runload/import/values.hpp>

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
  bool follows;     // the point kept before it is of the same segment (step_s is a step)
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
// of a segment, a point implying more than `glitch_speed` (12 m/s on foot)
// from the last kept point dropped as a glitch, nothing across segment gaps. Points without a time,
// or not after the last kept one (along the whole track), are dropped too; a
// sensor-only track measures steps by the device's own distance.
KeptPoints keep_points(const model::Track& track, double glitch_speed) {
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
      if (step_known && out.positional && step_m / dt > glitch_speed) {
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
      out.points.push_back(Kept{&p, seconds_between(*first_time, *p.time), along, step_m, dt,
                                counted, last != nullptr});
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

// A heart-rate reading: zeros (and negatives, NaN) are no reading.
std::optional<double> heart_rate_reading(const model::TrackPoint& p) {
  if (p.hr_bpm && std::isfinite(*p.hr_bpm) && *p.hr_bpm > 0) return p.hr_bpm;
  return std::nullopt;
}

// Time by heart rate, 1 bpm bins (model::make_heart_rate_histogram), for
// Banister's TRIMP at any resting and maximum heart rate later. Steps are
// taken as the speed histogram takes them: between consecutive kept points
// of one segment, nothing across a segment gap; positions are not needed (a
// treadmill run with a chest strap has one). A step's time goes to the
// reading at its start, which stands until the next sample (else to the
// reading at its end); a step without either reading is not counted. Unlike
// distance, time across a gap longer than k_max_moving_gap is not counted:
// no reading covers it (an auto-pause, a dropout) and the heart rate there is
// unknown, while the stopped time between readings (a traffic light) is.
// nullopt when no step has a reading.
std::optional<model::Histogram> heart_rate_histogram(const std::vector<Kept>& kept) {
  auto histogram = model::make_heart_rate_histogram();
  bool any = false;
  const auto max_step = static_cast<double>(k_max_moving_gap.count());
  for (std::size_t i = 1; i < kept.size(); ++i) {
    const auto& k = kept[i];
    if (!k.follows || k.step_s <= 0.0 || k.step_s > max_step) continue;
    auto reading = heart_rate_reading(*kept[i - 1].point);
    if (!reading) reading = heart_rate_reading(*k.point);
    if (!reading) continue;
    histogram.add(*reading, k.step_s, model::k_heart_rate_max_bins);
    any = true;
  }
  if (!any) return std::nullopt;
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

// The elevation of each kept point that the gain may use: nullopt where
// the point has none, where it is outside k_min/max_elevation_m or not a
// number, and where it is a spike (more than k_spike_min_jump_m at more than
// k_max_vertical_speed_mps from the last accepted one). `restarts[i]` marks a point where a new
// level that lasted k_elevation_step_settle was accepted: the series restarts there.
struct Elevations {
  std::vector<std::optional<double>> metres;
  std::vector<bool> restarts;
  std::size_t ignored = 0;
};

bool readable_elevation(const std::optional<double>& e) {
  return e && std::isfinite(*e) && *e >= k_min_elevation_m && *e <= k_max_elevation_m;
}

Elevations accepted_elevations(const std::vector<Kept>& kept) {
  Elevations out{std::vector<std::optional<double>>(kept.size()),
                 std::vector<bool>(kept.size(), false), 0};
  std::optional<std::size_t> last;            // the last accepted point
  std::optional<std::size_t> first_rejected;  // of the spike going on
  const auto settle = static_cast<double>(k_elevation_step_settle.count());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto& e = kept[i].point->ele_m;
    if (!e) continue;
    if (!readable_elevation(e)) {
      ++out.ignored;
      continue;
    }
    bool accept = !last;
    if (last) {
      const double dt = std::max(1.0, kept[i].seconds - kept[*last].seconds);
      const double jump = std::abs(*e - *out.metres[*last]);
      accept = jump <= k_spike_min_jump_m || jump <= k_max_vertical_speed_mps * dt;
    }
    if (!accept && first_rejected && kept[i].seconds - kept[*first_rejected].seconds > settle) {
      out.restarts[i] = true;
      accept = true;
    }
    if (!accept) {
      if (!first_rejected) first_rejected = i;
      ++out.ignored;
      continue;
    }
    first_rejected.reset();
    out.metres[i] = *e;
    last = i;
  }
  return out;
}

// The distance (or time, without positions) of each kept point, the axis the
// elevation is smoothed along.
std::vector<double> smoothing_axis(const KeptPoints& kept) {
  std::vector<double> axis(kept.points.size());
  for (std::size_t i = 0; i < kept.points.size(); ++i)
    axis[i] = kept.positional ? kept.points[i].along_m : kept.points[i].seconds;
  return axis;
}

// Centred moving average of `elevation` over [x - half, x + half] on `axis`
// (the grade histogram's smoothing), skipping points without elevation. Two
// pointers: O(n).
std::vector<std::optional<double>> boxcar(const std::vector<std::optional<double>>& elevation,
                                          const std::vector<double>& axis, double half) {
  const std::size_t n = elevation.size();
  std::vector<std::optional<double>> smoothed(n);
  std::size_t lo = 0;
  std::size_t hi = 0;  // window is [lo, hi)
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (hi < n && axis[hi] <= axis[i] + half) {
      if (elevation[hi]) {
        sum += *elevation[hi];
        ++count;
      }
      ++hi;
    }
    while (axis[lo] < axis[i] - half) {
      if (elevation[lo]) {
        sum -= *elevation[lo];
        --count;
      }
      ++lo;
    }
    if (count > 0) smoothed[i] = sum / static_cast<double>(count);
  }
  return smoothed;
}

// One stretch of the elevation series between restarts: the points that
// have an elevation, on the smoothing axis.
struct Stretch {
  std::vector<double> axis;
  std::vector<double> metres;
};

std::vector<Stretch> stretches(const Elevations& elevations, const std::vector<double>& axis) {
  std::vector<Stretch> out(1);
  for (std::size_t i = 0; i < axis.size(); ++i) {
    if (elevations.restarts[i] && !out.back().metres.empty()) out.emplace_back();
    if (!elevations.metres[i]) continue;
    out.back().axis.push_back(axis[i]);
    out.back().metres.push_back(*elevations.metres[i]);
  }
  return out;
}

// The white noise of a series, from its second differences: a terrain
// sampled every few metres is almost straight from one sample to the next,
// so what bends it is noise. For white noise of deviation s the second
// difference has deviation s x sqrt(6); the median absolute value, x 1.4826,
// estimates that deviation robustly.
double noise_deviation(const std::vector<double>& metres) {
  if (metres.size() < 3) return 0.0;
  std::vector<double> bends;
  bends.reserve(metres.size() - 2);
  for (std::size_t i = 1; i + 1 < metres.size(); ++i)
    bends.push_back(std::abs(metres[i + 1] - 2.0 * metres[i] + metres[i - 1]));
  const auto middle = bends.begin() + static_cast<std::ptrdiff_t>(bends.size() / 2);
  std::nth_element(bends.begin(), middle, bends.end());
  return 1.4826 * *middle / std::sqrt(6.0);
}

// The triangular window's half-width for a stretch: at least `base`, and
// wide enough that the noise left after averaging is at most
// k_gain_residual_noise_per_hysteresis of the hysteresis. A triangular window
// of m samples each side averages about 1.5 m samples, dividing white noise
// by sqrt(1.5 m).
double gain_half_window(const Stretch& stretch, double base) {
  const std::size_t n = stretch.metres.size();
  if (n < 3) return base;
  const double spacing = (stretch.axis.back() - stretch.axis.front()) / static_cast<double>(n - 1);
  const double ratio = noise_deviation(stretch.metres) /
                       (k_gain_residual_noise_per_hysteresis * k_gain_hysteresis_m);
  const double samples_each_side = ratio * ratio / 1.5;
  return std::max(base, samples_each_side * spacing);
}

// Triangular (linearly weighted) average of a stretch over [x - half,
// x + half]: weight 1 - |d| / half. Sums over the window come from prefix
// sums of 1, x, e and x * e, so the cost is O(n) however wide the window.
std::vector<std::optional<double>> triangular(const Stretch& stretch, double half) {
  const std::size_t n = stretch.metres.size();
  std::vector<double> p1(n + 1, 0.0), px(n + 1, 0.0), pe(n + 1, 0.0), pxe(n + 1, 0.0);
  // Both measured from the stretch's first point, which keeps x * e and the
  // sums small and so their rounding far below a centimetre.
  const double origin = n > 0 ? stretch.axis.front() : 0.0;
  const double level = n > 0 ? stretch.metres.front() : 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    const double x = stretch.axis[j] - origin;
    const double e = stretch.metres[j] - level;
    p1[j + 1] = p1[j] + 1.0;
    px[j + 1] = px[j] + x;
    pe[j + 1] = pe[j] + e;
    pxe[j + 1] = pxe[j] + x * e;
  }
  const auto range = [](const std::vector<double>& p, std::size_t a, std::size_t b) {
    return p[b] - p[a];
  };
  std::vector<std::optional<double>> out(n);
  std::size_t lo = 0, hi = 0;  // window [lo, hi): x in (x_i - half, x_i + half)
  for (std::size_t i = 0; i < n; ++i) {
    const double xi = stretch.axis[i] - origin;
    while (hi < n && stretch.axis[hi] - origin < xi + half) ++hi;
    while (stretch.axis[lo] - origin <= xi - half) ++lo;
    // Left part [lo, i], right part (i, hi): distance xi - x and x - xi.
    const double weight = range(p1, lo, hi) - (xi * range(p1, lo, i + 1) - range(px, lo, i + 1) +
                                               range(px, i + 1, hi) - xi * range(p1, i + 1, hi)) /
                                                  half;
    const double value = range(pe, lo, hi) - (xi * range(pe, lo, i + 1) - range(pxe, lo, i + 1) +
                                              range(pxe, i + 1, hi) - xi * range(pe, i + 1, hi)) /
                                                 half;
    out[i] = weight > 0.0 ? level + value / weight : stretch.metres[i];
  }
  return out;
}

// Elevation gain and loss of the kept points (docs/import.md, "Elevation
// gain"): per stretch between re-calibrations, the triangular average and
// the hysteresis.
ElevationChange gain_and_loss(const KeptPoints& kept, const Elevations& elevations) {
  const double base =
      kept.positional ? k_gain_smoothing_half_window_m : k_gain_smoothing_half_window_s;
  ElevationChange total;
  for (const Stretch& stretch : stretches(elevations, smoothing_axis(kept))) {
    if (stretch.metres.empty()) continue;
    const auto change = elevation_change(triangular(stretch, gain_half_window(stretch, base)));
    total.gain_m += change.gain_m;
    total.loss_m += change.loss_m;
  }
  return total;
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
  // Even smoothed, altitude wanders by a metre or so; counting every wiggle
  // turns a flat run into climb, and counting only from where a change was
  // last counted (in steps of the threshold) loses the last few metres of
  // every climb. So a climb is confirmed once it exceeds the hysteresis from
  // the lowest point before it, is counted from there, and then grows with
  // every new high until a descent is confirmed the same way.
  enum class Trend { unknown, up, down };
  ElevationChange change;
  Trend trend = Trend::unknown;
  double low = 0.0, high = 0.0;
  bool started = false;
  for (const auto& e : smoothed) {
    if (!e) continue;
    const double x = *e;
    if (!started) {
      low = high = x;
      started = true;
      continue;
    }
    switch (trend) {
      case Trend::unknown:
        low = std::min(low, x);
        high = std::max(high, x);
        if (high - low > k_gain_hysteresis_m - 1e-9) {
          trend = x == high ? Trend::up : Trend::down;
          (trend == Trend::up ? change.gain_m : change.loss_m) += high - low;
          low = high = x;
        }
        break;
      case Trend::up:
        if (x > high) {
          change.gain_m += x - high;
          high = x;
        } else if (high - x > k_gain_hysteresis_m - 1e-9) {
          trend = Trend::down;
          change.loss_m += high - x;
          low = x;
        }
        break;
      case Trend::down:
        if (x < low) {
          change.loss_m += low - x;
          low = x;
        } else if (x - low > k_gain_hysteresis_m - 1e-9) {
          trend = Trend::up;
          change.gain_m += x - low;
          high = x;
        }
        break;
    }
  }
  return change;
}

double glitch_speed_mps(model::Sport sport) noexcept {
  if (is_foot_sport(sport)) return k_glitch_speed_mps;
  if (sport == model::Sport::ride) return k_glitch_speed_ride_mps;
  if (sport == model::Sport::swim) return k_glitch_speed_swim_mps;
  return k_glitch_speed_other_mps;
}

TrackMetrics compute_track_metrics(const model::Track& track, model::Sport sport) {
  TrackMetrics m;
  m.glitch_speed_mps = glitch_speed_mps(sport);
  const auto kept = keep_points(track, m.glitch_speed_mps);
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
  m.heart_rate_histogram = heart_rate_histogram(kept.points);
  heart_rate_and_cadence(kept.points, m);
  m.avg_temperature_c = mean_temperature(kept.points);

  const Elevations elevations = accepted_elevations(kept.points);
  m.elevation_spikes = elevations.ignored;
  const bool any_elevation =
      std::any_of(elevations.metres.begin(), elevations.metres.end(),
                  [](const std::optional<double>& e) { return e.has_value(); });
  if (!any_elevation) return m;
  const auto change = gain_and_loss(kept, elevations);
  m.elevation_gain_m = change.gain_m;
  m.elevation_loss_m = change.loss_m;
  if (kept.positional) {
    const auto smoothed =
        boxcar(elevations.metres, smoothing_axis(kept), k_grade_smoothing_half_window_m);
    m.grade_histogram = grade_histogram(kept.points, smoothed);
  }
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
  activity.heart_rate_histogram = metrics.heart_rate_histogram;
  // A temperature the reader found (a FIT session's mean) stays.
  if (!activity.temperature && metrics.avg_temperature_c)
    activity.temperature =
        model::Temperature{*metrics.avg_temperature_c, model::TemperatureSource::device};
}

void add_track_metrics(ParseResult& result, Totals totals) {
  for (auto& parsed : result.activities)
    if (parsed.track)
      apply_metrics(compute_track_metrics(*parsed.track, parsed.activity.sport), parsed.activity,
                    totals);
}

}  // namespace runload::import
