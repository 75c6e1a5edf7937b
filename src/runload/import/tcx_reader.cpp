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
#include <runload/import/track_metrics.hpp>
#include <runload/import/values.hpp>
#include <runload/import/xml.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {
namespace {

using xml::child;
using xml::children;
using xml::number;

// ISO 8601 with Z or a numeric offset, optional fractional seconds: the
// parser GPX uses (no date::parse, whose %T converts seconds it failed to read).
std::optional<model::TimePoint> parse_time(std::string_view raw) {
  const auto time = parse_iso_time(raw);
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
  // Lines are counted before the in-situ parse rewrites the buffer.
  TcxReader(std::string& buffer, ParseResult& result, const ParseContext& context)
      : m_buffer(buffer), m_result(result), m_context(context), m_lines(buffer) {}

  void read() {
    const auto parsed = m_document.load_buffer_inplace(m_buffer.data(), m_buffer.size());
    if (!parsed) {
      error(parsed.offset, fmt::format("not well-formed XML: {}", parsed.description()));
      return;
    }
    const auto activities = xml::descendants(m_document, "Activity");
    if (activities.empty()) {
      const auto courses = xml::descendants(m_document, "Course");
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
  std::int64_t line(std::ptrdiff_t offset) const { return m_lines.line_of(offset); }

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
    std::optional<model::TimePoint> start = parse_time(xml::text(child(node, "Id")));
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
      point.time = parse_time(xml::text(child(tp, "Time")));
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
  xml::LineIndex m_lines;
};

}  // namespace

ParseResult read_tcx(std::string& buffer, const ParseContext& context) {
  ParseResult result;
  TcxReader(buffer, result, context).read();
  add_track_metrics(result, Totals::device);
  return result;
}

}  // namespace runload::import
