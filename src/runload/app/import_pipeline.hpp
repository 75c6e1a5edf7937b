#pragma once
// The `import` use case: the pipeline of DESIGN.md section 4, independent of
// which readers exist: expand the paths, read and hash each file, skip files
// already imported, parse with the injected reader, and store each file in
// one transaction (merged with the same run when it is already stored).
//
// Each file goes through three phases: load (read + content hash) and parse touch
// no database and depend only on the file, so they run on parse threads;
// store runs on the calling thread, the one writer, in file order. Results
// (ids, counts, errors, their order) are the same whatever the thread count.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include <runload/files/load.hpp>
#include <runload/import/parse_result.hpp>
#include <runload/import/strava_shoes.hpp>
#include <runload/store/activity_repository.hpp>

namespace runload::store {
class Database;
}  // namespace runload::store

namespace runload::app {

using import::DistanceUnit;
using import::ParseContext;
using import::ParseResult;
using import::Problem;

// Reads the activities of one file. `bytes` holds its whole content and may
// be modified in place; ctx.file is the label for Problems and Sources.
// A reader reports bad input as errors in the result; an exception it throws
// fails that file alone, with the exception's text.
// REQUIRES: safe to call from several threads at once (different files)
// unless ImportOptions::parse_threads is 1.
using ReadFunction = std::function<ParseResult(const std::filesystem::path& path,
                                               std::string& bytes, const ParseContext& ctx)>;

// The athlete the activities belong to.
struct ImportTarget {
  std::int64_t athlete_id = 0;
  std::string timezone;  // IANA name; offsets with origin `zone` are derived in it
  // The unit of a Garmin Connect CSV's distances: the account's setting,
  // which the file does not state (see garmin_csv.hpp).
  DistanceUnit garmin_distance_unit = DistanceUnit::km;
};

enum class InputKind {
  file,                  // a file: read whole; a zip among them is read member by member
  strava_export_folder,  // an unpacked Strava export (see strava_export.hpp)
};

// One input after expanding the paths.
struct InputFile {
  std::filesystem::path path;
  std::uintmax_t size = 0;  // of a Strava export folder: of all its files
  InputKind kind = InputKind::file;
};

struct ExpandedInputs {
  std::vector<InputFile> files;
  std::vector<Problem> errors;  // a missing path, an unreadable folder: one per failed input
};

// True when a file found in a folder is imported: its name (case ignored)
// ends in .csv, .gpx, .tcx, .fit, one of those followed by .gz, or .zip.
bool is_importable_name(const std::filesystem::path& file);

// Files first, in the order given. A folder is walked recursively and gives
// its importable files (is_importable_name) sorted by path, skipping hidden
// files and folders (name starting with '.'); symbolic links to folders are
// not followed. A folder (given or found) that is a Strava export
// (is_strava_export_folder) is one input of kind strava_export_folder and is
// not walked: its track files are read with its activities.csv, never also as
// loose files. A file given by name is always tried, whatever its name.
// A path that does not exist, or is neither file nor folder, is an error, as
// is a folder that cannot be read (the rest of the walk goes on).
ExpandedInputs expand_inputs(const std::vector<std::filesystem::path>& paths);

// One activity merged into a stored one, for the command to say so.
struct MergeNote {
  std::string source;  // "file" or "file:line"
  std::int64_t activity_id = 0;
  date::sys_days local_date{};
  std::string name;  // of the merged activity
};

struct ImportSummary {
  std::int64_t files = 0;       // inputs: files found, plus paths that failed to expand
  std::int64_t imported = 0;    // new activities
  std::int64_t merged = 0;      // activities merged into a stored run from another source
  std::int64_t duplicates = 0;  // files skipped by hash + activities already stored
  std::int64_t failed = 0;      // inputs of which nothing was stored
  // Files skipped unread because the same content failed before
  // (ImportOptions::retry_failed reads them again); not in `failed`.
  std::int64_t failed_before = 0;
  // Activities not stored because the runner deleted the same run
  // (ImportOptions::undelete brings them back), and files skipped by their
  // hash that hold such an activity.
  std::int64_t deleted = 0;
  std::int64_t files_with_deleted = 0;
  std::vector<Problem> errors;    // every error of the failed inputs
  std::vector<Problem> warnings;  // readers' warnings of the files that were stored
  std::vector<MergeNote> merges;
  // Shoes the runs named that the athlete had none of: created, drop unknown.
  std::vector<std::string> new_shoes;
  // The data rows of the summary CSVs stored ("472 rows, 470 imported, 2
  // refused"); a refused row is named among the warnings.
  std::int64_t csv_rows = 0;
  std::int64_t csv_rows_refused = 0;

  // True when nothing failed in this import (a file that failed before and
  // was skipped is not a new failure).
  bool ok() const noexcept { return failed == 0; }
};

struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uintmax_t bytes_done = 0;
  std::uintmax_t bytes_total = 0;
};
using ProgressFunction = std::function<void(const Progress&)>;

struct ArchiveRead;

struct ImportOptions {
  // Threads that load, hash and parse files while the calling thread stores
  // them. 0: one per core (std::thread::hardware_concurrency()). 1: no
  // thread; every file is loaded, parsed and stored on the calling thread.
  unsigned parse_threads = 0;
  // Bring back the activities the runner deleted (`import --undelete`):
  // files holding one are read again even when imported before.
  store::Undelete undelete = store::Undelete::no;
  // Read again the files whose import failed before (`import
  // --retry-failed`); otherwise the same content is skipped unread.
  bool retry_failed = false;
  // The instant "more than a day in the future" is measured from; nullopt:
  // the system clock when run() starts.
  std::optional<date::sys_seconds> now{};
};

// Starts runload accepts: none before this (a clock that was never set reads
// 1970 or 1989; GPS loggers, 1999 or 2019 after a week-number rollover, are
// at least in range), none more than k_max_start_ahead after now.
inline constexpr date::sys_days k_earliest_start{date::year{1990} / 1 / 1};
inline constexpr std::chrono::hours k_max_start_ahead{24};

// Why an activity's start is outside the range runload accepts, or nullopt.
std::optional<std::string> implausible_start(const model::Activity& activity,
                                             date::sys_seconds now);

// At most this many files per parse thread are read or parsed ahead of the
// writer: memory stays bounded by (2 x threads) parse results plus, per
// thread, the largest file read and its parse (so at most threads x
// files::k_max_file_bytes of file bytes).
inline constexpr std::size_t k_files_in_flight_per_thread = 2;

class Importer {
 public:
  // REQUIRES: `target.timezone` is a known IANA zone (throws std::runtime_error otherwise).
  Importer(store::Database& db, ImportTarget target, ReadFunction read, ImportOptions options = {});
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Called once before the first file and after every file.
  void on_progress(ProgressFunction progress) { m_progress = std::move(progress); }

  // Files larger than `bytes` are refused unread. Default and upper bound:
  // files::k_max_file_bytes (a larger value is clamped to it).
  void set_max_file_bytes(std::uintmax_t bytes) noexcept {
    m_max_file_bytes = std::min(bytes, files::k_max_file_bytes);
  }

  // Imports every file of `paths` (see expand_inputs). Each file is stored in
  // one BEGIN IMMEDIATE transaction with its imported_files row, or not at
  // all: a file with any error, from reading, parsing or storing, leaves
  // nothing behind, its errors go to the summary and the import goes on.
  // A file whose content hash the athlete already imported is skipped unparsed.
  //
  // A zip (content "PK\3\4" or a .zip name) and a Strava export folder are
  // read as units (strava_export.hpp), each unit stored in its own
  // transaction with the members it records: a member that fails fails alone
  // (counted in `failed`, its errors naming "archive.zip!member"), the rest
  // is stored. The zip's own content hash is recorded only when every unit was
  // stored, so a zip imported whole is skipped unparsed the next time, and
  // one with a bad member is read again (its stored members then skipped by
  // their own content hash). A zip counts as one file; an export folder as the
  // files it holds that were read.
  //
  // A file whose content hash the athlete had imported when run() began is
  // skipped unparsed; one imported earlier in the same run (the same content
  // twice) may be parsed, but is still counted a duplicate and not stored.
  // A file that fails for its content (it cannot be parsed, a start is out
  // of range, it cannot be stored) is recorded by its content hash: the next run
  // skips the same content unread and counts it in failed_before, unless
  // ImportOptions::retry_failed; a zip with any failed member is recorded
  // whole. An activity that is the same run as one the runner deleted is not
  // stored (ImportSummary::deleted) unless ImportOptions::undelete.
  // Activities from wall-clock sources (Garmin Connect and runload CSVs)
  // are stored with OffsetOrigin::wall_clock, so that a zone change keeps
  // their local time.
  //
  // Files are committed with store::Durability::at_checkpoint and synced
  // together (Database::checkpoint) before run() returns; the connection is
  // back at each_commit afterwards.
  // Throws (SQLite::Exception, see store::is_sqlite_error) only when the
  // database itself fails (busy, full, read-only); files committed before
  // stay committed and the file in progress is rolled back.
  ImportSummary run(const std::vector<std::filesystem::path>& paths);

 private:
  // A file after the phases that need no database.
  struct Prepared {
    std::optional<Problem> load_error;
    std::string content_hash;
    // Its SHA-256, computed only while the database holds identities from
    // before schema 9 (identity::is_legacy_hash); adopted on the writer.
    std::string legacy_hash;
    bool parsed = false;  // false: the hash was known, the file was not parsed
    // A zip's bytes, whose members finish() reads on the writer.
    std::optional<std::string> zip_bytes;
    ParseResult result;
  };
  // True when a file's content need not be parsed: imported before (and
  // holding nothing to undelete), or failed before (and not retried).
  using KnownHash = std::function<bool(const std::string& content_hash)>;

  void run_sequential(const std::vector<InputFile>& files, ImportSummary& summary,
                      Progress& progress);
  void run_parallel(const std::vector<InputFile>& files, unsigned threads, ImportSummary& summary,
                    Progress& progress);
  // Loads, hashes and, unless `known` says the hash is imported, parses.
  // Never throws: every failure is in the result.
  Prepared prepare(const InputFile& input, std::string& bytes, const KnownHash& known) const;
  // The writer's part: stores a prepared file, or counts it.
  void finish(const InputFile& input, Prepared& prepared, ImportSummary& summary);
  std::optional<Problem> load(const InputFile& input, const std::string& label, std::string& bytes,
                              Prepared& prepared) const;
  // The identity of an archive member's bytes, on the writer: its content
  // hash, after adopting its legacy SHA-256 identity if it has one.
  std::string identify(std::string_view bytes);
  // Moves the athlete's rows recorded under the SHA-256 `legacy` to `hash`.
  void adopt_legacy_hash(const std::string& legacy, const std::string& hash);
  ParseResult parse(const InputFile& input, const std::string& label, std::string& bytes) const;
  void store_file(const InputFile& input, const std::string& label, const std::string& content_hash,
                  ParseResult& parsed, ImportSummary& summary);
  // Stores `parsed` (new sources recorded with `content_hash`) and records `files`
  // in one transaction. With `stored_track_hash`, the activities join the
  // stored activity holding a source of that file when there is one.
  // Returns false (the error in the summary) when the unit was not stored.
  bool store_unit(const std::string& label, const std::filesystem::path& format_name,
                  const std::string& content_hash, ParseResult& parsed,
                  const std::vector<store::ImportedFile>& files, ImportSummary& summary,
                  const std::optional<std::string>& stored_track_hash = std::nullopt);
  void import_archive(ArchiveRead& read, std::optional<store::ImportedFile> container,
                      ImportSummary& summary);
  // Creates the shoes of an export's shoes.csv the athlete has none of.
  // A shoe the runs already named (under any of its names) gets the brand
  // and model; the others are created under the name the runs would give.
  void store_shoes(const std::vector<import::StravaShoe>& shoes, ImportSummary& summary);
  // Where a file whose content failed is remembered, and forgotten once it
  // imports.
  void record_failure(const std::string& content_hash, const std::string& label,
                      const std::vector<Problem>& errors, std::size_t first_error);
  void forget_failure(const std::string& content_hash);
  bool is_known(const std::string& content_hash);

  store::Database& m_db;
  ImportTarget m_target;
  const date::time_zone* m_zone = nullptr;
  ReadFunction m_read;
  ImportOptions m_options;
  ProgressFunction m_progress;
  std::uintmax_t m_max_file_bytes = files::k_max_file_bytes;
  std::unique_ptr<store::ActivityRepository> m_repository;
  date::sys_seconds m_now{};
  // Hashes of the files that failed before, read when run() begins.
  std::unordered_set<std::string> m_failed_hashes;
  // The athlete has identities from before schema 9, read when run() begins.
  bool m_legacy_hashes = false;
  // Reused for every file on the calling thread (each parse thread has its
  // own): allocating and faulting in a fresh buffer per file costs a quarter
  // of the parse time (DESIGN.md section 7).
  std::string m_bytes;
};

}  // namespace runload::app
