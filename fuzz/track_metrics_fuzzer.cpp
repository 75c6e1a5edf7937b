// Track metrics on a Track built from arbitrary bytes: every value, NaN and
// infinities included, times in any order. Each point takes a flag byte
// (which fields are present, whether a new segment starts) and eight bytes
// per present field; the input's length picks the sport. The metrics must
// stay within their contract: distances, times, climb and counts never
// negative, histograms holding finite bins.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <runload/import/track_metrics.hpp>

namespace {

class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
  bool empty() const { return m_at >= m_size; }
  std::uint8_t byte() { return empty() ? 0 : m_data[m_at++]; }
  template <typename T>
  T value() {
    T out{};
    const std::size_t n = std::min(sizeof(T), m_size - std::min(m_at, m_size));
    std::memcpy(&out, m_data + m_at, n);
    m_at += n;
    return out;
  }

 private:
  const std::uint8_t* m_data;
  std::size_t m_size;
  std::size_t m_at = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload;
  Bytes in(data, size);
  // The input's length picks the sport, and with it the glitch filter's
  // limit, leaving the bytes' meaning (and older seeds) as they were.
  const auto sport = static_cast<model::Sport>(size % 9);
  model::Track track;
  track.segments.emplace_back();
  while (!in.empty()) {
    const std::uint8_t flags = in.byte();
    if ((flags & 0x80) != 0 && !track.segments.back().empty()) track.segments.emplace_back();
    model::TrackPoint p;
    if (flags & 0x01)
      p.time = model::TimePoint{std::chrono::milliseconds{in.value<std::int64_t>() % (1LL << 50)}};
    if (flags & 0x02) p.lat = in.value<double>();
    if (flags & 0x02) p.lon = in.value<double>();
    if (flags & 0x04) p.ele_m = in.value<double>();
    if (flags & 0x08) p.hr_bpm = in.value<double>();
    if (flags & 0x10) p.cadence_spm = in.value<double>();
    if (flags & 0x20) p.device_distance_m = in.value<double>();
    track.segments.back().push_back(p);
  }
  const auto metrics = import::compute_track_metrics(track, sport);
  if (metrics.elevation_gain_m && !(*metrics.elevation_gain_m >= 0.0)) std::abort();
  if (metrics.elevation_loss_m && !(*metrics.elevation_loss_m >= 0.0)) std::abort();
  if (metrics.elapsed && metrics.elapsed->count() < 0) std::abort();
  if (metrics.moving && metrics.moving->count() < 0) std::abort();
  if (metrics.elapsed && metrics.moving && *metrics.moving > *metrics.elapsed) std::abort();
  if (metrics.kept_points > track.point_count()) std::abort();
  model::Activity activity;
  import::apply_metrics(metrics, activity);
  return 0;
}
