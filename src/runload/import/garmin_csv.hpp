#pragma once
// Garmin Connect "Export CSV" of the activities list (DESIGN.md section 4),
// in the language of the account (docs/import.md, "Summary CSVs").
//
// - Columns by header name in English, German, French, Spanish, Italian,
//   Dutch, Portuguese or Hungarian, whichever version of the header
//   ("Time", "Total Time" or "Activity Time"; "Total Ascent" or "Elev
//   Gain"): the type, the date, the title, the distance, the total, elapsed
//   and moving times, heart rate, running cadence, ascent and descent.
// - "Date" ("2026-01-04 12:38:59" in every language) is naive local time,
//   read in the athlete's zone (ParseContext::zone, UTC when null); an
//   all-numeric date re-saved by a spreadsheet ("7/4/2020 15:36") is read
//   too, its day and month ordered by the file's own dates. A time in the
//   hour skipped when clocks go forward maps to the transition instant; a
//   time in the repeated hour when clocks go back takes the earlier instant
//   (date::choose::earliest).
// - No value: "--", "--:--:--", "--:--" and the like, and "No" in any of the
//   languages (is_no_value). A spreadsheet's leading apostrophe is dropped.
// - Numbers follow the account's locale, decided once per file: see
//   decide_number_style.
// - Durations "00:17:01", "17:01", "1:02:03" and "00:01:39,6". An elapsed
//   time shorter than the total time (seen: 29 s for an hour's run) is
//   replaced by the total time.
// - Distance is in the account's unit, which the file does not state: km
//   unless ParseContext::distance_unit says miles. Swims are in metres (yards
//   for miles accounts), as Garmin Connect lists them; ascent and descent are
//   metres, or feet for miles accounts.

#include <string_view>

#include <runload/import/csv_reader.hpp>
#include <runload/import/parse_result.hpp>
#include <runload/import/summary_csv.hpp>

namespace runload::import {

// Decides the decimal mark of a whole file from every numeric cell of its data
// rows (all columns, durations' fractions included):
//   "3,40", "0,0", "00:01:39,6"    a single ',' not followed by exactly three
//                                  digits: decimal comma;
//   "3.40", "2.9"                  a single '.' not followed by three digits:
//                                  decimal point;
//   "1.234.567" / "1,234,567"      repeated marks are thousands marks;
//   "1.234,5" / "1,234.5"          with both, the last one is the decimal.
// "1.195" and "1,024" alone prove nothing. The side with more evidence wins;
// with none, the English style (decimal point, thousands comma) is assumed,
// which reads "1,024" as 1024.
NumberStyle decide_number_style(const CsvTable& table);

// One activity per data row; sources[0] = {"garmin_csv", ctx.file, line}.
// A row whose date, distance or times cannot be read is refused with its
// line and column as a warning, and the other rows are read; heart rate,
// cadence and climb that cannot be read are left unknown (one warning).
// ParseResult::rows counts the rows. Errors refuse the file: no date or
// activity type column in any language runload reads, an unterminated
// quote, every row refused.
ParseResult read_garmin_csv(std::string_view text, const ParseContext& ctx);

// True when `header` (the first record of a CSV) names an activity type, a
// date and a title column in one of the languages above.
bool is_garmin_header(const CsvHeader& header);

}  // namespace runload::import
