#pragma once
// The runload database: one SQLite file per user, private, in WAL mode,
// upgraded by the embedded migrations when opened. The only place (with the
// repositories beside it) that talks SQL.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace SQLite {
class Database;
}

namespace runload::store {

// PRAGMA application_id of runload's databases: "RUNL" in ASCII.
inline constexpr std::int32_t k_application_id = 0x52554E4C;
// Milliseconds a connection waits for another writer before "database busy".
inline constexpr int k_busy_timeout_ms = 10000;

enum class OpenMode {
  read_write,  // create when absent, migrate when old
  read_only,   // never create or migrate; a database that needs migrating is refused
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

class Database {
 public:
  // Opens the database at `path`. In read_write mode a missing file is
  // created 0600 (its folder 0700), and an older schema is backed up next to
  // the file (VACUUM INTO) and migrated, each migration in one transaction
  // with its user_version bump.
  // An existing file the runner made read-only (no write permission, or no
  // write bit in its mode even for root) is opened read-only whatever `mode`
  // says: reading commands work, writes fail with SQLITE_READONLY.
  // Throws DatabaseError, leaving the file byte-identical, when the file is
  // not SQLite, belongs to another application, or has a newer schema.
  static Database open(const std::filesystem::path& path, OpenMode mode = OpenMode::read_write);

  // A private in-memory database at the latest schema, for tests.
  static Database open_in_memory();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  SQLite::Database& sql() noexcept { return *m_db; }
  const std::filesystem::path& path() const noexcept { return m_path; }
  const OpenEvent& open_event() const noexcept { return m_event; }
  bool read_only() const noexcept { return m_read_only; }

  int schema_version();
  std::int32_t application_id();

  // Sets this connection's Durability.
  void set_durability(Durability durability);
  // Syncs the WAL and copies what it can into the database file (a passive
  // checkpoint, which never waits for readers): every commit made so far
  // survives a power cut. Throws SQLite::Exception when the sync fails.
  void checkpoint();

 private:
  Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, bool read_only);

  std::unique_ptr<SQLite::Database> m_db;
  std::filesystem::path m_path;
  OpenEvent m_event;
  bool m_read_only = false;
};

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
