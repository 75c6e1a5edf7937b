#pragma once
// `runload import`: the files of the command line into the athlete's
// database through the import pipeline and the readers' dispatch, and what
// the command says about it.

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include <runload/app/import_pipeline.hpp>
#include <runload/app/message.hpp>
#include <runload/app/session.hpp>

namespace runload::app {

struct ImportRequest {
  std::vector<std::filesystem::path> paths;
  unsigned jobs = 0;  // parse threads; 0: one per core
  // The unit of Garmin Connect CSVs: the account's setting, which the file
  // does not state.
  DistanceUnit garmin_unit = DistanceUnit::km;
  store::Undelete undelete = store::Undelete::no;  // --undelete
  bool retry_failed = false;                       // --retry-failed
};

// Imports `request.paths` for the session's athlete, with the per-file cap of
// RUNLOAD_MAX_FILE_BYTES. `progress` (may be empty) is called as the
// Importer does. Throws DatabaseError when the database cannot be written
// (read-only, damaged), UsageError for a bad RUNLOAD_MAX_FILE_BYTES, and
// what Importer::run throws. The cap is checked before the database is
// created.
ImportSummary run_import(Session& session, const ImportRequest& request,
                         const ProgressFunction& progress);

// Lines of merges and warnings beyond this many are counted, not listed
// (unless Verbose::yes): a Strava export merges every row with its track.
inline constexpr std::size_t k_max_listed_messages = 10;

// Points dropped by the track filter are worth a warning from this share of
// the points read on: a few glitches in a long track are what a GPS does.
inline constexpr double k_noticeable_dropped_share = 0.05;

enum class SummaryLine { yes, no };
enum class Verbose { no, yes };

// What the command says on stderr, every file or user string terminal-safe:
// every error; the warnings, one line per kind per file with a count
// ("... (3 like it in this file)"), dropped points only past
// k_noticeable_dropped_share, at most k_max_listed_messages lines (with
// Verbose::yes every warning, each on its line); the first merges; a line
// for the files that failed before and one for the activities deleted
// before; and, with SummaryLine::yes, the closing count.
Messages import_messages(const ImportSummary& summary, SummaryLine summary_line,
                         Verbose verbose = Verbose::no);

// `import --json` (DESIGN.md section 6): files, imported, merged,
// duplicates, failed, and errors (path, line or null, message); and
// failed_before and deleted.
nlohmann::ordered_json import_json(const ImportSummary& summary);

}  // namespace runload::app
