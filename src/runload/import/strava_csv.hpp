#pragma once
// Strava bulk export "activities.csv" (DESIGN.md section 4), in the language
// of the account that exported it (docs/import.md, "Summary CSVs").
//
// Columns are found by header name in English, German, French, Spanish,
// Italian, Dutch or Portuguese, and by occurrence: the export has had 86 to
// 103 columns and repeats names with other units. The first "Distance" is
// the display distance (km with two decimals in the account's number style,
// "9,44" in German; a swim's in metres, "1,250"), the second metres with a
// decimal point and preferred; the second "Elapsed Time" and "Max Heart Rate"
// are the precise ones too. A header in a language runload does not know is
// read by position when it has the export's layout (the same name at
// columns 6 and 16, 7 and 18, 8 and 31: the first 45 columns have not moved
// in any version seen). "Activity Date" is UTC, in the account's language
// ("Oct 10, 2016, 8:55:48 PM", "09.12.2022, 15:24:49", "24 mai 2012 à
// 16:27:40"); the UTC offset of each activity comes from the athlete's zone.

#include <string_view>

#include <runload/import/csv_reader.hpp>
#include <runload/import/parse_result.hpp>

namespace runload::import {

// Reads every row as one activity; sources[0] is {"strava_csv", ctx.file,
// the row's line}; the "Filename" column goes to ParsedActivity::track_file.
// A row whose date cannot be read, or whose distance, elapsed or moving time
// (of the columns runload reads: a display column it does not need never
// counts) is neither empty nor a number from 0 to k_max_activity_distance_m
// or k_max_activity_duration (NaN, inf, 1e309, negative), is refused with its
// line and column as a warning, and the other rows are read; heart rate,
// cadence and elevation that cannot be read are left unknown (one warning).
// ParseResult::rows counts the rows. Errors (refusing the file): no date or
// type column by any name or position, an unterminated quote, every row
// refused.
ParseResult read_strava_csv(std::string_view text, const ParseContext& ctx);

// Maps Strava's "Activity Type" in any language of the export ("Trail Run",
// "E-Bike Ride", "Lauf", "Course à pied") to a Sport (sport_from_label).
model::Sport strava_sport(std::string_view activity_type);

// True when `header` (the first record of a CSV) is a Strava activities.csv
// header: an activity id and date column by name in a known language, or the
// export's layout by position.
bool is_strava_header(const CsvHeader& header);

}  // namespace runload::import
