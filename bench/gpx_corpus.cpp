#include "gpx_corpus.hpp"

#include <fmt/format.h>

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <stdexcept>

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

// Bump when the generated text changes, so cached corpora are rebuilt.
constexpr int k_generator_version = 1;
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

constexpr const char* k_header =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="StravaGPX" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd http://www.garmin.com/xmlschemas/GpxExtensions/v3 http://www.garmin.com/xmlschemas/GpxExtensionsv3.xsd http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3">
)";

}  // namespace

std::string make_gpx_run(std::size_t index, std::uintmax_t* points) {
  Random random(0x5EED0000ull + index);
  const auto day = date::sys_days{date::year{2020} / 1 / 1} + date::days{index};
  const date::year_month_day ymd{day};
  // Mornings 05:00-09:00 UTC: runs of at most two hours never cross midnight.
  int clock = static_cast<int>(random.uniform(5 * 3600, 9 * 3600));
  const int duration = static_cast<int>(random.uniform(30 * 60, 120 * 60));
  const auto date_text =
      fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));

  std::string out;
  out.reserve(static_cast<std::size_t>(duration) * 300 + 4096);
  auto it = std::back_inserter(out);
  out += k_header;
  fmt::format_to(it, " <metadata>\n  <time>{}T{:02}:{:02}:{:02}Z</time>\n </metadata>\n", date_text,
                 clock / 3600, clock / 60 % 60, clock % 60);
  static constexpr const char* k_names[] = {"Morning Run", "Easy Run", "Long Run", "Tempo Run",
                                            "Hill Repeats"};
  fmt::format_to(it, " <trk>\n  <name>{}</name>\n  <type>running</type>\n  <trkseg>\n",
                 k_names[index % std::size(k_names)]);

  double lat = 47.30 + random.uniform(0.0, 0.15);
  double lon = 8.45 + random.uniform(0.0, 0.20);
  double heading = random.uniform(0.0, 2.0 * std::numbers::pi);
  const double base_speed = random.uniform(2.6, 3.6);
  double speed = base_speed;
  double ele = random.uniform(350.0, 600.0);
  double slope = 0.0;
  double hr = random.uniform(105.0, 120.0);
  int stopped = 0;
  std::uintmax_t written = 0;
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
    const int cadence = stopped > 0 ? 0 : static_cast<int>(random.uniform(82.0, 92.0));
    // GPS jitter of about a metre on the reported position.
    const double shown_lat = lat + random.uniform(-1.0, 1.0) / k_metres_per_degree;
    const double shown_lon = lon + random.uniform(-1.0, 1.0) / k_metres_per_degree;
    fmt::format_to(it,
                   "   <trkpt lat=\"{:.7f}\" lon=\"{:.7f}\">\n    <ele>{:.1f}</ele>\n"
                   "    <time>{}T{:02}:{:02}:{:02}Z</time>\n    <extensions>\n"
                   "     <gpxtpx:TrackPointExtension>\n      <gpxtpx:hr>{}</gpxtpx:hr>\n"
                   "      <gpxtpx:cad>{}</gpxtpx:cad>\n     </gpxtpx:TrackPointExtension>\n"
                   "    </extensions>\n   </trkpt>\n",
                   shown_lat, shown_lon, ele + random.uniform(-0.3, 0.3), date_text, clock / 3600,
                   clock / 60 % 60, clock % 60, static_cast<int>(hr), cadence);
    ++written;
  }
  out += "  </trkseg>\n </trk>\n</gpx>\n";
  if (points != nullptr) *points += written;
  return out;
}

CorpusStats ensure_corpus(const fs::path& dir, std::size_t files) {
  const fs::path stamp = dir / ".corpus";
  const std::string expected = fmt::format("files {} version {}\n", files, k_generator_version);
  CorpusStats stats;
  {
    std::ifstream in(stamp);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.starts_with(expected)) {
      stats.files = files;
      for (std::size_t i = 0; i < files; ++i)
        stats.bytes += fs::file_size(dir / fmt::format("run_{:06}.gpx", i));
      stats.points = std::stoull(text.substr(text.find("points ") + 7));
      return stats;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (std::size_t i = 0; i < files; ++i) {
    const std::string text = make_gpx_run(i, &stats.points);
    const fs::path file = dir / fmt::format("run_{:06}.gpx", i);
    std::ofstream out(file, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
    stats.bytes += text.size();
    ++stats.files;
  }
  std::ofstream(stamp) << expected << "points " << stats.points << "\n";
  return stats;
}

}  // namespace runload::bench
