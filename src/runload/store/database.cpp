#include <runload/store/database.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
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

std::string os_reason(int error) {
  return std::strerror(error);
}

// "file:" URI of `path` for SQLite, percent-encoding what a URI reserves.
std::string file_uri(const fs::path& path, bool immutable) {
  std::string uri = "file:";
  for (const char c : fs::absolute(path).string()) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '%' || c == '?' || c == '#' || u < 0x21 || u >= 0x7F)
      uri += fmt::format("%{:02X}", u);
    else
      uri += c;
  }
  uri += "?mode=ro";
  if (immutable) uri += "&immutable=1";
  return uri;
}

// How a file is opened read-only: in a folder that cannot be written and
// without a -wal file, SQLite is told the file cannot change, since it could
// not create the -shm file it reads a WAL database through.
struct ReadOnlyAccess {
  bool immutable = false;
};

std::unique_ptr<SQLite::Database> open_read_only(const fs::path& path, ReadOnlyAccess access) {
  return std::make_unique<SQLite::Database>(file_uri(path, access.immutable),
                                            SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

// What an existing file holds, read without writing a byte to it.
struct Inspection {
  std::int32_t application_id = 0;
  int user_version = 0;
  int objects = 0;
};

Inspection inspect_existing(const fs::path& path, ReadOnlyAccess access) {
  std::array<char, 16> head{};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw DatabaseError(fmt::format("cannot read {}: {}", path.string(), os_reason(errno)));
    in.read(head.data(), head.size());
    if (in.gcount() != static_cast<std::streamsize>(head.size()) || head != k_sqlite_magic)
      throw ForeignDatabaseError(fmt::format(
          "{} is not an SQLite database; runload leaves it untouched (use --db to choose "
          "another file)",
          path.string()));
  }
  try {
    const auto db = open_read_only(path, access);
    db->exec(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms));
    // One read transaction, so the three values come from one state of the
    // file: another runload creating it commits the schema, its version and
    // its application id at once, and must not be seen half-way (version set,
    // id read before it) as another application's database.
    SQLite::Transaction snapshot(*db, SQLite::TransactionBehavior::DEFERRED);
    Inspection result;
    result.application_id = db->execAndGet("PRAGMA application_id").getInt();
    result.user_version = db->execAndGet("PRAGMA user_version").getInt();
    result.objects = db->execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    return result;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(
        fmt::format("{} cannot be read as a database: {}", path.string(), e.what()));
  }
}

void refuse_foreign_or_newer(const fs::path& path, const Inspection& found) {
  if (found.application_id != 0 && found.application_id != k_application_id)
    throw ForeignDatabaseError(fmt::format(
        "{} belongs to another application (application_id 0x{:08X}); runload leaves it "
        "untouched",
        path.string(), static_cast<std::uint32_t>(found.application_id)));
  if (found.application_id == 0 && (found.user_version != 0 || found.objects != 0))
    throw ForeignDatabaseError(
        fmt::format("{} is an SQLite database of another application; runload leaves it untouched",
                    path.string()));
  if (found.user_version > latest_schema_version())
    throw ForeignDatabaseError(fmt::format(
        "{} has schema version {}, newer than this runload understands ({}); upgrade runload",
        path.string(), found.user_version, latest_schema_version()));
}

// Creates the missing folders of `dir` with mode 0700, whatever the umask.
void create_private_dirs(const fs::path& dir) {
  std::error_code ec;
  if (dir.empty() || fs::exists(dir, ec)) return;
  create_private_dirs(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw DatabaseError(fmt::format("cannot create {}: {}", dir.string(), os_reason(errno)));
  ::chmod(dir.c_str(), 0700);
}

// Creates an empty file with mode 0600 (SQLite gives its -wal and -shm files
// the mode of the database file, so they follow).
void create_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw DatabaseError(fmt::format("cannot create {}: {}", file.string(), os_reason(errno)));
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

// The folder that holds `file` ("." for a bare name).
fs::path folder_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// Why the database at `path` cannot be written, or nullopt: its file, or its
// folder, where SQLite keeps the -wal and -shm files of every connection. A
// folder counts as read-only by the same rule as the file (no write bit, or
// access() refuses: a read-only mount refuses even root).
std::optional<std::string> read_only_folder(const fs::path& path) {
  const fs::path folder = folder_of(path);
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0) return std::nullopt;
  if ((st.st_mode & 0222) == 0)
    return fmt::format("its folder {} cannot be written (no write permission)", folder.string());
  if (::access(folder.c_str(), W_OK) != 0)
    return fmt::format("its folder {} cannot be written ({})", folder.string(),
                       errno == EROFS ? "a read-only file system" : os_reason(errno));
  return std::nullopt;
}

std::optional<std::string> why_read_only(const fs::path& path) {
  if (!may_write(path)) return "its file is read-only";
  return read_only_folder(path);
}

// True when a non-empty -wal file is beside `path`: commits not yet copied
// into the database file, which an immutable read would not see.
bool has_wal_content(const fs::path& path) {
  fs::path wal = path;
  wal += "-wal";
  std::error_code ec;
  const auto size = fs::file_size(wal, ec);
  return !ec && size > 0;
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

// Makes what was written to `path` durable: its data, then (for a rename or
// a new name) the entry in its folder.
void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0)
    throw DatabaseError(fmt::format("cannot sync {}: {}", path.string(), os_reason(errno)));
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0)
    throw DatabaseError(fmt::format("cannot sync {}: {}", path.string(), os_reason(error)));
}

// Backs the database up before migrating it: VACUUM INTO a temporary name
// beside it, sync, rename to the final name, sync the folder. A kill or a
// full disk on the way leaves no file by the final name: never an empty or
// half-written backup that the recovery advice could point at.
fs::path write_backup(SQLite::Database& db, const fs::path& path, int version) {
  const fs::path backup = backup_path_for(path, version);
  fs::path partial = backup;
  partial += ".partial";
  std::error_code ignored;
  fs::remove(partial, ignored);  // left by a backup that was interrupted
  try {
    create_private_file(partial);
    SQLite::Statement vacuum(db, "VACUUM INTO ?");
    vacuum.bind(1, partial.string());
    vacuum.exec();
    sync_path(partial, O_RDONLY);
    if (::rename(partial.c_str(), backup.c_str()) != 0)
      throw DatabaseError(fmt::format("cannot rename {} to {}: {}", partial.string(),
                                      backup.string(), os_reason(errno)));
    sync_path(folder_of(path), O_RDONLY | O_DIRECTORY);
  } catch (...) {
    fs::remove(partial, ignored);
    throw;
  }
  return backup;
}

void refuse_damaged(SQLite::Database& db, const fs::path& path) {
  std::vector<std::string> problems;
  try {
    SQLite::Statement check(db, "PRAGMA quick_check");
    while (check.executeStep()) problems.push_back(check.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    // A page damaged badly enough makes the check itself fail ("database
    // disk image is malformed"): the same verdict, with the same advice.
    if (e.getErrorCode() != SQLITE_CORRUPT && e.getErrorCode() != SQLITE_NOTADB) throw;
    problems = {e.what()};
  }
  if (problems.size() == 1 && problems.front() == "ok") return;
  throw DamagedDatabaseError(
      fmt::format("{} is damaged (SQLite's quick check: {}); runload writes nothing to it",
                  path.string(), problems.empty() ? std::string("no answer") : problems.front()));
}

}  // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path,
                   std::optional<std::string> read_only_reason)
    : m_db(std::move(db)),
      m_path(std::move(path)),
      m_read_only_reason(std::move(read_only_reason)) {}
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
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw DatabaseError(fmt::format("cannot open {}: {}", path.string(), ec.message()));
  const bool exists = fs::exists(status);
  if (fs::is_directory(status))
    throw UsageError(fmt::format(
        "the database path {} is a folder; give the path of a database file (for example {})",
        path.string(), (path / "runload.db").string()));
  if (exists && !fs::is_regular_file(status))
    throw DatabaseError(
        fmt::format("{} is not a regular file; give the path of a database file", path.string()));
  if (!exists && mode == OpenMode::existing)
    throw MissingDatabaseError(fmt::format("there is no database at {}", path.string()));

  const auto read_only = exists ? why_read_only(path) : std::nullopt;
  const ReadOnlyAccess access{exists && read_only_folder(path) && !has_wal_content(path)};
  Inspection found;
  if (exists && fs::file_size(path, ec) > 0) {
    found = inspect_existing(path, access);
    refuse_foreign_or_newer(path, found);
  }
  // An empty file (or an SQLite file without tables) is a database only once
  // a writing command gives it its schema.
  if (mode == OpenMode::existing && found.objects == 0)
    throw MissingDatabaseError(fmt::format("{} holds no database yet", path.string()));

  if (read_only) {
    if (found.user_version < latest_schema_version())
      throw DatabaseError(
          fmt::format("{} has schema version {} and needs upgrading, but it cannot be written ({})",
                      path.string(), found.user_version, *read_only));
    try {
      auto db = open_read_only(path, access);
      configure_connection(*db);
      Database result(std::move(db), path, read_only);
      result.m_event.from_version = result.m_event.to_version = found.user_version;
      return result;
    } catch (const SQLite::Exception& e) {
      throw DatabaseError(
          fmt::format("cannot open {} ({}): {}", path.string(), *read_only, e.what()));
    }
  }

  try {
    create_private_dirs(path.parent_path());
    create_private_file(path);
    ::chmod(path.c_str(), 0600);
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
    configure_connection(*db);
    const bool upgrade = found.user_version > 0 && found.user_version < latest_schema_version();
    // A damaged file is not migrated (check_writable() keeps the commands
    // from writing to it).
    if (upgrade) refuse_damaged(*db, path);
    use_wal(*db);
    Database result(std::move(db), path, std::nullopt);
    result.m_event.created = !exists || found.objects == 0;
    result.m_event.from_version = found.user_version;
    if (upgrade) result.m_event.backup = write_backup(*result.m_db, path, found.user_version);
    result.m_event.to_version = apply_migrations(*result.m_db, embedded_migrations());
    return result;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("cannot open {}: {}", path.string(), e.what()));
  }
}

void Database::check_writable() {
  if (m_read_only_reason)
    throw DatabaseError(fmt::format(
        "the database {} is read-only: {}; commands that write cannot run, those that read "
        "(runs, report, journal list, doctor) still do",
        m_path.string(), *m_read_only_reason));
  refuse_damaged(*m_db, m_path);
}

Database Database::open_in_memory() {
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  configure_connection(*db);
  Database result(std::move(db), ":memory:", std::nullopt);
  result.m_event.created = true;
  result.m_event.to_version = apply_migrations(*result.m_db, embedded_migrations());
  return result;
}

std::vector<fs::path> usable_backups(const fs::path& path) {
  std::vector<fs::path> found;
  const std::string prefix = path.filename().string() + ".v";
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(path), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !name.ends_with(".bak")) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::array<char, 16> head{};
    in.read(head.data(), head.size());
    if (in.gcount() == static_cast<std::streamsize>(head.size()) && head == k_sqlite_magic)
      found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
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
