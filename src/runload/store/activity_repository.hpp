#pragma once
// Stored activities, their sources and the files already imported
// (DESIGN.md sections 3-4; schema in migrations/0002_activities.sql).
//
// No method opens a transaction except rederive_local_dates(): the importer
// wraps each file in one store::WriteTransaction. SQLite errors propagate as
// SQLite::Exception (see store::is_sqlite_error).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <date/date.h>

#include <runload/model/activity.hpp>

namespace runload::store {

class Database;

// Inclusive range of local calendar days; an absent end is open.
struct LocalDateRange {
  std::optional<date::sys_days> from;
  std::optional<date::sys_days> to;
};

enum class WithHistograms { no, yes };

// What storing one incoming activity did.
struct StoreOutcome {
  enum class Kind {
    inserted,   // a new activity
    merged,     // merged into a stored one (same run, a new source format)
    duplicate,  // the same run from a source format already stored: nothing changed
  };
  Kind kind = Kind::inserted;
  std::int64_t activity_id = 0;
  // A run naming a shoe the athlete had no row for: the shoe was created
  // (its drop unknown), and the import says so once.
  std::optional<std::string> new_shoe;
};

// One row of imported_files.
struct ImportedFile {
  std::int64_t athlete_id = 0;
  std::string sha256;  // lower-case hex
  std::string path;    // as given to import
  std::string format;  // source formats found ("strava_csv,gpx"), else the file's extension
  std::int64_t activities = 0;
};

struct RederiveResult {
  std::int64_t offsets_changed = 0;  // activities whose UTC offset changed
  std::int64_t dates_changed = 0;    // ...of which the local date moved
};

// The statements of the import path are prepared on first use and kept for
// the repository's life: an import stores thousands of files through one
// repository. Each is reset after every call, so no read stays open between
// calls. REQUIRES: `db` outlives the repository.
class ActivityRepository {
 public:
  explicit ActivityRepository(Database& db);
  ~ActivityRepository();
  ActivityRepository(const ActivityRepository&) = delete;
  ActivityRepository& operator=(const ActivityRepository&) = delete;

  // Inserts `activity` (its id is ignored) with its sources, each recorded
  // with `file_sha256`. local_date is derived from start_utc + utc_offset. A
  // run that names no shoe gets the athlete's default shoe, when one is set;
  // a run naming a shoe unknown to the athlete creates it (store() reports
  // it). Returns the new id.
  // Throws std::invalid_argument when a number is not finite or a histogram
  // does not have the bins of model::make_speed_histogram() /
  // make_grade_histogram().
  std::int64_t insert(std::int64_t athlete_id, const model::Activity& activity,
                      std::string_view file_sha256);

  // The stored activity with this id, with sources and histograms.
  std::optional<model::Activity> find(std::int64_t activity_id);

  // A stored activity of the athlete that is the same run as `activity`
  // (identity::is_same_run): of several, the one with the nearest start, then
  // the lowest id. With sources and histograms.
  std::optional<model::Activity> find_same_run(std::int64_t athlete_id,
                                               const model::Activity& activity);

  // Stores `incoming`: merged into the same run when one is stored
  // (identity::classify_match, identity::merge_activities), else inserted.
  // New sources are recorded with `file_sha256`. Throws as insert().
  StoreOutcome store(std::int64_t athlete_id, const model::Activity& incoming,
                     std::string_view file_sha256);

  // The athlete's activity (of several, the lowest id) with a source recorded
  // with `file_sha256`, with sources and histograms: where the track of a
  // file imported before went.
  std::optional<model::Activity> find_by_source_sha256(std::int64_t athlete_id,
                                                       std::string_view file_sha256);

  // Stores `incoming` into `stored` (found by the caller, say by
  // find_by_source_sha256) whatever the same-run rule says: a duplicate when
  // identity::classify_match says so, else merged (identity::merge_activities).
  // Throws as insert().
  StoreOutcome store_into(const model::Activity& stored, const model::Activity& incoming,
                          std::string_view file_sha256);

  bool is_file_imported(std::int64_t athlete_id, std::string_view sha256);
  // The SHA-256 of every file the athlete has imported, for checking files
  // before parsing them away from the database connection.
  std::unordered_set<std::string> imported_hashes(std::int64_t athlete_id);
  // Records a file as imported now. A file already recorded is left as it is.
  void record_imported_file(const ImportedFile& file);

  // The athlete's activities whose local date is in `range`, oldest start
  // first, with their sources; histograms only when asked. Uses the
  // (athlete_id, local_date) index.
  std::vector<model::Activity> list(std::int64_t athlete_id, const LocalDateRange& range,
                                    WithHistograms histograms = WithHistograms::no);

  // Every column of the activities with local date in [from, to], oldest
  // first, histograms included: the analyzer's query.
  std::vector<model::Activity> between(std::int64_t athlete_id, date::sys_days from,
                                       date::sys_days to) {
    return list(athlete_id, {from, to}, WithHistograms::yes);
  }

  // The local date of the athlete's earliest running activity (run,
  // trail_run, treadmill_run, virtual_run), or nullopt when there is none.
  // Walks the (athlete_id, local_date) index from its start, so it does not
  // read the whole history.
  std::optional<date::sys_days> first_run_date(std::int64_t athlete_id);

  // After the athlete's zone changed: recomputes utc_offset_s and local_date
  // of every activity whose offset came from the zone (origin 'zone'), in
  // one transaction. Activities whose file stated the offset keep it.
  // Throws std::runtime_error when `zone` is not a known IANA zone.
  RederiveResult rederive_local_dates(std::int64_t athlete_id, const std::string& zone);

 private:
  void update(const model::Activity& merged, std::size_t first_new_source,
              std::string_view file_sha256);
  // The shoe a stored run names, created when the athlete had none of that
  // name; its name when it was created.
  std::optional<std::string> ensure_shoe(std::int64_t activity_id);
  void insert_sources(std::int64_t activity_id, const std::vector<model::Source>& sources,
                      std::size_t first, std::string_view file_sha256);

  struct Statements;

  Database& m_db;
  std::unique_ptr<Statements> m_statements;
};

}  // namespace runload::store
