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
};

// Imports `request.paths` for the session's athlete, with the per-file cap of
// RUNLOAD_MAX_FILE_BYTES. `progress` (may be empty) is called as the
// Importer does. Throws DatabaseError when the database cannot be written
// (read-only), UsageError for a bad RUNLOAD_MAX_FILE_BYTES, and what
// Importer::run throws.
ImportSummary run_import(Session& session, const ImportRequest& request,
                         const ProgressFunction& progress);

// Notes of merges and warnings beyond this many are counted, not listed: a
// Strava export merges every row with its track.
inline constexpr std::size_t k_max_listed_messages = 10;

enum class SummaryLine { yes, no };

// What the command says on stderr: every error, the first warnings, the
// first merges and, with SummaryLine::yes, the closing count.
Messages import_messages(const ImportSummary& summary, SummaryLine summary_line);

// `import --json` (DESIGN.md section 6): files, imported, merged,
// duplicates, failed, and errors (path, line or null, message).
nlohmann::ordered_json import_json(const ImportSummary& summary);

}  // namespace runload::app
