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
// - Sport attribute, any case: Running -> run, Biking -> ride, else other.
// - Start: the Activity's Id, else the first Lap's StartTime.
// - Distance and elapsed time: the sums of the laps' DistanceMeters and
//   TotalTimeSeconds (the device's totals); heart rate: the laps' averages
//   weighted by lap time, and their maximum.
// - Each Track element becomes one segment of ParsedActivity::track: Time,
//   Position, AltitudeMeters, DistanceMeters, HeartRateBpm/Value, Cadence and
//   TPX RunCadence (strides per minute, doubled to steps per minute).
// - A position that is not a number, out of range, or exactly 0/0 is dropped
//   with a warning; the point keeps its other values.
// Errors name the line: XML that does not parse, a Courses file ("a course,
// not an activity"), no Activity at all, an activity without a start time.
ParseResult read_tcx(std::string& buffer, const ParseContext& context);

}  // namespace runload::import
