#pragma once
// GPX 1.0 and 1.1 tracks (DESIGN.md section 4), parsed in place with pugixml.
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

// Parses `buffer` in place (it is modified and must not be reused as text).
// Returns one activity per <trk> that has two or more timed points and moves
// (a warning counts the tracks skipped for standing still), with metrics from
// track_metrics and sources[0] = {"gpx", ctx.file}. Refuses the file (errors)
// when the XML is malformed, a track point has an invalid lat/lon/ele/time
// (with its line), or no track has a timed point (saying why: route only,
// waypoints only, points without time, empty tracks, empty document).
ParseResult read_gpx(std::string& buffer, const ParseContext& ctx);

// Maps a GPX <type> ("running", "Run", "trail_running", "cycling") to a
// Sport: an empty type is a run (most GPX files come from runners' watches
// and carry no type), text naming no known sport is `other`.
model::Sport gpx_sport(std::string_view type);

}  // namespace runload::import
