#pragma once
// What every reader returns: the activities it read plus the problems it met,
// the way pugixml's xml_parse_result carries a status and an offset. A bad row
// is data, not an exception.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include <runload/model/activity.hpp>
#include <runload/model/track.hpp>

namespace runload::import {

// One problem with an input, located as precisely as the format allows.
struct Problem {
  std::string file;                    // path as the user gave it (or archive!member)
  std::optional<std::int64_t> line;    // 1-based line for text formats
  std::optional<std::int64_t> offset;  // byte offset for binary formats (FIT, gzip)
  std::string message;
  // Optional, for grouping and weighing warnings (app::import_messages): a
  // kind shared by warnings of one nature ("" groups by message), and, for
  // points a filter dropped, how many of how many were read.
  std::string kind{};
  std::optional<std::int64_t> count{};
  std::optional<std::int64_t> of{};
};

// The kind of the warning about track points dropped (GPS glitches, times
// that do not increase, points without a time).
inline constexpr std::string_view k_dropped_points = "dropped_points";

// "file:line: message" or "file: byte N: message" or "file: message".
std::string describe(const Problem& problem);

struct ParsedActivity {
  model::Activity activity;  // sources[0] names this file (and the CSV line)
  // Strava activities.csv "Filename" column: the track file of this row inside
  // an export (activities/123.gpx.gz). Never opened as a path by the CSV reader.
  std::optional<std::string> track_file;
  // The points a track file (FIT, TCX) recorded for this activity, for the
  // track metrics to turn into histograms. The activity's totals come from the
  // device (FIT session, TCX laps), not from this track.
  std::optional<model::Track> track;
};

// The data rows of a summary CSV: every row read, and of them the rows
// refused (each costs that row alone; the rest of the file is stored).
struct RowCounts {
  std::int64_t rows = 0;
  std::int64_t refused = 0;

  std::int64_t imported() const noexcept { return rows - refused; }
};

struct ParseResult {
  std::vector<ParsedActivity> activities;
  // Any error refuses the whole file: nothing of it is stored.
  std::vector<Problem> errors;
  // Noted, the file still stored: dropped GPS glitches and unreadable
  // points, rows of a summary CSV refused (with their line and column),
  // activities re-typed as `other` and why.
  std::vector<Problem> warnings;
  // Set by the summary CSV readers: "472 rows, 470 imported, 2 refused".
  std::optional<RowCounts> rows;

  bool ok() const noexcept { return errors.empty(); }
};

// Every field of every activity and problem of `result`, one per line, with
// numbers at full precision: two readers of one format agree when their
// texts are equal (the streaming GPX reader and pugixml's, tests and fuzz).
std::string canonical_text(const ParseResult& result);

// The unit of distances in exports that do not state it.
enum class DistanceUnit { km, miles };

// What a reader needs besides the bytes.
struct ParseContext {
  std::string file;  // label used in Problems and Sources
  // The athlete's zone: naive local times are read in it, and activities whose
  // file gives no UTC offset take the zone's offset at their start.
  const date::time_zone* zone = nullptr;
  // Garmin Connect's activities CSV writes distances in the account's unit
  // and its header does not say which; the user states it (default km).
  DistanceUnit distance_unit = DistanceUnit::km;
  // For a member of an archive: the bytes the archive may still inflate in
  // all (app/archive_units). A gzip reader inflates at most this many and
  // lowers it by what it inflated. Null: only the per-file cap applies.
  std::uint64_t* inflate_budget = nullptr;
};

}  // namespace runload::import
