#include <runload/import/tcx_reader.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <sstream>

#include <date/date.h>
#include <fmt/format.h>
#include <pugixml.hpp>

#include <runload/import/iso_time.hpp>
#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {
namespace {

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  }
  return out;
}

// Every descendant element named `name`, in document order, not descending into matches.
void collect(const pugi::xml_node& node, std::string_view name, std::vector<pugi::xml_node>& out) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c) == name) {
      out.push_back(c);
    } else {
      collect(c, name, out);
    }
  }
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

std::optional<double> number(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  const std::string_view text = trimmed(node.child_value());
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// ISO 8601 with Z or a numeric offset, optional fractional seconds: the
// parser GPX uses (no date::parse, whose %T converts seconds it failed to read).
std::optional<model::TimePoint> parse_time(std::string_view raw) {
  const auto time = parse_iso_time(trimmed(raw));
  if (!time) return std::nullopt;
  return time->utc;
}

model::Sport sport_of(std::string_view attribute) {
  const std::string lower = text::to_lower(attribute);
  if (lower == "running") return model::Sport::run;
  if (lower == "biking") return model::Sport::ride;
  return model::Sport::other;
}

class TcxReader {
 public:
  TcxReader(std::string& buffer, ParseResult& result, const ParseContext& context)
      : m_buffer(buffer), m_result(result), m_context(context) {}

  void read() {
    // Lines are counted before the in-situ parse rewrites the buffer.
    m_newlines.clear();
    for (std::size_t i = 0; i < m_buffer.size(); ++i) {
      if (m_buffer[i] == '\n') m_newlines.push_back(i);
    }
    const auto parsed = m_document.load_buffer_inplace(m_buffer.data(), m_buffer.size());
    if (!parsed) {
      error(parsed.offset, fmt::format("not well-formed XML: {}", parsed.description()));
      return;
    }
    std::vector<pugi::xml_node> activities;
    collect(m_document, "Activity", activities);
    if (activities.empty()) {
      std::vector<pugi::xml_node> courses;
      collect(m_document, "Course", courses);
      if (!courses.empty()) {
        error(courses.front().offset_debug(),
              "this TCX file holds a course (a planned route), not an activity");
      } else {
        error(0, "no Activity element: not a TCX activity file");
      }
      return;
    }
    for (const pugi::xml_node& activity : activities) read_activity(activity);
    if (!m_result.ok()) m_result.activities.clear();
  }

 private:
  std::int64_t line(std::ptrdiff_t offset) const {
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
    return 1 + std::distance(m_newlines.begin(),
                             std::lower_bound(m_newlines.begin(), m_newlines.end(), at));
  }

  void error(std::ptrdiff_t offset, std::string message) {
    m_result.errors.push_back(
        Problem{m_context.file, line(offset), std::nullopt, std::move(message)});
  }
  void warn(std::ptrdiff_t offset, std::string message) {
    m_result.warnings.push_back(
        Problem{m_context.file, line(offset), std::nullopt, std::move(message)});
  }

  void read_activity(const pugi::xml_node& node) {
    model::Activity activity;
    activity.sport = sport_of(node.attribute("Sport").value());
    const auto laps = children(node, "Lap");
    std::optional<model::TimePoint> start = parse_time(child(node, "Id").child_value());
    if (!start && !laps.empty()) start = parse_time(laps.front().attribute("StartTime").value());
    if (!start) {
      error(node.offset_debug(), "activity without a start time (Id or Lap StartTime)");
      return;
    }
    model::set_start_in_zone(activity, date::floor<std::chrono::seconds>(*start), m_context.zone);
    std::optional<double> distance, seconds, max_hr;
    double hr_weighted = 0, hr_seconds = 0;
    model::Track track;
    for (const pugi::xml_node& lap : laps) {
      const auto lap_seconds = number(child(lap, "TotalTimeSeconds"));
      if (lap_seconds) seconds = seconds.value_or(0) + *lap_seconds;
      if (auto d = number(child(lap, "DistanceMeters"))) distance = distance.value_or(0) + *d;
      if (auto hr = number(child(child(lap, "AverageHeartRateBpm"), "Value")); hr && lap_seconds) {
        hr_weighted += *hr * *lap_seconds;
        hr_seconds += *lap_seconds;
      }
      if (auto hr = number(child(child(lap, "MaximumHeartRateBpm"), "Value"))) {
        max_hr = std::max(max_hr.value_or(0), *hr);
      }
      for (const pugi::xml_node& t : children(lap, "Track")) read_track(t, activity.sport, track);
    }
    if (seconds &&
        !(*seconds >= 0 && *seconds <= static_cast<double>(k_max_activity_duration.count()))) {
      error(node.offset_debug(),
            fmt::format("the laps' TotalTimeSeconds add up to {} s, outside 0 to {} s", *seconds,
                        k_max_activity_duration.count()));
      return;
    }
    activity.distance_m = distance;
    if (seconds) activity.elapsed = std::chrono::seconds{std::llround(*seconds)};
    if (hr_seconds > 0) activity.avg_hr = hr_weighted / hr_seconds;
    activity.max_hr = max_hr;
    activity.sources.push_back(model::Source{"tcx", m_context.file, std::nullopt});
    ParsedActivity parsed;
    parsed.activity = std::move(activity);
    if (track.point_count() > 0) parsed.track = std::move(track);
    m_result.activities.push_back(std::move(parsed));
  }

  void read_track(const pugi::xml_node& node, model::Sport sport, model::Track& track) {
    model::Segment segment;
    for (const pugi::xml_node& tp : children(node, "Trackpoint")) {
      model::TrackPoint point;
      point.time = parse_time(child(tp, "Time").child_value());
      if (const auto position = child(tp, "Position")) {
        const auto lat = number(child(position, "LatitudeDegrees"));
        const auto lon = number(child(position, "LongitudeDegrees"));
        if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180 &&
            !(*lat == 0 && *lon == 0)) {
          point.lat = lat;
          point.lon = lon;
        } else {
          warn(position.offset_debug(), "position is not a valid latitude/longitude; dropped");
        }
      }
      point.ele_m = number(child(tp, "AltitudeMeters"));
      point.device_distance_m = number(child(tp, "DistanceMeters"));
      point.hr_bpm = number(child(child(tp, "HeartRateBpm"), "Value"));
      point.cadence_spm = number(child(tp, "Cadence"));
      if (const auto tpx = child(child(tp, "Extensions"), "TPX")) {
        if (auto run_cadence = number(child(tpx, "RunCadence"))) {
          point.cadence_spm = *run_cadence * (model::is_running(sport) ? 2.0 : 1.0);
        }
      }
      segment.push_back(point);
    }
    if (!segment.empty()) track.segments.push_back(std::move(segment));
  }

  std::string& m_buffer;
  ParseResult& m_result;
  const ParseContext& m_context;
  pugi::xml_document m_document;
  std::vector<std::size_t> m_newlines;
};

}  // namespace

ParseResult read_tcx(std::string& buffer, const ParseContext& context) {
  ParseResult result;
  TcxReader(buffer, result, context).read();
  return result;
}

}  // namespace runload::import
