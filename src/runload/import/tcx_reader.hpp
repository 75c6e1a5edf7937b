#pragma once
// Garmin Training Center XML (TCX) activities, parsed with pugixml.

#include <string>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// Reads every Activity element (also inside a MultiSportSession) as one
// activity. Elements are matched by local name, whatever their namespace
// prefix; whitespace before the XML declaration (as Strava writes it) is
// accepted. Parses `buffer` in place: its content is destroyed.
//
// - Sport attribute: Running, Biking, Other and the words other writers put
//   there (tcx_sport).
// - Times as a runner reads them: the start is the first recorded instant
//   (a Lap StartTime or a Trackpoint Time, whichever is earlier; <Id>, which
//   Garmin Connect rounds down to the minute, only when nothing else is
//   timed); elapsed time runs to the last recorded instant (the last
//   Trackpoint, or a lap's start plus its TotalTimeSeconds if later); the
//   laps' TotalTimeSeconds, the timer time, is the moving time, so a pool
//   swim without a track keeps it.
// - Distance: the sum of the laps' DistanceMeters; heart rate: the laps'
//   averages weighted by lap time, and their maximum (0 is no reading).
// - A lap that starts at the same instant as an earlier one is a duplicate:
//   dropped, with one warning counting them.
// - Each Track element becomes one segment of ParsedActivity::track: Time,
//   Position, AltitudeMeters, DistanceMeters, HeartRateBpm/Value, Cadence and
//   TPX RunCadence (strides per minute, doubled to steps per minute).
// - A position that is not a number, out of range, or exactly 0/0 is dropped
//   (one warning counts them); the point keeps its other values.
// Errors name the line: XML that does not parse, a Courses file ("a course,
// not an activity"), no Activity at all, an activity without a start time,
// laps whose times add up to more than k_max_activity_duration.
ParseResult read_tcx(std::string& buffer, const ParseContext& context);

}  // namespace runload::import
