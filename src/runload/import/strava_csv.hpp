#pragma once
// Strava bulk export "activities.csv" (DESIGN.md section 4).
//
// Columns are found by header name and occurrence, never by position: the
// export has had 94 to 101 columns and repeats names with other units. The
// first "Distance" is km with two decimals, the second (when present) metres
// and preferred; the second "Elapsed Time" and "Max Heart Rate" are the
// precise ones too. "Activity Date" ("Oct 10, 2016, 8:55:48 PM") is UTC; the
// UTC offset of each activity comes from the athlete's zone.
//
// Exports made with Strava set to another language translate the headers and
// the number and date formats ("Aktivitätsdatum", "9,44", "09.12.2022,
// 15:24:49"). They are refused with a message asking to switch Strava's
// language to English and export again: the translated names and formats
// differ per language and are not documented by Strava.

#include <string_view>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// Reads every row as one activity; sources[0] is {"strava_csv", ctx.file,
// the row's line}; the "Filename" column goes to ParsedActivity::track_file.
// Errors (refusing the file): missing "Activity Date"/"Activity Type"
// columns, a localised export, an unterminated quote, a row whose date cannot
// be read, a row whose Distance, Elapsed Time or Moving Time cell is neither
// empty nor a number from 0 to k_max_activity_distance_m or
// k_max_activity_duration (NaN, inf, 1e309, negative). Rows are never
// silently dropped.
ParseResult read_strava_csv(std::string_view text, const ParseContext& ctx);

// Maps Strava's "Activity Type" ("Trail Run", "E-Bike Ride") to a Sport.
model::Sport strava_sport(std::string_view activity_type) noexcept;

}  // namespace runload::import
