#pragma once
// Recognises an input's format from its first bytes and its file name.

#include <string_view>

namespace runload::import {

enum class Format { strava_csv, garmin_csv, runload_csv, gpx, tcx, fit, gzip, zip, unknown };

// Decides by content first, then by extension:
//   gzip magic 1f 8b; zip "PK\3\4"; FIT ".FIT" at byte 8; XML whose root is
//   <gpx> or <TrainingCenterDatabase>; CSV whose header names the Strava
//   ("Activity ID", "Activity Date"), Garmin Connect ("Activity Type", "Date",
//   "Title") or runload ("date", "start_time", "distance_km") columns.
// Content that says nothing (too short, unknown header) falls back on the
// extension (".gpx", ".tcx", ".fit", ".gz", ".zip"; ".csv" alone is not enough
// to pick a CSV dialect). Returns Format::unknown when neither tells.
// `head` may be just the first few kilobytes of the file.
Format detect_format(std::string_view head, std::string_view file_name);

// "Strava activities.csv", "GPX", ..., "unknown format", for messages.
std::string_view describe(Format format) noexcept;

}  // namespace runload::import
