#pragma once
// Builds FIT files for tests, following the FIT protocol document: a 14- or
// 12-byte header, definition and data messages in either byte order,
// compressed-timestamp headers, developer fields, and the file CRC. Options
// break a file on purpose (bad CRC, lying data size) so that the reader's
// refusals can be tested. Header-only so that tests/CMakeLists.txt needs no
// edit.

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace runload::test::fit {

enum class ByteOrder { little, big };

// Base type bytes, FIT protocol document table 4-6.
constexpr std::uint8_t k_enum = 0x00;
constexpr std::uint8_t k_uint8 = 0x02;
constexpr std::uint8_t k_uint16 = 0x84;
constexpr std::uint8_t k_sint32 = 0x85;
constexpr std::uint8_t k_uint32 = 0x86;

constexpr std::uint64_t k_invalid8 = 0xFF;
constexpr std::uint64_t k_invalid16 = 0xFFFF;
constexpr std::uint64_t k_invalid32 = 0xFFFFFFFF;
constexpr std::uint64_t k_invalid_sint32 = 0x7FFFFFFF;

// Seconds from 1970-01-01 to the FIT epoch 1989-12-31T00:00:00Z.
constexpr std::int64_t k_epoch_unix = 631065600;

struct FieldDef {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;
};

inline std::uint16_t crc16(const std::string& bytes, std::size_t from, std::size_t to) {
  static constexpr std::array<std::uint16_t, 16> table{
      0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
      0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
  };
  std::uint16_t crc = 0;
  for (std::size_t i = from; i < to; ++i) {
    const auto byte = static_cast<std::uint8_t>(bytes[i]);
    for (const int shift : {0, 4}) {
      const std::uint16_t tmp = table[crc & 0xF];
      crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFF) ^ tmp ^ table[(byte >> shift) & 0xF]);
    }
  }
  return crc;
}

inline std::uint64_t semicircles(double degrees) {
  return static_cast<std::uint64_t>(std::llround(degrees * 2147483648.0 / 180.0));
}

struct FileOptions {
  std::uint8_t header_size = 14;
  bool header_crc = true;
  bool bad_header_crc = false;
  bool bad_file_crc = false;
  std::int64_t data_size_delta = 0;  // added to the true data size written in the header
};

class Writer {
 public:
  // A definition message for `local`; developer fields of the given sizes
  // follow the fields (header bit 0x20).
  Writer& define(std::uint8_t local, std::uint16_t global, std::vector<FieldDef> fields,
                 ByteOrder order = ByteOrder::little,
                 std::vector<std::uint8_t> developer_sizes = {}) {
    const bool developer = !developer_sizes.empty();
    put(static_cast<std::uint8_t>(0x40 | (developer ? 0x20 : 0) | local));
    put(0);
    put(order == ByteOrder::big ? 1 : 0);
    put_uint(global, 2, order);
    put(static_cast<std::uint8_t>(fields.size()));
    for (const FieldDef& f : fields) {
      put(f.number);
      put(f.size);
      put(f.base_type);
    }
    if (developer) {
      put(static_cast<std::uint8_t>(developer_sizes.size()));
      for (std::size_t i = 0; i < developer_sizes.size(); ++i) {
        put(static_cast<std::uint8_t>(i));
        put(developer_sizes[i]);
        put(0);
      }
    }
    m_definitions.at(local) = Definition{order, std::move(fields), std::move(developer_sizes)};
    return *this;
  }

  // A data message; one value per field in definition order, written in the
  // field's size and the definition's byte order. Developer bytes are 0xAB.
  Writer& data(std::uint8_t local, const std::vector<std::uint64_t>& values) {
    put(local);
    return body(local, values);
  }

  // A data message behind a compressed-timestamp header (local types 0-3).
  Writer& compressed(std::uint8_t local, std::uint8_t time_offset,
                     const std::vector<std::uint64_t>& values) {
    put(static_cast<std::uint8_t>(0x80 | (local << 5) | (time_offset & 0x1F)));
    return body(local, values);
  }

  Writer& raw(const std::string& bytes) {
    m_data += bytes;
    return *this;
  }

  // --- common messages, with the field numbers of the FIT profile ---------

  Writer& define_file_id(std::uint8_t local, ByteOrder order = ByteOrder::little) {
    return define(local, 0, {{0, 1, k_enum}, {1, 2, k_uint16}, {4, 4, k_uint32}}, order);
  }
  Writer& file_id(std::uint8_t local, std::uint64_t type = 4) {
    return data(local, {type, 1, k_invalid32});
  }

  // record: timestamp, position_lat, position_long, altitude, heart_rate,
  // cadence, distance.
  Writer& define_record(std::uint8_t local, ByteOrder order = ByteOrder::little,
                        std::vector<std::uint8_t> developer_sizes = {}) {
    return define(local, 20,
                  {{253, 4, k_uint32},
                   {0, 4, k_sint32},
                   {1, 4, k_sint32},
                   {2, 2, k_uint16},
                   {3, 1, k_uint8},
                   {4, 1, k_uint8},
                   {5, 4, k_uint32}},
                  order, std::move(developer_sizes));
  }
  struct Record {
    Record(std::uint64_t timestamp_, std::optional<double> lat_ = {},
           std::optional<double> lon_ = {}, std::optional<double> altitude_m_ = {},
           std::uint64_t heart_rate_ = k_invalid8, std::uint64_t cadence_ = k_invalid8,
           std::optional<double> distance_m_ = {})
        : timestamp(timestamp_),
          lat(lat_),
          lon(lon_),
          altitude_m(altitude_m_),
          heart_rate(heart_rate_),
          cadence(cadence_),
          distance_m(distance_m_) {}
    std::uint64_t timestamp;
    std::optional<double> lat;
    std::optional<double> lon;
    std::optional<double> altitude_m;
    std::uint64_t heart_rate;
    std::uint64_t cadence;
    std::optional<double> distance_m;
  };
  static std::vector<std::uint64_t> record_values(const Record& r) {
    return {
        r.timestamp,
        r.lat ? semicircles(*r.lat) : k_invalid_sint32,
        r.lon ? semicircles(*r.lon) : k_invalid_sint32,
        r.altitude_m ? static_cast<std::uint64_t>(std::llround((*r.altitude_m + 500) * 5))
                     : k_invalid16,
        r.heart_rate,
        r.cadence,
        r.distance_m ? static_cast<std::uint64_t>(std::llround(*r.distance_m * 100)) : k_invalid32};
  }
  Writer& record(std::uint8_t local, const Record& r) { return data(local, record_values(r)); }

  // session: timestamp, start_time, sport, sub_sport, total_elapsed_time,
  // total_timer_time, total_distance, total_ascent, total_descent,
  // avg_heart_rate, max_heart_rate, avg_cadence, max_cadence.
  Writer& define_session(std::uint8_t local, ByteOrder order = ByteOrder::little) {
    return define(local, 18,
                  {{253, 4, k_uint32},
                   {2, 4, k_uint32},
                   {5, 1, k_enum},
                   {6, 1, k_enum},
                   {7, 4, k_uint32},
                   {8, 4, k_uint32},
                   {9, 4, k_uint32},
                   {22, 2, k_uint16},
                   {23, 2, k_uint16},
                   {16, 1, k_uint8},
                   {17, 1, k_uint8},
                   {18, 1, k_uint8},
                   {19, 1, k_uint8}},
                  order);
  }
  struct Session {
    std::uint64_t timestamp = k_invalid32;
    std::uint64_t start_time = k_invalid32;
    std::uint64_t sport = 1;
    std::uint64_t sub_sport = 0;
    std::uint64_t elapsed_ms = k_invalid32;  // scale 1000
    std::uint64_t timer_ms = k_invalid32;
    std::uint64_t distance_cm = k_invalid32;  // scale 100
    std::uint64_t ascent = k_invalid16;
    std::uint64_t descent = k_invalid16;
    std::uint64_t avg_hr = k_invalid8;
    std::uint64_t max_hr = k_invalid8;
    std::uint64_t avg_cadence = k_invalid8;
    std::uint64_t max_cadence = k_invalid8;
  };
  Writer& session(std::uint8_t local, const Session& s) {
    return data(local, {s.timestamp, s.start_time, s.sport, s.sub_sport, s.elapsed_ms, s.timer_ms,
                        s.distance_cm, s.ascent, s.descent, s.avg_hr, s.max_hr, s.avg_cadence,
                        s.max_cadence});
  }

  // event: timestamp, event, event_type.
  Writer& define_event(std::uint8_t local) {
    return define(local, 21, {{253, 4, k_uint32}, {0, 1, k_enum}, {1, 1, k_enum}});
  }
  Writer& timer_stop(std::uint8_t local, std::uint64_t timestamp) {
    return data(local, {timestamp, 0, 4});
  }
  Writer& timer_start(std::uint8_t local, std::uint64_t timestamp) {
    return data(local, {timestamp, 0, 0});
  }

  // activity: timestamp, local_timestamp.
  Writer& define_activity(std::uint8_t local) {
    return define(local, 34, {{253, 4, k_uint32}, {5, 4, k_uint32}});
  }
  Writer& activity(std::uint8_t local, std::uint64_t timestamp, std::uint64_t local_timestamp) {
    return data(local, {timestamp, local_timestamp});
  }

  std::size_t data_size() const { return m_data.size(); }

  // The whole file: header, the messages written so far, CRC.
  std::string file(const FileOptions& options = {}) const {
    std::string out;
    out.push_back(static_cast<char>(options.header_size));
    out.push_back(0x20);                           // protocol version 2.0
    append_uint(out, 2132, 2, ByteOrder::little);  // profile version 21.32
    append_uint(out,
                static_cast<std::uint64_t>(static_cast<std::int64_t>(m_data.size()) +
                                           options.data_size_delta),
                4, ByteOrder::little);
    out += ".FIT";
    if (options.header_size == 14) {
      std::uint16_t crc = options.header_crc ? crc16(out, 0, 12) : 0;
      if (options.bad_header_crc) crc = static_cast<std::uint16_t>(crc ^ 0x5A5A);
      append_uint(out, crc, 2, ByteOrder::little);
    }
    out += m_data;
    std::uint16_t crc = crc16(out, 0, out.size());
    if (options.bad_file_crc) crc = static_cast<std::uint16_t>(crc ^ 0x0101);
    append_uint(out, crc, 2, ByteOrder::little);
    return out;
  }

 private:
  struct Definition {
    ByteOrder order;
    std::vector<FieldDef> fields;
    std::vector<std::uint8_t> developer_sizes;
  };

  static void append_uint(std::string& out, std::uint64_t value, std::size_t size,
                          ByteOrder order) {
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t shift = 8 * (order == ByteOrder::little ? i : size - 1 - i);
      out.push_back(static_cast<char>(shift < 64 ? (value >> shift) & 0xFF : 0));
    }
  }

  void put(std::uint8_t byte) { m_data.push_back(static_cast<char>(byte)); }
  void put_uint(std::uint64_t value, std::size_t size, ByteOrder order) {
    append_uint(m_data, value, size, order);
  }

  Writer& body(std::uint8_t local, const std::vector<std::uint64_t>& values) {
    const auto& definition = m_definitions.at(local);
    if (!definition || definition->fields.size() != values.size()) {
      throw std::logic_error("fit::Writer: values do not match the definition");
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      put_uint(values[i], definition->fields[i].size, definition->order);
    }
    for (const std::uint8_t size : definition->developer_sizes) m_data.append(size, '\xAB');
    return *this;
  }

  std::array<std::optional<Definition>, 16> m_definitions;
  std::string m_data;
};

}  // namespace runload::test::fit
