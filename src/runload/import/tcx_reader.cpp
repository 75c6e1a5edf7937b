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
#include <runload/import/sport_labels.hpp>
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

  // Trackpoints whose position cannot be used, for one warning per activity.
  struct PointCounts {
    std::size_t bad_positions = 0;
    std::optional<std::ptrdiff_t> first_bad;
  };

  // The laps of an activity, without those that start at the same instant
  // as an earlier one: a lap written twice (seen in Garmin Connect exports)
  // would double the distance. One warning counts them.
  std::vector<pugi::xml_node> distinct_laps(const pugi::xml_node& activity) {
    std::vector<pugi::xml_node> laps;
    std::vector<model::TimePoint> starts;
    std::size_t repeated = 0;
    std::optional<std::ptrdiff_t> first_repeated;
    for (const pugi::xml_node& lap : children(activity, "Lap")) {
      const auto start = parse_time(lap.attribute("StartTime").value());
      if (start && std::find(starts.begin(), starts.end(), *start) != starts.end()) {
        ++repeated;
        if (!first_repeated) first_repeated = lap.offset_debug();
        continue;
      }
      if (start) starts.push_back(*start);
      laps.push_back(lap);
    }
    if (repeated > 0)
      warn(*first_repeated,
           fmt::format("{} lap(s) start at the same instant as an earlier lap of the activity: "
                       "dropped as duplicates",
                       repeated));
    return laps;
  }

  // The laps' device totals: distance, timer time (TotalTimeSeconds is the
  // time the timer ran, pauses excluded) and heart rate weighted by lap time.
  struct LapTotals {
    std::optional<double> distance_m, timer_s, max_hr;
    double hr_weighted = 0.0, hr_seconds = 0.0;
    std::optional<model::TimePoint> first_start;
    std::optional<model::TimePoint> last_end;  // latest lap start + its timer time
  };

  LapTotals lap_totals(const std::vector<pugi::xml_node>& laps) {
    LapTotals t;
    for (const pugi::xml_node& lap : laps) {
      const auto lap_seconds = number(child(lap, "TotalTimeSeconds"));
      if (lap_seconds) t.timer_s = t.timer_s.value_or(0) + *lap_seconds;
      if (auto d = number(child(lap, "DistanceMeters")))
        t.distance_m = t.distance_m.value_or(0) + *d;
      if (auto hr = number(child(child(lap, "AverageHeartRateBpm"), "Value"));
          hr && *hr > 0 && lap_seconds) {
        t.hr_weighted += *hr * *lap_seconds;
        t.hr_seconds += *lap_seconds;
      }
      if (auto hr = number(child(child(lap, "MaximumHeartRateBpm"), "Value")); hr && *hr > 0)
        t.max_hr = std::max(t.max_hr.value_or(0), *hr);
      const auto start = parse_time(lap.attribute("StartTime").value());
      if (!start) continue;
      if (!t.first_start || *start < *t.first_start) t.first_start = start;
      if (lap_seconds && std::isfinite(*lap_seconds) && *lap_seconds >= 0 &&
          *lap_seconds <= static_cast<double>(k_max_activity_duration.count())) {
        const auto end = *start + std::chrono::milliseconds{std::llround(*lap_seconds * 1000.0)};
        if (!t.last_end || end > *t.last_end) t.last_end = end;
      }
    }
    return t;
  }

  // The first and last instants the file recorded: trackpoint times, lap
  // starts, and each lap's start plus its timer time (a lap ends no
  // sooner). Garmin Connect writes <Id> rounded down to the minute, so it is
  // the start only when nothing else is timed.
  struct Span {
    std::optional<model::TimePoint> first, last;
  };

  static Span recorded_span(const model::Track& track, const LapTotals& laps) {
    Span span{laps.first_start, laps.last_end};
    if (!span.last) span.last = laps.first_start;
    for (const auto& segment : track.segments) {
      for (const auto& point : segment) {
        if (!point.time) continue;
        if (!span.first || *point.time < *span.first) span.first = point.time;
        if (!span.last || *point.time > *span.last) span.last = point.time;
      }
    }
    return span;
  }

  void read_activity(const pugi::xml_node& node) {
    model::Activity activity;
    activity.sport = tcx_sport(node.attribute("Sport").value());
    const auto laps = distinct_laps(node);
    const LapTotals totals = lap_totals(laps);
    if (totals.timer_s &&
        !(*totals.timer_s >= 0 &&
          *totals.timer_s <= static_cast<double>(k_max_activity_duration.count()))) {
      error(node.offset_debug(),
            fmt::format("the laps' TotalTimeSeconds add up to {} s, outside 0 to {} s",
                        *totals.timer_s, k_max_activity_duration.count()));
      return;
    }
    model::Track track;
    PointCounts points;
    for (const pugi::xml_node& lap : laps)
      for (const pugi::xml_node& t : children(lap, "Track"))
        read_track(t, activity.sport, track, points);
    warn_positions(points);

    Span span = recorded_span(track, totals);
    if (!span.first) span.first = span.last = parse_time(xml::text(child(node, "Id")));
    if (!span.first) {
      error(node.offset_debug(), "activity without a start time (Id or Lap StartTime)");
      return;
    }
    const auto elapsed = std::chrono::round<std::chrono::seconds>(*span.last - *span.first);
    if (elapsed > k_max_activity_duration) {
      error(node.offset_debug(), fmt::format("the activity spans {} s, more than {} s",
                                             elapsed.count(), k_max_activity_duration.count()));
      return;
    }
    model::set_start_in_zone(activity, date::floor<std::chrono::seconds>(*span.first),
                             m_context.zone);
    activity.distance_m = totals.distance_m;
    activity.elapsed = elapsed;
    if (totals.timer_s) activity.moving = std::chrono::seconds{std::llround(*totals.timer_s)};
    if (activity.moving && *activity.moving > *activity.elapsed) activity.elapsed = activity.moving;
    if (totals.hr_seconds > 0) activity.avg_hr = totals.hr_weighted / totals.hr_seconds;
    activity.max_hr = totals.max_hr;
    activity.sources.push_back(model::Source{"tcx", m_context.file, std::nullopt});
    ParsedActivity parsed;
    parsed.activity = std::move(activity);
    if (track.point_count() > 0) parsed.track = std::move(track);
    m_result.activities.push_back(std::move(parsed));
  }

  void warn_positions(const PointCounts& points) {
    if (points.bad_positions == 0) return;
    warn(*points.first_bad,
         fmt::format("{} trackpoint position(s) are not a valid latitude/longitude (or are "
                     "exactly 0/0) and were dropped; the points keep their other values",
                     points.bad_positions));
  }

  void read_track(const pugi::xml_node& node, model::Sport sport, model::Track& track,
                  PointCounts& points) {
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
          ++points.bad_positions;
          if (!points.first_bad) points.first_bad = position.offset_debug();
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
