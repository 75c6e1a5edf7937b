#include <runload/import/gpx_reader.hpp>

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <runload/import/gpx_content.hpp>
#include <runload/import/gpx_stream.hpp>
#include <runload/import/sport_labels.hpp>
#include <runload/import/track_metrics.hpp>
#include <runload/import/values.hpp>
#include <runload/import/xml.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/utf8.hpp>

namespace runload::import {
namespace {

// Extensions nest two or three levels (extensions > TrackPointExtension > hr);
// a bound keeps a hostile file from making the walk deep.
constexpr int k_max_extension_depth = 4;

using gpx::Content;
using gpx::PointReader;
using gpx::Trk;
using xml::child;
using xml::local_name;

// Lines of byte offsets, counted only when a message needs one: the
// streaming reader leaves the text as it was. pugixml's in-place parse
// rewrites it, so its path counts them before (count_now).
class Lines {
 public:
  explicit Lines(std::string_view text) : m_text(text) {}
  void count_now() { index(); }
  std::int64_t line_of(std::ptrdiff_t offset) { return index().line_of(offset); }

 private:
  const xml::LineIndex& index() {
    if (!m_index) m_index.emplace(m_text);
    return *m_index;
  }
  std::string_view m_text;
  std::optional<xml::LineIndex> m_index;
};

struct Reader {
  const ParseContext& ctx;
  Lines& lines;
  ParseResult& result;
  const gpx::Dropped& dropped;

  std::int64_t line_of(std::ptrdiff_t offset) { return lines.line_of(offset); }

  void error_at(std::ptrdiff_t offset, std::string message) {
    result.errors.push_back(Problem{ctx.file, line_of(offset), std::nullopt, std::move(message)});
  }
};

// The pugixml walk, the reference the streaming reader is checked against:
// the same elements, by local name, through the same PointReader.
void walk_extensions(pugi::xml_node node, PointReader& points, int depth) {
  if (depth > k_max_extension_depth) return;
  for (auto element : node.children()) {
    if (element.type() != pugi::node_element) continue;
    const auto name = local_name(element.name());
    if (PointReader::is_extension_value(name))
      points.extension(name, xml::text(element));
    else
      walk_extensions(element, points, depth + 1);
  }
}

void walk_point(pugi::xml_node node, PointReader& points) {
  const auto attribute = [&](const char* name) -> std::optional<std::string_view> {
    const auto attr = node.attribute(name);
    if (!attr) return std::nullopt;
    return std::string_view(attr.value());
  };
  points.start(node.name(), attribute("lat"), attribute("lon"), node.offset_debug());
  for (auto element : node.children()) {
    if (element.type() != pugi::node_element) continue;
    const auto name = local_name(element.name());
    if (name == "ele")
      points.ele(xml::text(element));
    else if (name == "time")
      points.time(xml::text(element), element.offset_debug());
    else if (name == "extensions")
      walk_extensions(element, points, 1);
  }
  points.finish();
}

void walk_trk(pugi::xml_node node, Content& content) {
  Trk& trk = content.tracks.emplace_back();
  trk.offset = node.offset_debug();
  trk.name = std::string(xml::text(child(node, "name")));
  trk.type = std::string(xml::text(child(node, "type")));
  PointReader points(content, trk);
  for (auto seg : node.children()) {
    if (seg.type() != pugi::node_element || local_name(seg.name()) != "trkseg") continue;
    trk.track.segments.emplace_back();
    for (auto pt : seg.children())
      if (pt.type() == pugi::node_element && local_name(pt.name()) == "trkpt")
        walk_point(pt, points);
  }
}

void walk_gpx(pugi::xml_node gpx, Content& content) {
  content.metadata_name = std::string(xml::text(child(child(gpx, "metadata"), "name")));
  for (auto node : gpx.children()) {
    if (node.type() != pugi::node_element) continue;
    const auto kind = local_name(node.name());
    if (kind == "rte") ++content.routes;
    if (kind == "wpt") ++content.waypoints;
    if (kind == "trk") walk_trk(node, content);
  }
}

// What the document held, for saying why it gave no activity.
struct Counts {
  std::size_t tracks = 0, track_points = 0, timed_points = 0, still_tracks = 0, too_fast_tracks = 0,
              routes = 0, waypoints = 0;
};

// The root <gpx> element of `buffer`, parsed in place; nullopt after
// reporting why there is none (empty, not XML, malformed, another root).
std::optional<pugi::xml_node> open_gpx(std::string& buffer, pugi::xml_document& doc, Lines& lines,
                                       const ParseContext& ctx, ParseResult& result) {
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
std::optional<ParsedActivity> track_activity(Reader& reader, const Trk& trk,
                                             const TrackMetrics& metrics, model::Sport sport,
                                             const std::string& fallback_name) {
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  const auto start = date::floor<std::chrono::seconds>(*metrics.start);
  if (trk.stated_offset) {
    a.start_utc = start;
    a.utc_offset = *trk.stated_offset;
    a.offset_origin = model::OffsetOrigin::file;
  } else {
    model::set_start_in_zone(a, start, reader.ctx.zone);
  }
  a.sport = sport;
  a.name = trk.name.empty() ? fallback_name : trk.name;
  // pugixml passes the bytes of a document declared UTF-8 through unchecked,
  // and so does the streaming reader.
  if (const auto bad = text::first_bad_byte(a.name)) {
    reader.error_at(trk.offset,
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
    reader.result.warnings.push_back(Problem{
        reader.ctx.file, reader.line_of(trk.offset), std::nullopt,
        fmt::format("track \"{}\": dropped {} GPS glitch point(s) (over {} m/s), {} "
                    "whose time did not increase and {} without a time",
                    a.name, metrics.glitches_dropped, metrics.glitch_speed_mps,
                    metrics.non_increasing_dropped, metrics.untimed_dropped),
        std::string(k_dropped_points), static_cast<std::int64_t>(dropped),
        static_cast<std::int64_t>(dropped + metrics.kept_points + metrics.unpositioned_dropped)});
  }
  if (metrics.elevation_spikes > 0) {
    reader.result.warnings.push_back(
        Problem{reader.ctx.file, reader.line_of(trk.offset), std::nullopt,
                fmt::format("track \"{}\": {} elevation(s) ignored: out of range, or jumping "
                            "faster than {} m/s (a spike)",
                            a.name, metrics.elevation_spikes, k_max_vertical_speed_mps)});
  }
  return parsed;
}

// The one policy for bad points (docs/import.md, "Bad points"): points that
// cannot be read are dropped with one warning counting them; the file is
// refused, at the first one's line, when no activity is left or when they
// outnumber the points that could be read (then the rest is not trusted).
void report_dropped(Reader& reader, const Counts& counts) {
  const gpx::Dropped& d = reader.dropped;
  auto& result = reader.result;
  if (d.elevations > 0) {
    result.warnings.push_back(
        Problem{reader.ctx.file, std::nullopt, std::nullopt,
                fmt::format("{} <ele> value(s) that are not numbers were ignored", d.elevations)});
  }
  if (d.points == 0) return;
  const std::optional<std::int64_t> first_line = reader.line_of(*d.first_offset);
  const std::size_t usable = counts.track_points - d.points;
  const bool too_few = result.activities.empty() || usable < d.points;
  const std::string what = fmt::format("{} of {} track point(s) cannot be read (the first: {})",
                                       d.points, counts.track_points, d.first_reason);
  if (!too_few) {
    result.warnings.push_back(Problem{reader.ctx.file, first_line, std::nullopt,
                                      fmt::format("{}; they were dropped", what)});
    return;
  }
  result.errors.push_back(
      Problem{reader.ctx.file, first_line, std::nullopt,
              result.activities.empty()
                  ? fmt::format("{}, and what is left is no activity: {}", what,
                                no_activity_message(counts))
                  : fmt::format("{}: more than could be read, so the rest is not trusted", what)});
}

// The activities of a document's content, whichever front end read it.
ParseResult activities_of(Content& content, Lines& lines, const ParseContext& ctx) {
  ParseResult result;
  Reader reader{ctx, lines, result, content.dropped};
  Counts counts;
  counts.routes = content.routes;
  counts.waypoints = content.waypoints;
  counts.track_points = content.track_points;
  for (auto& trk : content.tracks) {
    ++counts.tracks;
    model::Sport sport = gpx_sport(trk.type);
    if (is_foot_sport(sport)) cadence_in_steps(trk.track);
    TrackMetrics metrics = compute_track_metrics(trk.track, sport);
    // Most points faster than anyone on foot: a vehicle, not GPS glitches.
    // Measured as the sport it can be, and stored as `other` saying why.
    if (is_foot_sport(sport) && metrics.glitches_dropped > metrics.kept_points) {
      auto as_other = compute_track_metrics(trk.track, model::Sport::other);
      if (as_other.kept_points >= 2) {
        result.warnings.push_back(Problem{
            ctx.file, reader.line_of(trk.offset), std::nullopt,
            fmt::format("most of the track's points are faster than {} m/s from the one before: "
                        "not on foot; stored as other",
                        metrics.glitch_speed_mps)});
        metrics = std::move(as_other);
        sport = model::Sport::other;
      }
    }
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
    auto activity = track_activity(reader, trk, metrics, sport, content.metadata_name);
    if (!activity) return result;
    result.activities.push_back(std::move(*activity));
  }
  report_dropped(reader, counts);
  if (!result.ok()) {
    result.activities.clear();
    return result;
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

}  // namespace

model::Sport gpx_sport(std::string_view type) {
  if (const auto strava = strava_gpx_type(type)) return *strava;
  return sport_from_label(type);
}

bool gpx_streams(std::string_view buffer) {
  Content content;
  return gpx::stream_gpx(buffer, content);
}

ParseResult read_gpx(std::string& buffer, const ParseContext& ctx, GpxParser parser) {
  Lines lines(buffer);
  if (parser == GpxParser::fast) {
    Content content;
    if (gpx::stream_gpx(buffer, content)) return activities_of(content, lines, ctx);
  }
  lines.count_now();  // before the in-place parse rewrites the text
  ParseResult result;
  pugi::xml_document doc;
  const auto root = open_gpx(buffer, doc, lines, ctx, result);
  if (!root) return result;
  Content content;
  walk_gpx(*root, content);
  return activities_of(content, lines, ctx);
}

}  // namespace runload::import
