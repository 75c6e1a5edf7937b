#include "synthetic_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>

#include "geo.hpp"

namespace runload::bench {

namespace {

constexpr double k_metres_per_degree = 111'195.0;

// splitmix64: portable, unlike the distributions of <random>.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform(double low, double high) {
    return low + (high - low) * static_cast<double>(next() >> 11) * 0x1.0p-53;
  }
  bool chance(double p) { return uniform(0.0, 1.0) < p; }

 private:
  std::uint64_t m_state;
};

constexpr const char* k_names[] = {"Morning Run", "Easy Run", "Long Run", "Tempo Run",
                                   "Hill Repeats"};

}  // namespace

// The draws happen in the order the first GPX generator made them, so the
// GPX corpus stays byte-identical to the one issue 8 measured.
SyntheticRun make_run(std::size_t index) {
  Random random(0x5EED0000ull + index);
  SyntheticRun run;
  run.index = index;
  run.day = date::sys_days{date::year{2020} / 1 / 1} + date::days{index};
  run.name = k_names[index % std::size(k_names)];
  int clock = static_cast<int>(random.uniform(5 * 3600, 9 * 3600));
  const int duration = static_cast<int>(random.uniform(30 * 60, 120 * 60));

  double lat = 47.30 + random.uniform(0.0, 0.15);
  double lon = 8.45 + random.uniform(0.0, 0.20);
  double heading = random.uniform(0.0, 2.0 * std::numbers::pi);
  const double base_speed = random.uniform(2.6, 3.6);
  double speed = base_speed;
  double ele = random.uniform(350.0, 600.0);
  double slope = 0.0;
  double hr = random.uniform(105.0, 120.0);
  int stopped = 0;
  run.samples.reserve(static_cast<std::size_t>(duration));
  for (int t = 0; t < duration; ++t, ++clock) {
    // A traffic light now and then: the watch keeps recording while standing.
    if (stopped == 0 && random.chance(1.0 / 900.0))
      stopped = static_cast<int>(random.uniform(10, 60));
    if (stopped > 0) {
      --stopped;
    } else {
      speed += 0.1 * (base_speed - speed) + random.uniform(-0.15, 0.15);
      heading += random.uniform(-0.08, 0.08);
      const double step = speed;
      lat += step * std::cos(heading) / k_metres_per_degree;
      lon +=
          step * std::sin(heading) / (k_metres_per_degree * std::cos(lat * std::numbers::pi / 180));
      slope = std::clamp(slope + random.uniform(-0.004, 0.004), -0.08, 0.08);
      ele += slope * step;
    }
    hr = std::clamp(hr + 0.02 * (160.0 - hr) + random.uniform(-1.0, 1.0), 90.0, 195.0);
    RunSample s;
    s.clock = clock;
    s.cadence = stopped > 0 ? 0 : static_cast<int>(random.uniform(82.0, 92.0));
    // GPS jitter of about a metre on the reported position.
    s.lat = lat + random.uniform(-1.0, 1.0) / k_metres_per_degree;
    s.lon = lon + random.uniform(-1.0, 1.0) / k_metres_per_degree;
    s.ele = ele + random.uniform(-0.3, 0.3);
    s.hr = static_cast<int>(hr);
    s.true_ele = ele;
    if (!run.samples.empty()) {
      const RunSample& last = run.samples.back();
      s.path_m = last.path_m + haversine_m(last.lat, last.lon, s.lat, s.lon);
    }
    run.samples.push_back(s);
  }
  return run;
}

std::string iso_time(const SyntheticRun& run, int clock) {
  const date::year_month_day ymd{run.day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     clock / 3600, clock / 60 % 60, clock % 60);
}

}  // namespace runload::bench
