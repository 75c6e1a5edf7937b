#pragma once
// GPX 1.0 and 1.1 tracks (DESIGN.md section 4): read by the streaming reader
// (gpx_stream.hpp) when it handles the text, else parsed in place with
// pugixml, the reference; both give the same activities and problems.
//
// Each <trk> with timed points is one activity; its <trkseg>s stay separate
// segments. Times may end in "Z" (UTC; the activity's offset then comes from
// the athlete's zone), in an offset "+01:00" (kept as the activity's offset,
// OffsetOrigin::file), or in nothing (read as UTC, as GPX requires). Heart
// rate and cadence come from Garmin's TrackPointExtension v1/v2 or any
// extension element named hr/heartrate and cad/cadence, whatever its prefix.
// Cadence of foot sports is stored in steps per minute (TrackPointExtension
// writes one leg's strides: 85 becomes 170). pugixml expands no entities
// besides the five predefined ones and character references, so a DOCTYPE
// with entity definitions cannot make the parse grow.

#include <string>
#include <string_view>

#include <runload/import/parse_result.hpp>
#include <runload/model/sport.hpp>

namespace runload::import {

// Which reader reads the text: `fast`, the streaming reader, handing the file
// to pugixml when it meets what it does not handle; `reference`, pugixml
// always (for the differential test and fuzz target).
enum class GpxParser { fast, reference };

// Parses `buffer`, possibly in place (it may be modified and must not be
// reused as text).
// Returns one activity per <trk> that has two or more timed points and moves
// (a warning counts the tracks skipped for standing still), with metrics from
// track_metrics for its sport and sources[0] = {"gpx", ctx.file}.
// Bad points (docs/import.md, "Bad points"): a track point whose lat or lon
// is missing, not a number or out of range (a pause marker at latitude 100),
// or whose time cannot be read, is dropped; an <ele> that is not a number is
// ignored; one warning counts them, at the first one's line. A foot track
// whose points are mostly faster than the foot glitch limit is measured and
// stored as `other`, with a warning.
// Refuses the file (errors) when the XML is malformed, when the points that
// cannot be read leave no activity or outnumber the rest (at the first one's
// line), or when no track has a timed point (saying why: route only,
// waypoints only, points without time, empty tracks, empty document).
ParseResult read_gpx(std::string& buffer, const ParseContext& ctx,
                     GpxParser parser = GpxParser::fast);

// True when the streaming reader reads `buffer` itself, without pugixml.
bool gpx_streams(std::string_view buffer);

// Maps a GPX <type> to a Sport: a number as Strava's GPX export writes it
// (strava_gpx_type: 9 is Run), else the words of sport_from_label
// ("running", "Run", "trail_running", "cycling", "Laufen"). An empty type is
// a run (most GPX files come from runners' watches and carry no type).
model::Sport gpx_sport(std::string_view type);

}  // namespace runload::import
