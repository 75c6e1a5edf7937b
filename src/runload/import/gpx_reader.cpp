#include <runload/import/gpx_reader.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <runload/import/csv_reader.hpp>
#include <runload/import/iso_time.hpp>
#include <runload/import/track_metrics.hpp>
#include <runload/import/values.hpp>
#include <runload/import/xml.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/utf8.hpp>

namespace runload::import {

using text::trim;

namespace {

// Extensions nest two or three levels (extensions > TrackPointExtension > hr);
// a bound keeps a hostile file from making the walk deep.
constexpr int k_max_extension_depth = 4;

using xml::child;
using xml::local_name;

struct Reader {
  const ParseContext& ctx;
  const xml::LineIndex& lines;
  ParseResult& result;

  void error_at(pugi::xml_node node, std::string message) {
    result.errors.push_back(
        Problem{ctx.file, lines.line_of(node.offset_debug()), std::nullopt, std::move(message)});
  }

  std::optional<double> coordinate(pugi::xml_node point, const char* name, double limit) {
    const auto attr = point.attribute(name);
    if (!attr) {
      error_at(point, fmt::format("<{}> without a {} attribute", point.name(), name));
      return std::nullopt;
    }
    const auto value = parse_number(attr.value());
    if (!value || std::abs(*value) > limit) {
      error_at(point, fmt::format("invalid {} \"{}\"", name, attr.value()));
      return std::nullopt;
    }
    return value;
  }

  void read_extensions(pugi::xml_node node, model::TrackPoint& point, int depth) {
    if (depth > k_max_extension_depth) return;
    for (auto element : node.children()) {
      if (element.type() != pugi::node_element) continue;
      const auto name = local_name(element.name());
      if (name == "hr" || name == "heartrate") {
        point.hr_bpm = parse_number(xml::text(element));
      } else if (name == "cad" || name == "cadence") {
        point.cadence_spm = parse_number(xml::text(element));
      } else if (name == "atemp") {
        point.temperature_c = parse_number(xml::text(element));
      } else {
        read_extensions(element, point, depth + 1);
      }
    }
  }

  // Reads one trkpt; returns false after reporting an error.
  bool read_point(pugi::xml_node node, model::TrackPoint& point,
                  std::optional<std::chrono::seconds>& stated_offset, bool& offset_seen) {
    point.lat = coordinate(node, "lat", 90.0);
    point.lon = coordinate(node, "lon", 180.0);
    if (!point.lat || !point.lon) return false;
    for (auto element : node.children()) {
      if (element.type() != pugi::node_element) continue;
      const auto name = local_name(element.name());
      if (name == "ele") {
        const auto text = xml::text(element);
        if (text.empty()) continue;
        point.ele_m = parse_number(text);
        if (!point.ele_m) {
          error_at(element, fmt::format("invalid elevation \"{}\"", text));
          return false;
        }
      } else if (name == "time") {
        const auto text = xml::text(element);
        if (text.empty()) continue;
        const auto t = parse_iso_time(text);
        if (!t) {
          error_at(element, fmt::format("invalid time \"{}\"", text));
          return false;
        }
        point.time = t->utc;
        if (!offset_seen) {
          stated_offset = t->stated_offset;
          offset_seen = true;
        }
      } else if (name == "extensions") {
        read_extensions(element, point, 1);
      }
    }
    return true;
  }
};

// What the document held, for saying why it gave no activity.
struct Counts {
  std::size_t tracks = 0, track_points = 0, timed_points = 0, still_tracks = 0, too_fast_tracks = 0,
              routes = 0, waypoints = 0;
};

// The root <gpx> element of `buffer`, parsed in place; nullopt after
// reporting why there is none (empty, not XML, malformed, another root).
std::optional<pugi::xml_node> open_gpx(std::string& buffer, pugi::xml_document& doc,
                                       const xml::LineIndex& lines, const ParseContext& ctx,
                                       ParseResult& result) {
  const std::size_t size = buffer.size();
  // Bytes that are not XML at all (a PNG named .gpx) make pugixml find no
  // element, as an empty file does: only the latter is an empty document.
  const bool blank = buffer.find_first_not_of(" \t\r\n") == std::string::npos;
  const auto parsed = doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default,
                                              pugi::encoding_auto);
  if (!parsed) {
    if (parsed.status == pugi::status_no_document_element) {
      result.errors.push_back(
          Problem{ctx.file, std::nullopt, std::nullopt,
                  blank ? std::string("empty document: no <gpx> element")
                        : fmt::format("not an XML document: no element in its {} bytes", size)});
    } else {
      result.errors.push_back(Problem{ctx.file, lines.line_of(parsed.offset), std::nullopt,
                                      fmt::format("malformed XML: {}", parsed.description())});
    }
    return std::nullopt;
  }
  const pugi::xml_node gpx = doc.document_element();
  if (local_name(gpx.name()) != "gpx") {
    result.errors.push_back(
        Problem{ctx.file, lines.line_of(gpx.offset_debug()), std::nullopt,
                fmt::format("not a GPX document: the root element is <{}>", gpx.name())});
    return std::nullopt;
  }
  return gpx;
}

// The points of a <trk>, one segment per <trkseg>; false after reporting a
// point that cannot be read. `offset` is the UTC offset its first time states.
bool read_track(Reader& reader, pugi::xml_node trk, model::Track& track,
                std::optional<std::chrono::seconds>& offset, Counts& counts) {
  bool offset_seen = false;
  for (auto seg : trk.children()) {
    if (seg.type() != pugi::node_element || local_name(seg.name()) != "trkseg") continue;
    model::Segment& segment = track.segments.emplace_back();
    for (auto pt : seg.children()) {
      if (pt.type() != pugi::node_element || local_name(pt.name()) != "trkpt") continue;
      ++counts.track_points;
      model::TrackPoint point;
      if (!reader.read_point(pt, point, offset, offset_seen)) return false;
      segment.push_back(point);
    }
  }
  return true;
}

// TrackPointExtension writes one leg's strides; runload keeps steps per
// minute for every foot sport (85 becomes 170).
void cadence_in_steps(model::Track& track) {
  for (auto& segment : track.segments)
    for (auto& point : segment)
      if (point.cadence_spm) *point.cadence_spm *= 2.0;
}

// Why a file gave no activity, from what it held.
std::string no_activity_message(const Counts& c) {
  if (c.still_tracks > 0) return "no movement: the timed track points all stay at one position";
  if (c.too_fast_tracks > 0)
    return fmt::format(
        "too few track points: every point after the first implies more than {} m/s (a vehicle "
        "or GPS glitches, not a run)",
        k_glitch_speed_mps);
  if (c.timed_points > 0)
    return "too few track points with time: no track has two points with distinct times";
  if (c.track_points > 0)
    return fmt::format(
        "no track points with time: the track has {} point(s) but none has a <time> (a route "
        "drawn on a map?)",
        c.track_points);
  if (c.tracks > 0)
    return "no track points with time: the track is empty (no <trkpt> in its <trkseg>)";
  if (c.routes > 0) return "no track points with time: this looks like a planned route (rte)";
  if (c.waypoints > 0) return "no track points with time: the file holds only waypoints (wpt)";
  return "no track points with time: the document has no track, route or waypoint (metadata "
         "only or empty)";
}

// The activity of one <trk> whose metrics are `metrics`; nullopt after
// reporting a name that is not UTF-8.
std::optional<ParsedActivity> track_activity(Reader& reader, pugi::xml_node trk,
                                             const TrackMetrics& metrics,
                                             const std::optional<std::chrono::seconds>& offset,
                                             model::Sport sport, const std::string& fallback_name) {
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  const auto start = date::floor<std::chrono::seconds>(*metrics.start);
  if (offset) {
    a.start_utc = start;
    a.utc_offset = *offset;
    a.offset_origin = model::OffsetOrigin::file;
  } else {
    model::set_start_in_zone(a, start, reader.ctx.zone);
  }
  a.sport = sport;
  a.name = std::string(xml::text(child(trk, "name")));
  if (a.name.empty()) a.name = fallback_name;
  // pugixml passes the bytes of a document declared UTF-8 through unchecked.
  if (const auto bad = text::first_bad_byte(a.name)) {
    reader.error_at(trk,
                    fmt::format("the track name is not UTF-8 text (byte {} of it is 0x{:02X}); "
                                "save the file as UTF-8",
                                *bad, static_cast<unsigned char>(a.name[*bad])));
    return std::nullopt;
  }
  apply_metrics(metrics, a);
  a.sources.push_back(model::Source{"gpx", reader.ctx.file, std::nullopt});
  const auto dropped =
      metrics.glitches_dropped + metrics.non_increasing_dropped + metrics.untimed_dropped;
  if (dropped > 0) {
    reader.result.warnings.push_back(
        Problem{reader.ctx.file, reader.lines.line_of(trk.offset_debug()), std::nullopt,
                fmt::format("track \"{}\": dropped {} GPS glitch point(s) (over {} m/s), {} "
                            "whose time did not increase and {} without a time",
                            a.name, metrics.glitches_dropped, k_glitch_speed_mps,
                            metrics.non_increasing_dropped, metrics.untimed_dropped)});
  }
  return parsed;
}

}  // namespace

model::Sport gpx_sport(std::string_view type) {
  return sport_from_label(type);
}

ParseResult read_gpx(std::string& buffer, const ParseContext& ctx) {
  ParseResult result;
  const xml::LineIndex lines(buffer);
  pugi::xml_document doc;
  const auto gpx = open_gpx(buffer, doc, lines, ctx, result);
  if (!gpx) return result;

  Reader reader{ctx, lines, result};
  const std::string metadata_name(xml::text(child(child(*gpx, "metadata"), "name")));
  Counts counts;
  for (auto trk : gpx->children()) {
    if (trk.type() != pugi::node_element) continue;
    const auto kind = local_name(trk.name());
    if (kind == "rte") ++counts.routes;
    if (kind == "wpt") ++counts.waypoints;
    if (kind != "trk") continue;
    ++counts.tracks;

    model::Track track;
    std::optional<std::chrono::seconds> offset;
    if (!read_track(reader, trk, track, offset, counts)) return result;
    const model::Sport sport = gpx_sport(xml::text(child(trk, "type")));
    if (is_foot_sport(sport)) cadence_in_steps(track);
    const TrackMetrics metrics = compute_track_metrics(track);
    counts.timed_points += metrics.kept_points;
    // One timed point is a position fix, not an activity; a track whose
    // points never move (a location-history "stay") is not one either.
    if (metrics.kept_points < 2) {
      counts.too_fast_tracks += metrics.glitches_dropped > 0 ? 1 : 0;
      continue;
    }
    if (metrics.distance_m && *metrics.distance_m <= 0.0) {
      ++counts.still_tracks;
      continue;
    }
    auto activity = track_activity(reader, trk, metrics, offset, sport, metadata_name);
    if (!activity) return result;
    result.activities.push_back(std::move(*activity));
  }

  if (counts.still_tracks > 0 && !result.activities.empty()) {
    result.warnings.push_back(Problem{
        ctx.file, std::nullopt, std::nullopt,
        fmt::format("{} track(s) whose points never move were skipped", counts.still_tracks)});
  }
  if (result.activities.empty())
    result.errors.push_back(
        Problem{ctx.file, std::nullopt, std::nullopt, no_activity_message(counts)});
  return result;
}

}  // namespace runload::import
