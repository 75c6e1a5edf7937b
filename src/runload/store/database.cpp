#include <runload/store/database.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

#include <runload/error.hpp>
#include <runload/store/migrator.hpp>

namespace runload::store {
namespace fs = std::filesystem;

namespace {

// Turns a new database to WAL. Two processes opening the same new file at
// once both read it under a shared lock and then both need the exclusive lock
// to change the journal mode: SQLite sees the deadlock and fails one of them
// at once with SQLITE_BUSY, without calling the busy handler. So the change
// is retried here, for as long as the busy timeout would have waited; once
// the file is in WAL mode the pragma needs no lock and returns at once.
void use_wal(SQLite::Database& db) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_BUSY || clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

constexpr std::array<char, 16> k_sqlite_magic{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                              'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

// What an existing file holds, read without writing a byte to it.
struct Inspection {
  std::int32_t application_id = 0;
  int user_version = 0;
  int objects = 0;
};

Inspection inspect_existing(const fs::path& path) {
  std::array<char, 16> head{};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw DatabaseError(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    in.read(head.data(), head.size());
    if (in.gcount() != static_cast<std::streamsize>(head.size()) || head != k_sqlite_magic)
      throw DatabaseError(fmt::format(
          "{} is not an SQLite database; runload leaves it untouched (use --db to choose "
          "another file)",
          path.string()));
  }
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    db.exec(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms));
    // One read transaction, so the three values come from one state of the
    // file: another runload creating it commits the schema, its version and
    // its application id at once, and must not be seen half-way (version set,
    // id read before it) as another application's database.
    SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
    Inspection result;
    result.application_id = db.execAndGet("PRAGMA application_id").getInt();
    result.user_version = db.execAndGet("PRAGMA user_version").getInt();
    result.objects = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    return result;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(
        fmt::format("{} cannot be read as a database: {}", path.string(), e.what()));
  }
}

void refuse_foreign_or_newer(const fs::path& path, const Inspection& found) {
  if (found.application_id != 0 && found.application_id != k_application_id)
    throw DatabaseError(fmt::format(
        "{} belongs to another application (application_id 0x{:08X}); runload leaves it "
        "untouched",
        path.string(), static_cast<std::uint32_t>(found.application_id)));
  if (found.application_id == 0 && (found.user_version != 0 || found.objects != 0))
    throw DatabaseError(
        fmt::format("{} is an SQLite database of another application; runload leaves it untouched",
                    path.string()));
  if (found.user_version > latest_schema_version())
    throw DatabaseError(fmt::format(
        "{} has schema version {}, newer than this runload understands ({}); upgrade runload",
        path.string(), found.user_version, latest_schema_version()));
}

// Creates the missing folders of `dir` with mode 0700, whatever the umask.
void create_private_dirs(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) return;
  create_private_dirs(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw DatabaseError(fmt::format("cannot create {}: {}", dir.string(), std::strerror(errno)));
  ::chmod(dir.c_str(), 0700);
}

// Creates an empty file with mode 0600 (SQLite gives its -wal and -shm files
// the mode of the database file, so they follow).
void create_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw DatabaseError(fmt::format("cannot create {}: {}", file.string(), std::strerror(errno)));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
}

// False when the runner made the file read-only: access() refuses to write
// it, or no write bit is set in its mode. The second test is for root, whom
// access() lets write whatever the mode: a file chmod'ed 0400 is left alone
// by runload even then.
bool may_write(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;
  return (st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
}

fs::path backup_path_for(const fs::path& db, int version) {
  fs::path candidate = db;
  candidate += fmt::format(".v{}.bak", version);
  for (int n = 2; fs::exists(candidate); ++n) {
    candidate = db;
    candidate += fmt::format(".v{}.{}.bak", version, n);
  }
  return candidate;
}

}  // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path, bool read_only)
    : m_db(std::move(db)), m_path(std::move(path)), m_read_only(read_only) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

int Database::schema_version() {
  return m_db->execAndGet("PRAGMA user_version").getInt();
}

std::int32_t Database::application_id() {
  return m_db->execAndGet("PRAGMA application_id").getInt();
}

void Database::set_durability(Durability durability) {
  m_db->exec(durability == Durability::each_commit ? "PRAGMA synchronous = FULL"
                                                   : "PRAGMA synchronous = NORMAL");
}

void Database::checkpoint() {
  m_db->exec("PRAGMA wal_checkpoint(PASSIVE)");
}

Database Database::open(const fs::path& path, OpenMode mode) {
  const bool exists = fs::exists(path);
  Inspection found;
  if (exists && fs::file_size(path) > 0) {
    found = inspect_existing(path);
    refuse_foreign_or_newer(path, found);
  }

  const bool read_only_file = exists && !may_write(path);
  if (mode == OpenMode::read_only || read_only_file) {
    if (!exists) throw DatabaseError(fmt::format("{} does not exist", path.string()));
    if (found.user_version < latest_schema_version())
      throw DatabaseError(fmt::format("{} has schema version {} and needs upgrading, but it is {}",
                                      path.string(), found.user_version,
                                      read_only_file ? "a read-only file" : "opened read-only"));
    try {
      auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
      configure_connection(*db);
      Database result(std::move(db), path, true);
      result.m_event.from_version = result.m_event.to_version = found.user_version;
      return result;
    } catch (const SQLite::Exception& e) {
      throw DatabaseError(fmt::format("cannot open {}: {}", path.string(), e.what()));
    }
  }

  try {
    create_private_dirs(path.parent_path());
    create_private_file(path);
    ::chmod(path.c_str(), 0600);
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
    configure_connection(*db);
    use_wal(*db);
    Database result(std::move(db), path, false);
    result.m_event.created = !exists || found.objects == 0;
    result.m_event.from_version = found.user_version;
    if (found.user_version > 0 && found.user_version < latest_schema_version()) {
      const fs::path backup = backup_path_for(path, found.user_version);
      create_private_file(backup);
      SQLite::Statement vacuum(*result.m_db, "VACUUM INTO ?");
      vacuum.bind(1, backup.string());
      vacuum.exec();
      result.m_event.backup = backup;
    }
    result.m_event.to_version = apply_migrations(*result.m_db, embedded_migrations());
    return result;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("cannot open {}: {}", path.string(), e.what()));
  }
}

Database Database::open_in_memory() {
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  configure_connection(*db);
  Database result(std::move(db), ":memory:", false);
  result.m_event.created = true;
  result.m_event.to_version = apply_migrations(*result.m_db, embedded_migrations());
  return result;
}

}  // namespace runload::store

namespace runload::store {

bool is_sqlite_error(const std::exception& error) noexcept {
  return dynamic_cast<const SQLite::Exception*>(&error) != nullptr;
}

std::string sqlite_error_message(const std::exception& error) {
  const auto* e = dynamic_cast<const SQLite::Exception*>(&error);
  if (e == nullptr) return error.what();
  switch (e->getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format(
          "database busy: another process held the write lock for more than {} s; try again",
          k_busy_timeout_ms / 1000);
    case SQLITE_FULL:
      return "the disk is full; nothing of the interrupted work was stored";
    case SQLITE_IOERR:
      return fmt::format(
          "cannot write the database ({}); nothing of the interrupted work was "
          "stored",
          e->what());
    case SQLITE_READONLY:
      return "the database is read-only (its file or folder is not writable); commands that "
             "write cannot run, commands that read still do";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return fmt::format("the database is damaged ({}); run 'runload doctor' for how to recover",
                         e->what());
    default:
      return fmt::format("database error: {}", e->what());
  }
}

}  // namespace runload::store
