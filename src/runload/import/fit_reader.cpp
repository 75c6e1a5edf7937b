#include <runload/import/fit_reader.hpp>
#include <runload/import/sport_labels.hpp>
#include <runload/import/track_metrics.hpp>
#include <runload/model/local_time.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace runload::import {
namespace {

// FIT protocol document, section 3.3.2 (CRC): its nibble-at-a-time CRC is
// CRC-16/ARC (reflected polynomial 0xA001, initial 0), here a byte at a time
// from a 256-entry table, twice as fast over a whole file.
constexpr std::array<std::uint16_t, 256> make_crc_table() {
  std::array<std::uint16_t, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned crc = i;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1U) != 0 ? (crc >> 1) ^ 0xA001U : crc >> 1;
    table[i] = static_cast<std::uint16_t>(crc);
  }
  return table;
}
constexpr auto k_crc_table = make_crc_table();

// FIT timestamps count seconds from 1989-12-31T00:00:00Z.
constexpr std::int64_t k_fit_epoch_unix = 631065600;
// Below this a date_time is seconds since the device powered on (FIT profile, date_time).
constexpr std::int64_t k_min_date_time = 0x10000000;
constexpr double k_degrees_per_semicircle = 180.0 / 2147483648.0;
constexpr std::int64_t k_max_utc_offset_s = 18 * 3600;
constexpr std::int64_t k_quarter_hour_s = 15 * 60;

constexpr std::uint16_t k_msg_file_id = 0;
constexpr std::uint16_t k_msg_sport = 12;
constexpr std::uint16_t k_msg_session = 18;
constexpr std::uint16_t k_msg_lap = 19;
constexpr std::uint16_t k_msg_record = 20;
constexpr std::uint16_t k_msg_event = 21;
constexpr std::uint16_t k_msg_activity = 34;

constexpr std::uint8_t k_field_timestamp = 253;
constexpr std::uint8_t k_file_type_activity = 4;

// Session fields (FIT profile, message "session").
constexpr std::uint8_t k_session_start_time = 2;
constexpr std::uint8_t k_session_sport = 5;
constexpr std::uint8_t k_session_sub_sport = 6;
constexpr std::uint8_t k_session_elapsed_ms = 7;
constexpr std::uint8_t k_session_timer_ms = 8;
constexpr std::uint8_t k_session_distance_cm = 9;
constexpr std::uint8_t k_session_avg_hr = 16;
constexpr std::uint8_t k_session_max_hr = 17;
constexpr std::uint8_t k_session_avg_cadence = 18;
constexpr std::uint8_t k_session_max_cadence = 19;
constexpr std::uint8_t k_session_ascent = 22;
constexpr std::uint8_t k_session_descent = 23;
constexpr std::uint8_t k_session_avg_temperature = 57;  // sint8, degrees C
// The sport of a file without a session: its "sport" message (sport 0,
// sub_sport 1), else its first lap's (sport 25, sub_sport 39).
constexpr std::uint8_t k_sport_sport = 0;
constexpr std::uint8_t k_sport_sub_sport = 1;
constexpr std::uint8_t k_lap_sport = 25;
constexpr std::uint8_t k_lap_sub_sport = 39;

// Elapsed and timer time written by one device from one clock differ by
// rounding: up to this much shorter elapsed time is not a broken session.
constexpr std::int64_t k_elapsed_rounding_ms = 1000;
// An elapsed time longer than the timer time by more than the larger of
// this and the timer time itself ("far beyond": 27.9 days for a 2-hour run
// was seen) is not trusted past the session's last record.
constexpr std::int64_t k_elapsed_far_beyond_s = 3600;

struct DecodeError {
  std::int64_t offset;
  std::string message;
  // The stream broke in the data of the input's last FIT file, which ends
  // where its header says: the file was torn while written, not mis-sized.
  bool torn_at_end = false;
};

struct BaseType {
  std::uint8_t size;
  bool is_signed;
  bool is_float;
  std::uint64_t invalid;
};

// FIT protocol document, table 4-6 (base types); strings and unknown types are
// not numbers and are skipped.
std::optional<BaseType> numeric_base_type(std::uint8_t base_type) {
  switch (base_type & 0x1F) {
    case 0x00:
      return BaseType{1, false, false, 0xFF};  // enum
    case 0x01:
      return BaseType{1, true, false, 0x7F};  // sint8
    case 0x02:
      return BaseType{1, false, false, 0xFF};  // uint8
    case 0x03:
      return BaseType{2, true, false, 0x7FFF};  // sint16
    case 0x04:
      return BaseType{2, false, false, 0xFFFF};  // uint16
    case 0x05:
      return BaseType{4, true, false, 0x7FFFFFFF};  // sint32
    case 0x06:
      return BaseType{4, false, false, 0xFFFFFFFF};  // uint32
    case 0x08:
      return BaseType{4, false, true, 0xFFFFFFFF};  // float32
    case 0x09:
      return BaseType{8, false, true, 0xFFFFFFFFFFFFFFFF};  // float64
    case 0x0A:
      return BaseType{1, false, false, 0};  // uint8z
    case 0x0B:
      return BaseType{2, false, false, 0};  // uint16z
    case 0x0C:
      return BaseType{4, false, false, 0};  // uint32z
    case 0x0D:
      return BaseType{1, false, false, 0xFF};  // byte
    case 0x0E:
      return BaseType{8, true, false, 0x7FFFFFFFFFFFFFFF};  // sint64
    case 0x0F:
      return BaseType{8, false, false, 0xFFFFFFFFFFFFFFFF};  // uint64
    case 0x10:
      return BaseType{8, false, false, 0};  // uint64z
    default:
      return std::nullopt;
  }
}

std::uint8_t byte_at(std::string_view bytes, std::size_t i) {
  return static_cast<std::uint8_t>(bytes[i]);
}

std::uint64_t read_unsigned(std::string_view bytes, std::size_t at, std::size_t size,
                            bool big_endian) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const std::size_t index = big_endian ? at + i : at + size - 1 - i;
    value = (value << 8) | byte_at(bytes, index);
  }
  return value;
}

std::optional<double> decode_number(std::string_view bytes, std::size_t at, const BaseType& type,
                                    bool big_endian) {
  const std::uint64_t raw = read_unsigned(bytes, at, type.size, big_endian);
  if (raw == type.invalid) return std::nullopt;
  if (type.is_float) {
    const double value =
        type.size == 4 ? static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(raw)))
                       : std::bit_cast<double>(raw);
    if (!std::isfinite(value)) return std::nullopt;
    return value;
  }
  if (type.is_signed) {
    const unsigned shift = 64U - 8U * type.size;
    const auto value = static_cast<std::int64_t>(raw << shift) >> shift;
    return static_cast<double>(value);
  }
  return static_cast<double>(raw);
}

struct FieldDefinition {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;
};

struct Definition {
  bool big_endian = false;
  std::uint16_t global = 0;
  std::vector<FieldDefinition> fields;
  std::size_t data_size = 0;  // fields plus developer fields
};

// The valid numeric fields of one data message.
struct Message {
  std::int64_t offset = 0;
  std::vector<std::pair<std::uint8_t, double>> values;

  std::optional<double> get(std::uint8_t number) const {
    for (const auto& [n, v] : values) {
      if (n == number) return v;
    }
    return std::nullopt;
  }
};

struct Record {
  std::int64_t timestamp;  // FIT seconds
  model::TrackPoint point;
};

struct Session {
  Message message;
};

// FIT enums as ints; nullopt when absent (the invalid value was dropped).
std::optional<int> enum_value(std::optional<double> value) {
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

bool cadence_in_strides(model::Sport sport) {
  return model::is_running(sport) || sport == model::Sport::walk || sport == model::Sport::hike;
}

// A heart rate or cadence: nullopt for 0, which writers use for "no sensor".
std::optional<double> reading(std::optional<double> value) {
  if (!value || *value <= 0.0) return std::nullopt;
  return value;
}

// "27.9 days", "2.0 h", "45 min", "30 s": a duration in a warning.
std::string spoken_duration(std::int64_t seconds) {
  if (seconds >= 2 * 86400)
    return fmt::format("{:.1f} days", static_cast<double>(seconds) / 86400.0);
  if (seconds >= 2 * 3600) return fmt::format("{:.1f} h", static_cast<double>(seconds) / 3600.0);
  if (seconds >= 120) return fmt::format("{} min", seconds / 60);
  return fmt::format("{} s", seconds);
}

std::chrono::seconds rounded_seconds(double milliseconds_scaled) {
  return std::chrono::seconds{std::llround(milliseconds_scaled / 1000.0)};
}

model::TimePoint time_point_of(std::int64_t fit_seconds) {
  return model::TimePoint{std::chrono::seconds{fit_seconds + k_fit_epoch_unix}};
}

class Decoder {
 public:
  Decoder(std::string_view bytes, ParseResult& result, const ParseContext& context)
      : m_bytes(bytes), m_result(result), m_context(context) {}

  void decode() {
    std::size_t pos = 0;
    try {
      while (pos < m_bytes.size()) pos = decode_file(pos);
    } catch (const DecodeError& error) {
      // A watch that stops mid-recording leaves a file torn in its last
      // message and without a session. Its records up to the tear are a
      // track; totals from a torn file with a session are not trusted.
      if (!error.torn_at_end || !m_sessions.empty() || timed_records() < 2) throw;
      m_torn = error;
    }
    build_activities();
  }

 private:
  [[noreturn]] void fail(std::size_t offset, std::string message) const {
    throw DecodeError{static_cast<std::int64_t>(offset), std::move(message)};
  }

  void warn(std::size_t offset, std::string message) {
    m_result.warnings.push_back(Problem{m_context.file, std::nullopt,
                                        static_cast<std::int64_t>(offset), std::move(message)});
  }

  // Decodes one FIT file starting at `pos`; returns the offset after its CRC.
  std::size_t decode_file(std::size_t pos) {
    const std::size_t remaining = m_bytes.size() - pos;
    if (remaining < 12) {
      fail(pos, fmt::format("{} bytes after the last FIT file are not a FIT header", remaining));
    }
    const std::uint8_t header_size = byte_at(m_bytes, pos);
    if (header_size != 12 && header_size != 14) {
      fail(pos, fmt::format("FIT header size {} is neither 12 nor 14", header_size));
    }
    if (m_bytes.substr(pos + 8, 4) != ".FIT") fail(pos + 8, "no \".FIT\" signature");
    if (remaining < header_size) fail(pos, "the file ends inside the FIT header");
    if (header_size == 14) {
      const auto stored = static_cast<std::uint16_t>(read_unsigned(m_bytes, pos + 12, 2, false));
      if (stored != 0 && stored != fit_crc16(m_bytes.substr(pos, 12))) {
        fail(pos + 12, "the FIT header CRC does not match the header");
      }
    }
    const std::uint64_t data_size = read_unsigned(m_bytes, pos + 4, 4, false);
    if (data_size == 0) fail(pos + 4, "the FIT header gives a data size of 0");
    const std::size_t data_start = pos + header_size;
    if (data_size + 2 > m_bytes.size() - data_start) {
      fail(pos + 4, fmt::format("the FIT header claims {} bytes of data and CRC but only {} remain",
                                data_size + 2, m_bytes.size() - data_start));
    }
    const std::size_t data_end = data_start + static_cast<std::size_t>(data_size);

    const auto stored_crc = static_cast<std::uint16_t>(read_unsigned(m_bytes, data_end, 2, false));
    const bool crc_ok = stored_crc == fit_crc16(m_bytes.substr(pos, data_end - pos));
    try {
      decode_messages(data_start, data_end);
    } catch (DecodeError& error) {
      if (!crc_ok) error.message += " (and the file CRC does not match)";
      error.torn_at_end = data_end + 2 == m_bytes.size();
      throw;
    }
    if (!crc_ok) {
      warn(data_end, "the file CRC does not match; read anyway because every message decoded");
    }
    return data_end + 2;
  }

  void decode_messages(std::size_t pos, std::size_t end) {
    std::array<std::optional<Definition>, 16> definitions;
    std::optional<std::int64_t> last_timestamp;
    while (pos < end) {
      const std::size_t header_at = pos;
      const std::uint8_t header = byte_at(m_bytes, pos++);
      if ((header & 0x80) != 0) {
        // Compressed timestamp header: 5-bit offset from the last full timestamp.
        const auto local = static_cast<std::size_t>((header >> 5) & 0x03);
        if (!last_timestamp) {
          fail(header_at, "a compressed timestamp comes before any full timestamp");
        }
        const std::int64_t time_offset = header & 0x1F;
        std::int64_t timestamp = (*last_timestamp & ~std::int64_t{0x1F}) + time_offset;
        if (time_offset < (*last_timestamp & 0x1F)) timestamp += 0x20;
        last_timestamp = timestamp;
        pos = decode_data(header_at, pos, end, definitions[local], timestamp, last_timestamp);
      } else if ((header & 0x40) != 0) {
        const auto local = static_cast<std::size_t>(header & 0x0F);
        const bool has_developer_fields = (header & 0x20) != 0;
        pos = decode_definition(header_at, pos, end, has_developer_fields, definitions[local]);
      } else {
        const auto local = static_cast<std::size_t>(header & 0x0F);
        pos = decode_data(header_at, pos, end, definitions[local], std::nullopt, last_timestamp);
      }
    }
  }

  void need(std::size_t header_at, std::size_t pos, std::size_t count, std::size_t end,
            std::string_view what) const {
    if (count > end - pos) {
      fail(header_at, fmt::format("{} at byte {} needs {} bytes but the data ends at byte {}", what,
                                  header_at, pos + count - header_at, end));
    }
  }

  std::size_t decode_definition(std::size_t header_at, std::size_t pos, std::size_t end,
                                bool has_developer_fields, std::optional<Definition>& slot) {
    need(header_at, pos, 5, end, "definition message");
    Definition definition;
    const std::uint8_t architecture = byte_at(m_bytes, pos + 1);
    if (architecture > 1) {
      fail(pos + 1, fmt::format("architecture byte {} is neither 0 nor 1", architecture));
    }
    definition.big_endian = architecture == 1;
    definition.global =
        static_cast<std::uint16_t>(read_unsigned(m_bytes, pos + 2, 2, definition.big_endian));
    const std::size_t field_count = byte_at(m_bytes, pos + 4);
    pos += 5;
    need(header_at, pos, 3 * field_count, end, "definition message");
    for (std::size_t i = 0; i < field_count; ++i, pos += 3) {
      const FieldDefinition field{byte_at(m_bytes, pos), byte_at(m_bytes, pos + 1),
                                  byte_at(m_bytes, pos + 2)};
      definition.fields.push_back(field);
      definition.data_size += field.size;
    }
    if (has_developer_fields) {
      need(header_at, pos, 1, end, "definition message");
      const std::size_t developer_count = byte_at(m_bytes, pos++);
      need(header_at, pos, 3 * developer_count, end, "definition message");
      for (std::size_t i = 0; i < developer_count; ++i, pos += 3) {
        definition.data_size += byte_at(m_bytes, pos + 1);
      }
    }
    slot = std::move(definition);
    return pos;
  }

  std::size_t decode_data(std::size_t header_at, std::size_t pos, std::size_t end,
                          const std::optional<Definition>& definition,
                          std::optional<std::int64_t> compressed_timestamp,
                          std::optional<std::int64_t>& last_timestamp) {
    if (!definition) {
      fail(header_at, fmt::format("data message of local type {} has no definition",
                                  byte_at(m_bytes, header_at) & 0x0F));
    }
    need(header_at, pos, definition->data_size, end, "data message");
    // One message reused for every data message: a vector per record was a
    // tenth of the reader's time in malloc and free.
    Message& message = m_message;
    message.values.clear();
    message.offset = static_cast<std::int64_t>(header_at);
    std::size_t at = pos;
    for (const FieldDefinition& field : definition->fields) {
      const auto type = numeric_base_type(field.base_type);
      // A field whose size is not a whole number of its base type (COROS
      // writes such) cannot be interpreted; its bytes are skipped. An array
      // contributes its first element.
      if (type && field.size >= type->size && field.size % type->size == 0) {
        if (auto value = decode_number(m_bytes, at, *type, definition->big_endian)) {
          message.values.emplace_back(field.number, *value);
        }
      }
      at += field.size;
    }
    if (auto timestamp = message.get(k_field_timestamp)) {
      last_timestamp = static_cast<std::int64_t>(*timestamp);
    } else if (compressed_timestamp) {
      message.values.emplace_back(k_field_timestamp, static_cast<double>(*compressed_timestamp));
    }
    handle(definition->global, message);
    return pos + definition->data_size;
  }

  std::int64_t checked_date(double value, std::int64_t offset, std::string_view what) const {
    const auto seconds = static_cast<std::int64_t>(value);
    if (seconds < k_min_date_time) {
      fail(static_cast<std::size_t>(offset),
           fmt::format("{} {} counts seconds since the device powered on, not a date: "
                       "the file does not say when the activity took place",
                       what, seconds));
    }
    return seconds;
  }

  void handle(std::uint16_t global, const Message& message) {
    switch (global) {
      case k_msg_file_id:
        if (auto type = message.get(0); type && *type != k_file_type_activity) {
          fail(static_cast<std::size_t>(message.offset),
               fmt::format("FIT file type {} is not an activity", *type));
        }
        break;
      case k_msg_record:
        handle_record(message);
        break;
      case k_msg_session:
        m_sessions.push_back(Session{message});
        break;
      case k_msg_sport:
        if (!m_sport_message) m_sport_message = message;
        break;
      case k_msg_lap:
        if (!m_first_lap) m_first_lap = message;
        break;
      case k_msg_event:
        // Event "timer" (0) of type stop (1) or stop_all (4) ends a segment.
        if (message.get(0) == 0.0 && (message.get(1) == 1.0 || message.get(1) == 4.0)) {
          if (auto timestamp = message.get(k_field_timestamp)) {
            m_timer_stops.push_back(checked_date(*timestamp, message.offset, "event timestamp"));
          }
        }
        break;
      case k_msg_activity:
        if (auto timestamp = message.get(k_field_timestamp); timestamp && !m_utc_offset) {
          if (auto local = message.get(5)) {
            const auto offset = static_cast<std::int64_t>(*local - *timestamp);
            // Every zone's offset is a whole number of quarter hours; anything
            // else is a device clock set by hand, not an offset to trust.
            if (std::abs(offset) <= k_max_utc_offset_s && offset % k_quarter_hour_s == 0) {
              m_utc_offset = std::chrono::seconds{offset};
            }
          }
        }
        break;
      default:
        break;
    }
  }

  void handle_record(const Message& message) {
    const auto timestamp = message.get(k_field_timestamp);
    if (!timestamp) {
      ++m_untimed_records;
      return;
    }
    Record record{checked_date(*timestamp, message.offset, "record timestamp"), {}};
    model::TrackPoint& point = record.point;
    point.time = time_point_of(record.timestamp);
    const auto lat = message.get(0);
    const auto lon = message.get(1);
    if (lat && lon) {
      point.lat = *lat * k_degrees_per_semicircle;
      point.lon = *lon * k_degrees_per_semicircle;
    }
    if (auto altitude = message.get(78)) {
      point.ele_m = *altitude / 5.0 - 500.0;
    } else if (auto short_altitude = message.get(2)) {
      point.ele_m = *short_altitude / 5.0 - 500.0;
    }
    point.hr_bpm = message.get(3);
    point.cadence_spm = message.get(4);
    if (auto distance = message.get(5)) point.device_distance_m = *distance / 100.0;
    point.temperature_c = message.get(13);  // record.temperature, sint8, degrees C
    m_records.push_back(std::move(record));
  }

  std::size_t timed_records() const { return m_records.size(); }

  void build_activities() {
    std::stable_sort(m_records.begin(), m_records.end(),
                     [](const Record& a, const Record& b) { return a.timestamp < b.timestamp; });
    std::sort(m_timer_stops.begin(), m_timer_stops.end());
    if (m_sessions.empty()) {
      build_from_records();
    } else {
      build_sessions();
    }
    if (m_untimed_records > 0) {
      warn(m_bytes.size(),
           fmt::format("{} record messages without a timestamp were skipped", m_untimed_records));
    }
  }

  // A file without a session (a watch that died, a recorder that never
  // wrote one): one activity from its records, as Garmin's own repair tool
  // rebuilds one.
  void build_from_records() {
    if (m_records.size() < 2) {
      fail(m_bytes.size(),
           "no session message and fewer than two timed records: the file is incomplete or not "
           "an activity");
    }
    const std::int64_t start = m_records.front().timestamp;
    const std::int64_t finish = m_records.back().timestamp;
    model::Activity activity;
    set_start(activity, start);
    activity.sport = fit_sport(enum_value(sport_field(k_sport_sport, k_lap_sport)),
                               enum_value(sport_field(k_sport_sub_sport, k_lap_sub_sport)));
    activity.elapsed = std::chrono::seconds{finish - start};
    const double cadence_factor = cadence_in_strides(activity.sport) ? 2.0 : 1.0;
    activity.distance_m = record_distance(start, std::nullopt);
    activity.sources.push_back(model::Source{"fit", m_context.file, std::nullopt});
    const std::string why =
        m_torn ? fmt::format(
                     "no session message, and the data breaks at byte {}: {}; the "
                     "activity is built from the {} records before the break",
                     m_torn->offset, m_torn->message, m_records.size())
               : fmt::format("no session message; the activity is built from its {} records",
                             m_records.size());
    warn(m_torn ? static_cast<std::size_t>(m_torn->offset) : m_bytes.size(),
         why + " (a watch that stops recording before it saves the activity leaves such a file)");
    push_activity(std::move(activity), track_between(start, std::nullopt, cadence_factor));
  }

  std::optional<double> sport_field(std::uint8_t in_sport, std::uint8_t in_lap) const {
    if (m_sport_message)
      if (auto value = m_sport_message->get(in_sport)) return value;
    if (m_first_lap) return m_first_lap->get(in_lap);
    return std::nullopt;
  }

  // Sessions in time order; each one's records run to the next one's start
  // (a multisport file's sessions never share a record), the last one's to
  // the end of the file.
  void build_sessions() {
    std::vector<std::pair<std::int64_t, const Message*>> starts;
    for (const Session& session : m_sessions)
      starts.emplace_back(session_start(session.message), &session.message);
    std::stable_sort(starts.begin(), starts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < starts.size(); ++i) {
      std::optional<std::int64_t> next;
      if (i + 1 < starts.size()) next = starts[i + 1].first;
      build_activity(*starts[i].second, starts[i].first, next);
    }
  }

  std::int64_t session_start(const Message& session) const {
    if (auto start_time = session.get(k_session_start_time))
      return checked_date(*start_time, session.offset, "session start_time");
    const auto timestamp = session.get(k_field_timestamp);
    const auto elapsed_ms = session.get(k_session_elapsed_ms);
    if (!timestamp || !elapsed_ms)
      fail(static_cast<std::size_t>(session.offset), "session message without a start time");
    return checked_date(*timestamp, session.offset, "session timestamp") -
           std::llround(*elapsed_ms / 1000.0);
  }

  void set_start(model::Activity& activity, std::int64_t start) const {
    const date::sys_seconds start_utc{std::chrono::seconds{start + k_fit_epoch_unix}};
    if (m_utc_offset) {
      activity.start_utc = start_utc;
      activity.utc_offset = *m_utc_offset;
      activity.offset_origin = model::OffsetOrigin::file;
    } else {
      model::set_start_in_zone(activity, start_utc, m_context.zone);
    }
  }

  // The last record's time in [start, before), if any.
  std::optional<std::int64_t> last_record(std::int64_t start,
                                          std::optional<std::int64_t> before) const {
    std::optional<std::int64_t> last;
    for (const Record& record : records_in(start, before)) last = record.timestamp;
    return last;
  }

  // The records of [start, before) (to the end when `before` is nullopt).
  std::span<const Record> records_in(std::int64_t start, std::optional<std::int64_t> before) const {
    const auto first =
        std::lower_bound(m_records.begin(), m_records.end(), start,
                         [](const Record& record, std::int64_t t) { return record.timestamp < t; });
    const auto last = before ? std::lower_bound(first, m_records.end(), *before,
                                                [](const Record& record, std::int64_t t) {
                                                  return record.timestamp < t;
                                                })
                             : m_records.end();
    return {first, last};
  }

  // The distance the device recorded over [start, before): its last record
  // distance less its first. nullopt when no record there carries one.
  std::optional<double> record_distance(std::int64_t start,
                                        std::optional<std::int64_t> before) const {
    std::optional<double> first, last;
    for (const Record& record : records_in(start, before)) {
      if (!record.point.device_distance_m) continue;
      if (!first) first = record.point.device_distance_m;
      last = record.point.device_distance_m;
    }
    if (!first) return std::nullopt;
    return std::max(0.0, *last - *first);
  }

  // Elapsed time: the session's, made no shorter than its timer time (some
  // apps write it shorter; within k_elapsed_rounding_ms it is rounding) and,
  // when it is far beyond the timer time, no longer than to its last record.
  std::optional<std::chrono::seconds> session_elapsed(const Message& session, std::int64_t start,
                                                      std::optional<std::int64_t> next) {
    const auto elapsed_ms = session.get(k_session_elapsed_ms);
    const auto timer_ms = session.get(k_session_timer_ms);
    const auto timestamp = session.get(k_field_timestamp);
    const auto offset = static_cast<std::size_t>(session.offset);
    if (!elapsed_ms) {
      if (!timestamp) return std::nullopt;  // from the records
      return std::chrono::seconds{checked_date(*timestamp, session.offset, "session timestamp") -
                                  start};
    }
    std::int64_t elapsed = std::llround(*elapsed_ms / 1000.0);
    if (!timer_ms) return std::chrono::seconds{elapsed};
    const std::int64_t timer = std::llround(*timer_ms / 1000.0);
    if (*timer_ms > *elapsed_ms + static_cast<double>(k_elapsed_rounding_ms)) {
      // The session ends no sooner than its timer ran, or its own end
      // timestamp if later.
      std::int64_t finish = std::max(start + elapsed, start + timer);
      if (timestamp)
        finish = std::max(finish, checked_date(*timestamp, session.offset, "session timestamp"));
      warn(offset,
           fmt::format("session elapsed time {:.0f} s is shorter than its timer time {:.0f} s; "
                       "elapsed time taken as {} s, to the session's end",
                       *elapsed_ms / 1000.0, *timer_ms / 1000.0, finish - start));
      return std::chrono::seconds{finish - start};
    }
    if (timer > elapsed) return std::chrono::seconds{timer};  // rounding
    if (elapsed - timer > std::max(k_elapsed_far_beyond_s, timer)) {
      if (const auto last = last_record(start, next); last && *last - start < elapsed) {
        const std::int64_t bounded = std::max(timer, *last - start);
        warn(offset, fmt::format("session elapsed time {} is far beyond its timer time {}; "
                                 "elapsed time taken as {}, to its last record",
                                 spoken_duration(elapsed), spoken_duration(timer),
                                 spoken_duration(bounded)));
        return std::chrono::seconds{bounded};
      }
    }
    return std::chrono::seconds{elapsed};
  }

  void build_activity(const Message& session, std::int64_t start,
                      std::optional<std::int64_t> next) {
    model::Activity activity;
    set_start(activity, start);
    activity.sport = fit_sport(enum_value(session.get(k_session_sport)),
                               enum_value(session.get(k_session_sub_sport)));
    const double cadence_factor = cadence_in_strides(activity.sport) ? 2.0 : 1.0;
    if (auto distance = session.get(k_session_distance_cm)) {
      activity.distance_m = *distance / 100.0;
    } else {
      // A session without its total (Suunto multisport legs): the distance
      // the device recorded, which the track's positions may not reach.
      activity.distance_m = record_distance(start, next);
    }
    activity.elapsed = session_elapsed(session, start, next);
    if (auto timer_ms = session.get(k_session_timer_ms))
      activity.moving = rounded_seconds(*timer_ms);
    if (activity.moving && activity.elapsed && *activity.moving > *activity.elapsed)
      activity.moving = activity.elapsed;
    activity.elevation_gain_m = session.get(k_session_ascent);
    activity.elevation_loss_m = session.get(k_session_descent);
    // Zero is no reading, not a heart rate or a cadence (writers that
    // zero-fill a missing sensor); the records may still give one.
    activity.avg_hr = reading(session.get(k_session_avg_hr));
    activity.max_hr = reading(session.get(k_session_max_hr));
    if (auto cadence = reading(session.get(k_session_avg_cadence)))
      activity.avg_cadence = *cadence * cadence_factor;
    if (auto cadence = reading(session.get(k_session_max_cadence)))
      activity.max_cadence = *cadence * cadence_factor;
    // The device's sensor; outside -60 to 60 degrees C a fault, not weather.
    if (auto celsius = session.get(k_session_avg_temperature);
        celsius && *celsius >= -60.0 && *celsius <= 60.0)
      activity.temperature = model::Temperature{*celsius, model::TemperatureSource::device};
    activity.sources.push_back(model::Source{"fit", m_context.file, std::nullopt});
    push_activity(std::move(activity), track_between(start, next, cadence_factor));
  }

  void push_activity(model::Activity activity, std::optional<model::Track> track) {
    ParsedActivity parsed;
    parsed.activity = std::move(activity);
    parsed.track = std::move(track);
    m_result.activities.push_back(std::move(parsed));
  }

  std::optional<model::Track> track_between(std::int64_t start, std::optional<std::int64_t> before,
                                            double cadence_factor) const {
    const auto records = records_in(start, before);
    if (records.empty()) return std::nullopt;
    model::Track track;
    track.segments.emplace_back();
    std::optional<std::int64_t> previous;
    for (const Record& record : records) {
      if (previous && stopped_between(*previous, record.timestamp)) track.segments.emplace_back();
      model::TrackPoint point = record.point;
      if (point.cadence_spm) *point.cadence_spm *= cadence_factor;
      track.segments.back().push_back(point);
      previous = record.timestamp;
    }
    return track;
  }

  // True when the timer stopped at or after `from` and before `to`.
  bool stopped_between(std::int64_t from, std::int64_t to) const {
    const auto stop = std::lower_bound(m_timer_stops.begin(), m_timer_stops.end(), from);
    return stop != m_timer_stops.end() && *stop < to;
  }

  std::string_view m_bytes;
  ParseResult& m_result;
  const ParseContext& m_context;
  std::vector<Session> m_sessions;
  Message m_message;  // the data message being decoded (decode_data)
  std::vector<Record> m_records;
  std::vector<std::int64_t> m_timer_stops;
  std::optional<std::chrono::seconds> m_utc_offset;
  std::optional<Message> m_sport_message;
  std::optional<Message> m_first_lap;
  std::optional<DecodeError> m_torn;  // a session-less file's stream broke here
  std::size_t m_untimed_records = 0;
};

}  // namespace

std::uint16_t fit_crc16(std::string_view bytes, std::uint16_t crc) noexcept {
  for (const char c : bytes)
    crc = static_cast<std::uint16_t>((crc >> 8) ^
                                     k_crc_table[(crc ^ static_cast<std::uint8_t>(c)) & 0xFFU]);
  return crc;
}

ParseResult read_fit(std::string_view bytes, const ParseContext& context) {
  ParseResult result;
  try {
    Decoder(bytes, result, context).decode();
    add_track_metrics(result, Totals::device);
  } catch (const DecodeError& error) {
    result.activities.clear();
    result.errors.push_back(Problem{context.file, std::nullopt, error.offset, error.message});
  }
  return result;
}

}  // namespace runload::import
