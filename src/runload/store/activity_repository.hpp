#pragma once
// Stored activities, their sources and the files already imported
// (DESIGN.md sections 3-4; schema in migrations/0002_activities.sql).
//
// No method opens a transaction except remove() and set_fields(): the
// importer wraps each file in one store::WriteTransaction, and
// set_time_zone() the re-derivation. SQLite errors propagate as
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
    deleted,    // the same run as one the runner deleted: not stored again
  };
  Kind kind = Kind::inserted;
  std::int64_t activity_id = 0;  // of a deleted one: the id it had
  // A run naming a shoe the athlete had no row for: the shoe was created
  // (its drop unknown), and the import says so once.
  std::optional<std::string> new_shoe;
};

// Whether an activity the runner deleted may come back.
enum class Undelete { no, yes };

// One row of imported_files.
struct ImportedFile {
  std::int64_t athlete_id = 0;
  std::string content_hash;  // lower-case hex
  std::string path;          // as given to import
  std::string format;        // source formats found ("strava_csv,gpx"), else the file's extension
  std::int64_t activities = 0;
};

struct RederiveResult {
  // Activities that started at a UTC instant (origin zone): kept, the offset
  // re-derived; of which how many offsets changed, and how many local dates.
  std::int64_t instants_kept = 0;
  std::int64_t offsets_changed = 0;
  std::int64_t dates_changed = 0;
  // Activities written in wall-clock time (origin wall_clock): the wall time
  // kept, the instant re-derived; of which how many instants moved.
  std::int64_t wall_times_kept = 0;
  std::int64_t instants_moved = 0;
  // Activities whose file stated the offset: unchanged.
  std::int64_t file_offsets = 0;
};

// What ActivityRepository::unusable() checks.
enum class UnusableCheck { all, dates_and_offsets };

// A stored activity that a report cannot use (a local date past year 9999,
// an impossible offset, a damaged histogram): what it is, and why.
struct UnusableActivity {
  std::int64_t id = 0;
  std::int64_t athlete_id = 0;
  std::string start_utc;  // as stored, in ISO 8601 when it can be written so
  std::string reason;
};

// `runload runs show`: an activity with everything stored about it.
struct ActivityDetails {
  model::Activity activity;              // with sources and histograms
  std::string created_at;                // when it was first stored (UTC, ISO 8601)
  std::vector<std::string> edited;       // fields set with `runs set`: name, sport, gear
  std::vector<std::string> source_hash;  // of each source's file, in sources' order
};

// What `runs set` changes; an absent field stays as it is.
struct ActivityEdit {
  std::optional<model::Sport> sport;
  std::optional<std::string> name;
  std::optional<std::string> gear;  // "": no gear
};

// A file whose import failed, kept so that the same content is not
// reported again in full (import --retry-failed reads it again).
struct FailedFile {
  std::int64_t athlete_id = 0;
  std::string content_hash;
  std::string path;
  std::string message;  // its first error
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
  // with `file_hash`. local_date is derived from start_utc + utc_offset. A
  // run that names no shoe gets the athlete's default shoe, when one is set;
  // a run naming a shoe unknown to the athlete creates it (store() reports
  // it). Returns the new id.
  // Throws std::invalid_argument when a number is not finite or a histogram
  // does not have the bins of model::make_speed_histogram() /
  // make_grade_histogram() / make_heart_rate_histogram().
  std::int64_t insert(std::int64_t athlete_id, const model::Activity& activity,
                      std::string_view file_hash);

  // The stored activity with this id, with sources and histograms.
  std::optional<model::Activity> find(std::int64_t activity_id);

  // A stored activity of the athlete that is the same run as `activity`
  // (identity::is_same_run): of several, the one with the nearest start, then
  // the lowest id. With sources and histograms.
  std::optional<model::Activity> find_same_run(std::int64_t athlete_id,
                                               const model::Activity& activity);

  // Stores `incoming`: merged into the same run when one is stored
  // (identity::classify_match, identity::merge_activities), else inserted.
  // New sources are recorded with `file_hash`. Throws as insert().
  // An incoming activity that is the same run as one the runner deleted is
  // not stored (Kind::deleted) unless `undelete` says so, which forgets the
  // deletion. Fields the runner set with set_fields() keep their values.
  StoreOutcome store(std::int64_t athlete_id, const model::Activity& incoming,
                     std::string_view file_hash, Undelete undelete = Undelete::no);

  // The athlete's activity (of several, the lowest id) with a source recorded
  // with `file_hash`, with sources and histograms: where the track of a
  // file imported before went.
  std::optional<model::Activity> find_by_source_hash(std::int64_t athlete_id,
                                                     std::string_view file_hash);

  // Stores `incoming` into `stored` (found by the caller, say by
  // find_by_source_hash) whatever the same-run rule says: a duplicate when
  // identity::classify_match says so, else merged (identity::merge_activities).
  // Throws as insert().
  StoreOutcome store_into(const model::Activity& stored, const model::Activity& incoming,
                          std::string_view file_hash);

  // Everything stored about the athlete's activity `activity_id`, or nullopt.
  std::optional<ActivityDetails> details(std::int64_t athlete_id, std::int64_t activity_id);

  // Deletes the athlete's activities `ids` with their sources, in one
  // transaction, remembering each (start, distance, durations and the
  // content hashes of its files) so that importing the same run again does not
  // bring it back. Returns what was deleted, in the order of `ids`.
  // REQUIRES: every id is one of the athlete's (details() finds it).
  std::vector<model::Activity> remove(std::int64_t athlete_id,
                                      const std::vector<std::int64_t>& ids);

  // Sets the given fields of the activity and marks them edited, so that no
  // later import or merge overwrites them, in one transaction; a shoe the
  // athlete had none of is created (GearRepository). Returns the activity as
  // now stored. REQUIRES: the activity exists.
  model::Activity set_fields(std::int64_t activity_id, const ActivityEdit& edit);

  // True when a file with this content hash holds an activity the runner deleted.
  bool holds_deleted(std::int64_t athlete_id, std::string_view content_hash);

  // Files whose import failed, by content.
  void record_failed_file(const FailedFile& file);
  void forget_failed_file(std::int64_t athlete_id, std::string_view content_hash);
  std::unordered_set<std::string> failed_hashes(std::int64_t athlete_id);

  // Activities a report cannot use (UnusableActivity), of the athlete, or of
  // every athlete when `athlete_id` is nullopt: those whose local date is not
  // a YYYY-MM-DD date, whose offset is beyond +-18 h, or, with
  // UnusableCheck::all, whose histograms are not whole float32 bins. Read
  // from columns alone (no blob is decoded). dates_and_offsets, with an
  // athlete, reads the (athlete_id, local_date, utc_offset_s) index alone and
  // checks the date by its length and range only (a year past 9999 or before
  // 0): what a report runs over the whole history, whose window's rows are
  // checked whole as they are read (between()); `doctor` runs `all`.
  std::vector<UnusableActivity> unusable(std::optional<std::int64_t> athlete_id,
                                         UnusableCheck check = UnusableCheck::all);

  bool is_file_imported(std::int64_t athlete_id, std::string_view content_hash);
  // The content hash of every file the athlete has imported, for checking files
  // before parsing them away from the database connection.
  std::unordered_set<std::string> imported_hashes(std::int64_t athlete_id);

  // True when any of the athlete's file identities (imported, failed,
  // deleted or an activity's source) is a SHA-256 from before schema 9
  // (identity::is_legacy_hash): the importer then also hashes with SHA-256.
  bool holds_legacy_hashes(std::int64_t athlete_id);

  // Moves every identity `legacy` of the athlete to `hash` (the same file's
  // XXH3-128), in one transaction; returns true when any row held `legacy`.
  // A row that already exists under `hash` is kept and the legacy one dropped.
  bool replace_hash(std::int64_t athlete_id, std::string_view legacy, std::string_view hash);
  // Records a file as imported now. A file already recorded is left as it is.
  void record_imported_file(const ImportedFile& file);

  // The athlete's activities whose local date is in `range`, oldest start
  // first, with their sources; histograms only when asked. Uses the
  // (athlete_id, local_date) index. A row that cannot be read as an activity
  // (see unusable()) goes to `unusable` when given; without it, it throws
  // DatabaseError naming the activity.
  std::vector<model::Activity> list(std::int64_t athlete_id, const LocalDateRange& range,
                                    WithHistograms histograms = WithHistograms::no,
                                    std::vector<UnusableActivity>* unusable = nullptr);

  // Every column of the activities with local date in [from, to], oldest
  // first, histograms included: the analyzer's query.
  std::vector<model::Activity> between(std::int64_t athlete_id, date::sys_days from,
                                       date::sys_days to,
                                       std::vector<UnusableActivity>* unusable = nullptr) {
    return list(athlete_id, {from, to}, WithHistograms::yes, unusable);
  }

  // The local date of the athlete's earliest running activity (run,
  // trail_run, treadmill_run, virtual_run), or nullopt when there is none.
  // Walks the (athlete_id, local_date) index from its start, so it does not
  // read the whole history; local dates that are not dates are passed over
  // (unusable() names them).
  std::optional<date::sys_days> first_run_date(std::int64_t athlete_id);

  // After the athlete's zone changed: an activity of origin zone keeps its
  // instant and takes the new zone's offset (its local date may move); one of
  // origin wall_clock keeps its wall time (start_utc + utc_offset) and takes
  // the instant that wall time is in the new zone; one of origin file keeps
  // both. local_date follows. Opens no transaction: set_time_zone() holds
  // one around this and the zone's update.
  // Throws std::runtime_error when `zone` is not a known IANA zone.
  RederiveResult rederive_local_dates(std::int64_t athlete_id, const std::string& zone);

 private:
  // The fields of the activity the runner set (ActivityDetails::edited).
  std::vector<std::string> edited_fields(std::int64_t activity_id);
  // The deleted activity (its row in deleted_activities) that `incoming` is
  // the same run as, or nullopt.
  std::optional<std::int64_t> deleted_same_run(std::int64_t athlete_id,
                                               const model::Activity& incoming);

  void update(const model::Activity& merged, std::size_t first_new_source,
              std::string_view file_hash);
  // The shoe a stored run names, created when the athlete had none of that
  // name; its name when it was created.
  std::optional<std::string> ensure_shoe(std::int64_t activity_id);
  void insert_sources(std::int64_t activity_id, const std::vector<model::Source>& sources,
                      std::size_t first, std::string_view file_hash);

  struct Statements;

  Database& m_db;
  std::unique_ptr<Statements> m_statements;
};

}  // namespace runload::store
