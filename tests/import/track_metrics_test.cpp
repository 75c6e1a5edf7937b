#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include <runload/import/track_metrics.hpp>

using namespace runload::import;
using runload::model::TimePoint;
using runload::model::Track;
using runload::model::TrackPoint;
using namespace std::chrono_literals;

namespace {

// One degree of latitude along a meridian on the mean sphere:
// 6,371,008.8 m x pi / 180 = 111,195.08 m.
constexpr double k_metres_per_degree = 6'371'008.8 * 3.14159265358979323846 / 180.0;
const TimePoint k_t0 = TimePoint{date::sys_days{date::June / 1 / 2024}} + 8h;

// A run north along the 13th meridian at `speed` m/s, one point every
// `step_s` seconds, for `duration_s` seconds. Elevation from `ele(metres)`.
template <typename Elevation>
Track meridian_run(double speed, int step_s, int duration_s, Elevation ele) {
  Track track;
  auto& seg = track.segments.emplace_back();
  for (int t = 0; t <= duration_s; t += step_s) {
    const double along = speed * t;
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.lat = 52.0 + along / k_metres_per_degree;
    p.lon = 13.0;
    p.ele_m = ele(along);
    seg.push_back(p);
  }
  return track;
}

// 5 km flat at 100 m, 1 km at 10% (100 m of climb), 4 km flat at 200 m.
double hill_profile(double along) {
  if (along < 5000.0) return 100.0;
  if (along < 6000.0) return 100.0 + (along - 5000.0) * 0.10;
  return 200.0;
}

// Deterministic noise in [-5, +5] m (a 32-bit linear congruential generator,
// Numerical Recipes constants).
struct Noise {
  std::uint32_t state = 12345;
  double operator()(double) {
    state = state * 1664525u + 1013904223u;
    return (static_cast<double>(state) / 4294967295.0) * 10.0 - 5.0;
  }
};

// Seconds of `histogram` in the bin of the whole beat `bpm`.
double heart_rate_seconds(const runload::model::Histogram& histogram, int bpm) {
  const auto bin = static_cast<std::size_t>(bpm - 30);
  if (bin >= histogram.metres.size()) return 0.0;
  CHECK(runload::model::bin_centre(histogram, bin) == Approx(bpm));
  return histogram.metres[bin];
}

}  // namespace

TEST_CASE("track_metrics: haversine along a meridian gives R x angle", "[import][metrics]") {
  // 0.01 degree of latitude: 111,195.08 m / 100 = 1,111.9508 m.
  CHECK(haversine_m(52.0, 13.0, 52.01, 13.0) == Approx(1111.9508).epsilon(1e-6));
  CHECK(haversine_m(0.0, 0.0, 0.0, 0.0) == 0.0);
}

TEST_CASE("track_metrics: a generated 10 km with a 100 m climb comes back", "[import][metrics]") {
  // 10,000 m at 10/3 m/s = 3,000 s, one point a second.
  const Track track = meridian_run(10.0 / 3.0, 1, 3000, hill_profile);
  const TrackMetrics m = compute_track_metrics(track);
  REQUIRE(m.distance_m);
  CHECK(*m.distance_m == Approx(10000.0).epsilon(0.005));
  CHECK(*m.elapsed == 3000s);
  CHECK(*m.moving == 3000s);
  CHECK(*m.elevation_gain_m == Approx(100.0).epsilon(0.10));
  CHECK(*m.elevation_loss_m < 10.0);
  CHECK(m.glitches_dropped == 0);
  REQUIRE(m.speed_histogram);
  CHECK(m.speed_histogram->total() == Approx(*m.distance_m));
  // Everything at 3.33 m/s: bin 33 holds it all.
  CHECK(m.speed_histogram->distance_at_or_above(3.3) == Approx(*m.distance_m));
  CHECK(m.speed_histogram->distance_at_or_above(3.4) == 0.0);
  REQUIRE(m.grade_histogram);
  CHECK(m.grade_histogram->total() == Approx(*m.distance_m).epsilon(1e-9));
  // Uphill (grade >= 4%): the 1 km at 10%, blurred by the 50 m smoothing.
  CHECK(m.grade_histogram->distance_at_or_above(4.0) == Approx(1000.0).epsilon(0.15));
}

TEST_CASE("track_metrics: 5 s sampling gives the same distance, time and climb",
          "[import][metrics]") {
  const Track track = meridian_run(10.0 / 3.0, 5, 3000, hill_profile);
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(*m.distance_m == Approx(10000.0).epsilon(0.005));
  CHECK(*m.elapsed == 3000s);
  CHECK(*m.moving == 3000s);
  CHECK(*m.elevation_gain_m == Approx(100.0).epsilon(0.10));
}

TEST_CASE("track_metrics: one teleported point is dropped as a glitch", "[import][metrics]") {
  Track track = meridian_run(10.0 / 3.0, 1, 3000, hill_profile);
  // Point 1500 jumps 0.01 degree (1.1 km) east: 1,100 m/s from its neighbour.
  *track.segments[0][1500].lon += 0.01;
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(m.glitches_dropped == 1);
  CHECK(*m.distance_m == Approx(10000.0).epsilon(0.005));
  CHECK(*m.elapsed == 3000s);
}

TEST_CASE("track_metrics: a flat 10 km with +-5 m noise gains under 50 m", "[import][metrics]") {
  SECTION("1 s sampling") {
    const TrackMetrics m = compute_track_metrics(meridian_run(10.0 / 3.0, 1, 3000, Noise{}));
    CHECK(*m.elevation_gain_m < 50.0);
    // Uphill distance must not be invented by the noise either.
    CHECK(m.grade_histogram->distance_at_or_above(4.0) < 100.0);
  }
  SECTION("5 s sampling") {
    const TrackMetrics m = compute_track_metrics(meridian_run(10.0 / 3.0, 5, 3000, Noise{}));
    CHECK(*m.elevation_gain_m < 50.0);
  }
}

TEST_CASE("track_metrics: repeated and backward times are dropped and counted",
          "[import][metrics]") {
  Track track = meridian_run(3.0, 1, 10, [](double) { return 0.0; });
  auto& seg = track.segments[0];
  seg.insert(seg.begin() + 5, seg[4]);  // same time again
  TrackPoint back = seg[2];
  seg.insert(seg.begin() + 8, back);  // time goes backwards
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(m.non_increasing_dropped == 2);
  CHECK(*m.distance_m == Approx(30.0).epsilon(0.001));  // 10 s x 3 m/s
  CHECK(*m.elapsed == 10s);
}

TEST_CASE("track_metrics: a gap over 30 s is stopped time and segments add no distance",
          "[import][metrics]") {
  Track track;
  auto point = [](int t, double lat) {
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.lat = lat;
    p.lon = 13.0;
    return p;
  };
  const double step = 30.0 / k_metres_per_degree;  // 30 m
  // Segment 1: 10 s moving (30 m), then a 60 s gap covering 30 m: moving 10 s.
  track.segments.push_back({point(0, 52.0), point(10, 52.0 + step), point(70, 52.0 + 2 * step)});
  // Segment 2 starts 1 km away: no distance across the gap; 20 s standing still.
  track.segments.push_back({point(100, 52.01), point(110, 52.01), point(120, 52.01 + step)});
  const TrackMetrics m = compute_track_metrics(track);
  // 30 + 30 + 0 + 30 = 90 m; moving 10 s + 10 s; elapsed 0 -> 120 s.
  CHECK(*m.distance_m == Approx(90.0).epsilon(0.001));
  CHECK(*m.moving == 20s);
  CHECK(*m.elapsed == 120s);
  CHECK_FALSE(m.elevation_gain_m);  // no elevation at all
  CHECK_FALSE(m.grade_histogram);
}

TEST_CASE("track_metrics: heart rate and cadence are averaged over kept points",
          "[import][metrics]") {
  Track track = meridian_run(3.0, 1, 3, [](double) { return 10.0; });
  const double hr[] = {120, 130, 140, 150};
  for (std::size_t i = 0; i < 4; ++i) {
    track.segments[0][i].hr_bpm = hr[i];
    if (i % 2 == 0) track.segments[0][i].cadence_spm = 170.0 + static_cast<double>(i);
  }
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(*m.avg_hr == Approx(135.0));  // (120 + 130 + 140 + 150) / 4
  CHECK(*m.max_hr == Approx(150.0));
  CHECK(*m.avg_cadence == Approx(171.0));  // (170 + 172) / 2
  CHECK(*m.max_cadence == Approx(172.0));
}

TEST_CASE("track_metrics: a sensor-only track has times and heart rate but no speed histogram",
          "[import][metrics]") {
  Track track;
  auto& seg = track.segments.emplace_back();
  for (int t = 0; t <= 600; t += 10) {
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.hr_bpm = 140.0;
    seg.push_back(p);
  }
  TrackMetrics m = compute_track_metrics(track);
  CHECK(*m.elapsed == 600s);
  CHECK_FALSE(m.distance_m);
  CHECK_FALSE(m.speed_histogram);
  CHECK_FALSE(m.grade_histogram);
  CHECK(*m.avg_hr == Approx(140.0));
  // 60 steps of 10 s at 140 bpm: a treadmill run with a chest strap has a heart-rate load.
  REQUIRE(m.heart_rate_histogram);
  CHECK(m.heart_rate_histogram->total() == Approx(600.0));
  CHECK(heart_rate_seconds(*m.heart_rate_histogram, 140) == Approx(600.0));

  // With the device's own distance (a treadmill FIT): 3 m/s, 1,800 m.
  for (std::size_t i = 0; i < seg.size(); ++i)
    seg[i].device_distance_m = 30.0 * static_cast<double>(i);
  m = compute_track_metrics(track);
  CHECK(*m.distance_m == Approx(1800.0));
  CHECK(*m.moving == 600s);
  CHECK_FALSE(m.speed_histogram);
}

TEST_CASE("track_metrics: apply_metrics fills the activity summary", "[import][metrics]") {
  const TrackMetrics m = compute_track_metrics(meridian_run(3.0, 1, 100, hill_profile));
  runload::model::Activity a;
  apply_metrics(m, a);
  CHECK(a.distance_m == m.distance_m);
  CHECK(a.elapsed == 100s);
  CHECK(a.has_track());
  CHECK(a.grade_histogram.has_value());
  CHECK_FALSE(a.heart_rate_histogram);  // the track had no heart rate
}

TEST_CASE("track_metrics: the heart-rate histogram holds the seconds at each whole beat",
          "[import][metrics][heart_rate]") {
  // 11 points 1 s apart: 140 bpm at 0-3 s (a dropout, 0, at 2 s), 150 at
  // 4-9 s, 160 at 10 s. Each step counts at the reading of its start (the
  // 2-3 s step at its end's, 140): 4 s at 140, 6 s at 150, none at 160 (the
  // last point starts no step).
  Track track = meridian_run(3.0, 1, 10, [](double) { return 10.0; });
  auto& seg = track.segments[0];
  for (std::size_t i = 0; i < seg.size(); ++i) seg[i].hr_bpm = i < 4 ? 140.0 : 150.0;
  seg[2].hr_bpm = 0.0;
  seg[10].hr_bpm = 160.0;
  const TrackMetrics m = compute_track_metrics(track);
  REQUIRE(m.heart_rate_histogram);
  const auto& h = *m.heart_rate_histogram;
  CHECK(h.origin == 29.5);
  CHECK(h.width == 1.0);
  CHECK(heart_rate_seconds(h, 140) == Approx(4.0));
  CHECK(heart_rate_seconds(h, 150) == Approx(6.0));
  CHECK(heart_rate_seconds(h, 160) == 0.0);
  CHECK(h.total() == Approx(10.0));
}

TEST_CASE("track_metrics: heart-rate time skips segment gaps and gaps over 30 s",
          "[import][metrics][heart_rate]") {
  // Segment 1: 0, 5, 10 s at 120 bpm; then nothing until 70 s (a 60 s
  // auto-pause: not counted), 75 s. Segment 2: 200, 205 s at 125 bpm (the
  // 125 s between the segments is not counted either).
  const auto point = [](int t, double hr) {
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.hr_bpm = hr;
    return p;
  };
  Track track;
  track.segments.push_back(
      {point(0, 120), point(5, 120), point(10, 120), point(70, 130), point(75, 130)});
  track.segments.push_back({point(200, 125), point(205, 125)});
  const TrackMetrics m = compute_track_metrics(track);
  REQUIRE(m.heart_rate_histogram);
  const auto& h = *m.heart_rate_histogram;
  CHECK(heart_rate_seconds(h, 120) == Approx(10.0));
  CHECK(heart_rate_seconds(h, 130) == Approx(5.0));
  CHECK(heart_rate_seconds(h, 125) == Approx(5.0));
  CHECK(h.total() == Approx(20.0));
}

TEST_CASE(
    "track_metrics: readings beyond 30-230 bpm go to the end bins, a track without any "
    "has no heart-rate histogram",
    "[import][metrics][heart_rate]") {
  Track track = meridian_run(3.0, 1, 4, [](double) { return 10.0; });
  CHECK_FALSE(compute_track_metrics(track).heart_rate_histogram);
  auto& seg = track.segments[0];
  seg[0].hr_bpm = 250.0;
  seg[1].hr_bpm = 250.0;
  seg[2].hr_bpm = 20.0;
  seg[3].hr_bpm = 0.0;  // no reading: the step takes its end's, which has none either
  const TrackMetrics m = compute_track_metrics(track);
  REQUIRE(m.heart_rate_histogram);
  const auto& h = *m.heart_rate_histogram;
  CHECK(h.metres.size() == runload::model::k_heart_rate_max_bins);
  CHECK(heart_rate_seconds(h, 230) == Approx(2.0));
  CHECK(heart_rate_seconds(h, 30) == Approx(1.0));
  CHECK(h.total() == Approx(3.0));
}

TEST_CASE("track_metrics: elevation counts a change from its turning point once it passes 2 m",
          "[import][metrics][elevation]") {
  using runload::import::elevation_change;
  // 100 -> 104 (4 m: a climb, counted from 100) -> 106 (2 m more) -> 103
  // (3 m down: a descent from 106) -> 100 -> 102 (2 m up: a climb again).
  const std::vector<std::optional<double>> series{100.0, 104.0, 106.0, std::nullopt,
                                                  103.0, 100.0, 102.0};
  const auto change = elevation_change(series);
  CHECK(change.gain_m == Approx(6.0 + 2.0));
  CHECK(change.loss_m == Approx(6.0));
  CHECK(elevation_change({}).gain_m == 0.0);
  CHECK(elevation_change({std::nullopt, std::nullopt}).loss_m == 0.0);
}

namespace {

// A flat run along the meridian, one point a second at 3 m/s, with the
// elevation `ele(t)` at second t.
template <typename Elevation>
Track timed_run(int duration_s, Elevation ele) {
  Track track;
  auto& seg = track.segments.emplace_back();
  for (int t = 0; t <= duration_s; ++t) {
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.lat = 52.0 + 3.0 * t / k_metres_per_degree;
    p.lon = 13.0;
    p.ele_m = ele(t);
    seg.push_back(p);
  }
  return track;
}

}  // namespace

TEST_CASE("track_metrics: small climbs count whole, from their turning points",
          "[import][metrics][elevation]") {
  using runload::import::elevation_change;
  // Three 9 m rollers: the old 5 m steps counted 5 of each 9.
  std::vector<std::optional<double>> series;
  for (int roller = 0; roller < 3; ++roller)
    for (double e : {100.0, 103.0, 106.0, 109.0, 106.0, 103.0}) series.push_back(e);
  series.push_back(100.0);
  const auto change = elevation_change(series);
  CHECK(change.gain_m == Approx(27.0));
  CHECK(change.loss_m == Approx(27.0));
  // A wiggle under the hysteresis is no climb.
  CHECK(elevation_change({100.0, 101.5, 100.2, 101.9, 100.0}).gain_m == 0.0);
}

TEST_CASE("track_metrics: a flat 10 km with realistic barometric noise gains a few metres",
          "[import][metrics][elevation]") {
  // Barometric altitude as watches record it: 0.2 m steps (the FIT altitude
  // scale), white noise of 0.3 m and a pressure drift of a few metres an
  // hour, over 10 km at 3 m/s.
  std::uint32_t state = 7;
  const auto uniform = [&state] {
    state = state * 1664525u + 1013904223u;
    return static_cast<double>(state) / 4294967295.0;
  };
  double drift = 0.0;
  const Track track = timed_run(3334, [&](int t) {
    drift = 2.5 * std::sin(t / 900.0);
    const double noise = (uniform() + uniform() + uniform() - 1.5) * 0.6;
    return std::round((120.0 + drift + noise) * 5.0) / 5.0;
  });
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(*m.distance_m == Approx(10000.0).epsilon(0.01));
  CHECK(*m.elevation_gain_m < 6.0);
  CHECK(*m.elevation_loss_m < 6.0);
}

TEST_CASE("track_metrics: a spike of tens of metres is ignored, and counted",
          "[import][metrics][elevation]") {
  // As in a fenix 2 file of the corpus: 55 m, then 142 m for 3 s, then 56 m.
  const Track track = timed_run(600, [](int t) { return t >= 2 && t <= 4 ? 142.4 : 55.0; });
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(m.elevation_spikes == 3);
  CHECK(*m.elevation_gain_m < 1.0);
}

TEST_CASE("track_metrics: a re-calibrated level is a new start, its step not counted",
          "[import][metrics][elevation]") {
  // 100 m for 5 minutes, then 300 m for 10 minutes: no one climbs 200 m in
  // a second; after 30 s at the new level the series restarts there.
  const Track track = timed_run(900, [](int t) { return t < 300 ? 100.0 : 300.0; });
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(*m.elevation_gain_m < 1.0);
  CHECK(m.elevation_spikes > 0);
  CHECK(m.elevation_spikes <= 32);
}

TEST_CASE("track_metrics: elevations outside -1,000 to 10,000 m are not read",
          "[import][metrics][elevation]") {
  const Track track = timed_run(100, [](int t) { return t == 50 ? 1e9 : 10.0 + t * 0.1; });
  const TrackMetrics m = compute_track_metrics(track);
  CHECK(m.elevation_spikes == 1);
  CHECK(*m.elevation_gain_m == Approx(10.0).margin(1.0));
}

TEST_CASE("track_metrics: the glitch filter's speed limit follows the sport", "[import][metrics]") {
  // A bike descent at 20 m/s (72 km/h) for a minute.
  Track track;
  auto& seg = track.segments.emplace_back();
  for (int t = 0; t <= 60; ++t) {
    TrackPoint p;
    p.time = k_t0 + std::chrono::seconds{t};
    p.lat = 46.0 + 20.0 * t / k_metres_per_degree;
    p.lon = 7.0;
    seg.push_back(p);
  }
  const TrackMetrics ride = compute_track_metrics(track, runload::model::Sport::ride);
  CHECK(ride.glitches_dropped == 0);
  CHECK(*ride.distance_m == Approx(1200.0).epsilon(0.001));
  CHECK(ride.glitch_speed_mps == k_glitch_speed_ride_mps);
  // On foot the same points are beyond 12 m/s: all but the first dropped.
  const TrackMetrics run = compute_track_metrics(track, runload::model::Sport::run);
  CHECK(run.glitches_dropped == 60);
  CHECK(glitch_speed_mps(runload::model::Sport::swim) == k_glitch_speed_swim_mps);
  CHECK(glitch_speed_mps(runload::model::Sport::hike) == k_glitch_speed_mps);
  CHECK(glitch_speed_mps(runload::model::Sport::other) == k_glitch_speed_other_mps);
}
