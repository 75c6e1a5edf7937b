#pragma once
// Garmin Connect "Export CSV" of the activities list (DESIGN.md section 4).
//
// - Columns by header name: "Activity Type", "Date", "Title", "Distance",
//   "Elapsed Time" (else "Time"), "Moving Time", "Avg HR", "Max HR",
//   "Avg Run Cadence", "Max Run Cadence", "Total Ascent", "Total Descent".
// - "Date" ("2026-01-04 12:38:59") is naive local time, read in the athlete's
//   zone (ParseContext::zone, UTC when null). A time in the hour skipped when
//   clocks go forward maps to the transition instant; a time in the repeated
//   hour when clocks go back takes the earlier instant (date::choose::earliest).
// - "--" means missing.
// - Numbers follow the account's locale, decided once per file: see
//   decide_number_style.
// - Durations "00:17:01", "17:01" and "00:01:39,6".
// - Distance is in the account's unit, which the file does not state: km
//   unless ParseContext::distance_unit says miles. Swims are in metres (yards
//   for miles accounts), as Garmin Connect lists them; ascent and descent are
//   metres, or feet for miles accounts.

#include <string_view>

#include <runload/import/csv_reader.hpp>
#include <runload/import/parse_result.hpp>

namespace runload::import {

struct NumberStyle {
  char decimal = '.';
  char thousands = ',';
};

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
// Errors refuse the file: no "Date" or "Activity Type" column, a date or a
// number that cannot be read (with its line), an unterminated quote.
ParseResult read_garmin_csv(std::string_view text, const ParseContext& ctx);

}  // namespace runload::import
