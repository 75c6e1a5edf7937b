#include "fit_walk.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "geo.hpp"

namespace runload::bench {

namespace {

constexpr std::uint16_t k_msg_record = 20;
constexpr std::uint8_t k_field_lat = 0;
constexpr std::uint8_t k_field_lon = 1;
constexpr std::uint32_t k_invalid_sint32 = 0x7FFFFFFF;
constexpr double k_degrees_per_semicircle = 180.0 / 2147483648.0;

struct Layout {
  bool defined = false;
  bool big_endian = false;
  std::uint16_t global = 0;
  std::size_t size = 0;  // bytes of a data message after its header
  int lat_at = -1;       // offset of a 4-byte position_lat, or -1
  int lon_at = -1;
};

std::uint8_t at(std::string_view b, std::size_t i) {
  return static_cast<std::uint8_t>(b[i]);
}

std::uint32_t u32(std::string_view b, std::size_t i, bool big) {
  return big ? std::uint32_t{at(b, i)} << 24 | std::uint32_t{at(b, i + 1)} << 16 |
                   std::uint32_t{at(b, i + 2)} << 8 | at(b, i + 3)
             : std::uint32_t{at(b, i + 3)} << 24 | std::uint32_t{at(b, i + 2)} << 16 |
                   std::uint32_t{at(b, i + 1)} << 8 | at(b, i);
}

void need(std::size_t end, std::size_t available, std::size_t offset) {
  if (end > available)
    throw std::runtime_error(fmt::format("FIT: message at byte {} runs past the end", offset));
}

// One FIT file starting at `begin`; returns the offset after its CRC.
std::size_t walk_one(std::string_view b, std::size_t begin, FitWalk& walk) {
  need(begin + 12, b.size(), begin);
  const std::size_t header = at(b, begin);
  const std::size_t end = begin + header + u32(b, begin + 4, false);
  need(end + 2, b.size(), begin);
  std::array<Layout, 16> layouts{};
  bool have_last = false;
  double last_lat = 0.0, last_lon = 0.0;
  std::size_t i = begin + header;
  while (i < end) {
    const std::size_t offset = i;
    const std::uint8_t h = at(b, i++);
    if ((h & 0x80) == 0 && (h & 0x40) != 0) {
      // Definition: reserved, architecture, global (2), field count, fields.
      need(i + 5, end, offset);
      Layout& l = layouts[h & 0x0F];
      l = Layout{true, at(b, i + 1) == 1, 0, 0, -1, -1};
      l.global = l.big_endian ? static_cast<std::uint16_t>(at(b, i + 2) << 8 | at(b, i + 3))
                              : static_cast<std::uint16_t>(at(b, i + 3) << 8 | at(b, i + 2));
      const std::size_t fields = at(b, i + 4);
      i += 5;
      need(i + 3 * fields, end, offset);
      for (std::size_t f = 0; f < fields; ++f, i += 3) {
        const std::uint8_t number = at(b, i), size = at(b, i + 1);
        if (l.global == k_msg_record && size == 4 && number == k_field_lat)
          l.lat_at = static_cast<int>(l.size);
        if (l.global == k_msg_record && size == 4 && number == k_field_lon)
          l.lon_at = static_cast<int>(l.size);
        l.size += size;
      }
      if ((h & 0x20) != 0) {  // developer fields
        need(i + 1, end, offset);
        const std::size_t developer = at(b, i++);
        need(i + 3 * developer, end, offset);
        for (std::size_t f = 0; f < developer; ++f, i += 3) l.size += at(b, i + 1);
      }
      continue;
    }
    // Data: a normal header (local type in bits 0-3) or a compressed-timestamp one (bits 5-6).
    const Layout& l = layouts[(h & 0x80) != 0 ? (h >> 5) & 0x03 : h & 0x0F];
    if (!l.defined)
      throw std::runtime_error(fmt::format("FIT: data message at byte {} undefined", offset));
    need(i + l.size, end, offset);
    if (l.lat_at >= 0 && l.lon_at >= 0) {
      const std::uint32_t lat = u32(b, i + static_cast<std::size_t>(l.lat_at), l.big_endian);
      const std::uint32_t lon = u32(b, i + static_cast<std::size_t>(l.lon_at), l.big_endian);
      if (lat != k_invalid_sint32 && lon != k_invalid_sint32) {
        const double lat_deg = static_cast<std::int32_t>(lat) * k_degrees_per_semicircle;
        const double lon_deg = static_cast<std::int32_t>(lon) * k_degrees_per_semicircle;
        if (have_last) walk.distance_m += haversine_m(last_lat, last_lon, lat_deg, lon_deg);
        have_last = true;
        last_lat = lat_deg;
        last_lon = lon_deg;
        ++walk.records;
      }
    }
    i += l.size;
  }
  return end + 2;
}

}  // namespace

void walk_fit(std::string_view bytes, FitWalk& walk) {
  std::size_t at_byte = 0;
  while (at_byte < bytes.size()) at_byte = walk_one(bytes, at_byte, walk);
}

}  // namespace runload::bench
