#pragma once
// runload's own CSV, for runners who keep their log in a spreadsheet.
//
//   date,start_time,distance_km,duration,elevation_gain_m,sport,gear,name
//   2024-03-10,07:30,10.5,0:55:20,120,run,Pegasus 40,Sunday long run
//   2024-03-12,,8,42:10,,trail_run,,"Hills, easy"
//
// - The first line is the header. Columns are found by name, in any order;
//   `date` and `distance_km` are required, the others may be left out or
//   left empty. Names are lower case; other columns are ignored with a warning.
// - date: YYYY-MM-DD. start_time: HH:MM or HH:MM:SS, local time in the
//   athlete's zone; empty means 12:00 (noon is never skipped by a clock change
//   and keeps the run on its day).
// - distance_km: a number with a decimal point ("10.5"), kilometres, >= 0.
// - duration: H:MM:SS or MM:SS (or whole seconds); the elapsed time.
// - elevation_gain_m: metres. sport: run, trail_run, treadmill_run,
//   virtual_run, walk, hike, ride, swim or other; empty means run.
// - gear, name: free text; quote a field that holds a comma, a quote (doubled)
//   or a line break (RFC 4180). UTF-8, with or without BOM; any line endings.
// A row with a bad value is refused, naming its line and column, and the
// other rows are read (docs/import.md, "Summary CSVs"); a file whose every
// row is refused is refused.

#include <string_view>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// One activity per row; sources[0] = {"runload_csv", ctx.file, line}.
// ParseResult::rows counts the rows read and refused.
ParseResult read_runload_csv(std::string_view text, const ParseContext& ctx);

}  // namespace runload::import
