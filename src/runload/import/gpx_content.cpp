#include <runload/import/gpx_content.hpp>

#include <cmath>
#include <variant>

#include <fmt/format.h>

#include <runload/import/iso_time.hpp>
#include <runload/import/values.hpp>

namespace runload::import::gpx {
namespace {

// The coordinate `name` of a point, or the reason it cannot be read
// (missing, not a number, beyond +-limit: a pause marker at latitude 100).
std::variant<double, std::string> coordinate(std::string_view element,
                                             std::optional<std::string_view> text, const char* name,
                                             double limit) {
  if (!text) return fmt::format("<{}> without a {} attribute", element, name);
  const auto value = parse_number(*text);
  if (!value || std::abs(*value) > limit) return fmt::format("invalid {} \"{}\"", name, *text);
  return *value;
}

}  // namespace

void Dropped::add(std::ptrdiff_t offset, std::string reason) {
  ++points;
  if (!first_offset) {
    first_offset = offset;
    first_reason = std::move(reason);
  }
}

void PointReader::start(std::string_view element, std::optional<std::string_view> lat,
                        std::optional<std::string_view> lon, std::ptrdiff_t offset) {
  ++m_content.track_points;
  m_point = model::TrackPoint{};
  m_alive = false;
  const auto la = coordinate(element, lat, "lat", 90.0);
  const auto lo = coordinate(element, lon, "lon", 180.0);
  for (const auto* c : {&la, &lo}) {
    if (const auto* reason = std::get_if<std::string>(c)) {
      m_content.dropped.add(offset, *reason);
      return;
    }
  }
  m_point.lat = std::get<double>(la);
  m_point.lon = std::get<double>(lo);
  m_alive = true;
}

void PointReader::ele(std::string_view text) {
  if (!m_alive || text.empty()) return;
  m_point.ele_m = parse_number(text);
  if (!m_point.ele_m) ++m_content.dropped.elevations;
}

void PointReader::time(std::string_view text, std::ptrdiff_t offset) {
  if (!m_alive || text.empty()) return;
  const auto t = parse_iso_time(text);
  if (!t) {
    m_content.dropped.add(offset, fmt::format("invalid time \"{}\"", text));
    m_alive = false;
    return;
  }
  m_point.time = t->utc;
  if (!m_trk.offset_seen) {
    m_trk.stated_offset = t->stated_offset;
    m_trk.offset_seen = true;
  }
}

bool PointReader::is_extension_value(std::string_view name) noexcept {
  return name == "hr" || name == "heartrate" || name == "cad" || name == "cadence" ||
         name == "atemp";
}

void PointReader::extension(std::string_view name, std::string_view text) {
  if (!m_alive) return;
  if (name == "hr" || name == "heartrate")
    m_point.hr_bpm = parse_number(text);
  else if (name == "cad" || name == "cadence")
    m_point.cadence_spm = parse_number(text);
  else if (name == "atemp")
    m_point.temperature_c = parse_number(text);
}

void PointReader::finish() {
  if (m_alive) m_trk.track.segments.back().push_back(m_point);
  m_alive = false;
}

}  // namespace runload::import::gpx
