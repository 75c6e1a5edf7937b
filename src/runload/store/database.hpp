#pragma once
// The runload database: one SQLite file per user, private, in WAL mode,
// upgraded by the embedded migrations when opened. The only place (with the
// repositories beside it) that talks SQL.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <runload/error.hpp>

namespace SQLite {
class Database;
}

namespace runload::store {

// PRAGMA application_id of runload's databases: "RUNL" in ASCII.
inline constexpr std::int32_t k_application_id = 0x52554E4C;
// Milliseconds a connection waits for another writer before "database busy".
inline constexpr int k_busy_timeout_ms = 10000;

enum class OpenMode {
  // The writing commands: a missing file is created (its folders too), an
  // older schema is backed up and migrated.
  create,
  // The reading commands: nothing is ever created, a missing file (or an
  // empty one) throws MissingDatabaseError. An older schema is migrated as above when the file
  // may be written (a newer runload reading an old database), else refused.
  existing,
};

// What opening did to the file, for the CLI to mention.
struct OpenEvent {
  int from_version = 0;
  int to_version = 0;
  bool created = false;
  std::optional<std::filesystem::path> backup;  // written before migrating an existing file
};

// When a commit reaches the disk.
enum class Durability {
  // synchronous = FULL, the default of every connection: a commit has been
  // synced when it returns, so it survives a power cut.
  each_commit,
  // synchronous = NORMAL: a commit survives the process being killed at once
  // and the file is never damaged, but a power cut may lose the commits made
  // since the last checkpoint (each one whole). checkpoint() makes them durable.
  at_checkpoint,
};

// The file is not a runload database: not SQLite, another application's
// SQLite file, or a newer runload's. Left byte-identical; no advice about
// restoring it is runload's to give.
class ForeignDatabaseError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// OpenMode::existing found no file at the path.
class MissingDatabaseError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The file fails SQLite's quick check: nothing is written to it.
class DamagedDatabaseError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class Database {
 public:
  // Opens the database at `path` (see OpenMode). A created file is 0600 and
  // its new folders 0700. An older schema is backed up first, next to the
  // file: written to a temporary name, synced, then renamed to
  // PATH.vN.bak, so a backup by that name is always whole; then each
  // migration runs in one transaction with its user_version bump.
  // A file the runner made read-only (no write permission, or no write bit
  // in its mode, even for root), or one in a folder that cannot be written
  // (a read-only mount, or no write bit), is opened read-only whatever
  // `mode` says, and read_only_reason() says why: reading works, writes fail
  // with SQLITE_READONLY (check_writable() says so first). An older schema
  // in a damaged file is refused (DamagedDatabaseError), not migrated.
  // In a read-only folder without a -wal file, SQLite
  // is told the file cannot change (immutable), since it cannot create the
  // shared-memory file a WAL database is otherwise read through.
  // Throws UsageError when `path` is a folder; ForeignDatabaseError, leaving
  // the file byte-identical, when it is not a runload database;
  // MissingDatabaseError as OpenMode says;
  // DatabaseError when it cannot be opened or created.
  static Database open(const std::filesystem::path& path, OpenMode mode = OpenMode::create);

  // A private in-memory database at the latest schema, for tests.
  static Database open_in_memory();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  SQLite::Database& sql() noexcept { return *m_db; }
  const std::filesystem::path& path() const noexcept { return m_path; }
  const OpenEvent& open_event() const noexcept { return m_event; }
  bool read_only() const noexcept { return m_read_only_reason.has_value(); }
  // Why the database was opened read-only ("its file is read-only", "its
  // folder /mnt/usb cannot be written (...)"), or nullopt.
  const std::optional<std::string>& read_only_reason() const noexcept { return m_read_only_reason; }

  // Before the first write of a command: throws DatabaseError when the
  // database was opened read-only (saying why), DamagedDatabaseError when it
  // fails SQLite's quick check (PRAGMA quick_check: every page and index
  // readable, in time linear in the file's size).
  void check_writable();

  int schema_version();
  std::int32_t application_id();

  // Sets this connection's Durability.
  void set_durability(Durability durability);
  // Syncs the WAL and copies what it can into the database file (a passive
  // checkpoint, which never waits for readers): every commit made so far
  // survives a power cut. Throws SQLite::Exception when the sync fails.
  void checkpoint();

 private:
  Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path,
           std::optional<std::string> read_only_reason);

  std::unique_ptr<SQLite::Database> m_db;
  std::filesystem::path m_path;
  OpenEvent m_event;
  std::optional<std::string> m_read_only_reason;
};

// The whole backups of the database at `path` (PATH.vN.bak, PATH.vN.M.bak)
// that look usable: non-empty SQLite files. Oldest version first.
std::vector<std::filesystem::path> usable_backups(const std::filesystem::path& path);

}  // namespace runload::store

namespace runload::store {

// True for errors raised by SQLite itself (SQLite::Exception), which the
// repositories let propagate; the CLI maps them to exit 3 without including
// SQLiteCpp.
bool is_sqlite_error(const std::exception& error) noexcept;

// A message for a SQLite error that says what the user can do: "database
// busy" for a lock held too long, "disk full", "read-only", else SQLite's text.
std::string sqlite_error_message(const std::exception& error);

}  // namespace runload::store
