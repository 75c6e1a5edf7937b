// Faults injected into the real binary (docs/RELIABILITY.md): kill -9 at any
// moment, a file-size limit, a read-only database, a write lock held by
// another process, many writers at once, damaged files, and no network.

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <nlohmann/json.hpp>

#include "support/cli_database.hpp"
#include "support/run_binary.hpp"
#include "support/spawn.hpp"
#include "support/temp_dir.hpp"

using runload::test::healthy_counts;
using runload::test::journal_json;
using runload::test::read_file;
using runload::test::run_runload;
using runload::test::RunOptions;
using runload::test::RunResult;
using runload::test::Spawned;
using runload::test::TempDir;
using runload::test::with_db;
namespace fs = std::filesystem;

namespace {

// `count` journal rows from `first`, one a day, with a note long enough to
// make the transaction span many pages.
std::string journal_csv(date::sys_days first, int count) {
  std::string text = "date,stiffness,pain_run,note\n";
  for (int i = 0; i < count; ++i)
    text += date::format("%F", first + date::days{i}) + "," + std::to_string(i % 11) + "," +
            std::to_string(i % 6) + "," + std::string(200, static_cast<char>('a' + i % 26)) + "\n";
  return text;
}

std::string bytes_of(const fs::path& file) {
  return read_file(file);
}

// A separate process that takes the write lock of `db` (BEGIN IMMEDIATE) and
// holds it for `hold`, or, without one, until this object is destroyed.
class LockHolder {
 public:
  LockHolder(const fs::path& db, std::optional<std::chrono::milliseconds> hold) {
    int ready[2], release[2];
    REQUIRE(::pipe(ready) == 0);
    REQUIRE(::pipe(release) == 0);
    m_pid = ::fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
      ::close(ready[0]);
      ::close(release[1]);
      try {
        SQLite::Database sql(db.string(), SQLite::OPEN_READWRITE);
        sql.exec("BEGIN IMMEDIATE");
        sql.exec("UPDATE athletes SET timezone = timezone");
        const char locked = 'L';
        if (::write(ready[1], &locked, 1) != 1) ::_exit(2);
        if (hold) {
          std::this_thread::sleep_for(*hold);
        } else {
          char ignored = 0;
          while (::read(release[0], &ignored, 1) > 0) {
          }
        }
        sql.exec("ROLLBACK");
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    ::close(ready[1]);
    ::close(release[0]);
    m_release = release[1];
    char locked = 0;
    REQUIRE(::read(ready[0], &locked, 1) == 1);
    ::close(ready[0]);
  }

  ~LockHolder() {
    ::close(m_release);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;

 private:
  pid_t m_pid = -1;
  int m_release = -1;
};

}  // namespace

TEST_CASE(
    "faults: kill -9 at random moments of 20 journal imports leaves each file whole or "
    "absent, and a rerun ends where a clean import does",
    "[e2e][faults]") {
  TempDir dir;
  const auto db = dir / "killed.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2000-01-01", "--stiffness", "1"})).exit_code ==
      0);

  constexpr int k_files = 20;
  constexpr int k_rows = 150;
  const date::sys_days first = date::year{2001} / 1 / 1;
  std::vector<fs::path> files;
  for (int f = 0; f < k_files; ++f)
    files.push_back(dir.write("journal_" + std::to_string(f) + ".csv",
                              journal_csv(first + date::days{f * k_rows}, k_rows)));

  std::mt19937 random(20240607);
  std::uniform_int_distribution<int> delay_us(0, 40000);
  int killed = 0;
  for (const auto& file : files) {
    Spawned child(with_db(db, {"journal", "import", file.string()}));
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    child.kill9();
    if (child.wait() == 128 + SIGKILL) ++killed;
  }
  INFO(killed << " of " << k_files << " imports were killed before they ended");
  healthy_counts(db);

  std::map<std::string, int> entries_per_file;
  for (const auto& entry : journal_json(db)) {
    const date::sys_days day = [&] {
      std::istringstream in(entry["date"].get<std::string>());
      date::sys_days d;
      in >> date::parse("%F", d);
      return d;
    }();
    if (day < first) continue;
    ++entries_per_file[files.at(static_cast<std::size_t>((day - first).count() / k_rows)).string()];
  }
  for (const auto& [file, entries] : entries_per_file) {
    INFO(file);
    CHECK(entries == k_rows);
  }

  for (const auto& file : files)
    REQUIRE(run_runload(with_db(db, {"journal", "import", file.string()})).exit_code == 0);

  const auto clean = dir / "clean.db";
  REQUIRE(run_runload(with_db(clean, {"journal", "--date", "2000-01-01", "--stiffness", "1"}))
              .exit_code == 0);
  for (const auto& file : files)
    REQUIRE(run_runload(with_db(clean, {"journal", "import", file.string()})).exit_code == 0);
  CHECK(journal_json(db) == journal_json(clean));
  CHECK(healthy_counts(db)["journal_entries"] == healthy_counts(clean)["journal_entries"]);
}

TEST_CASE("faults: 20 journal writers at the same moment on a new database all succeed",
          "[e2e][faults][concurrency]") {
  TempDir dir;
  const auto db = dir / "busy.db";
  std::vector<std::unique_ptr<Spawned>> writers;
  for (int i = 0; i < 20; ++i) {
    const auto day = date::format("%F", date::sys_days{date::year{2024} / 1 / 1} + date::days{i});
    writers.push_back(std::make_unique<Spawned>(
        with_db(db, {"journal", "--date", day, "--stiffness", std::to_string(i % 11)}),
        runload::test::SpawnOptions{
            {}, std::nullopt, "", (dir / ("err" + std::to_string(i))).string()}));
  }
  for (std::size_t i = 0; i < writers.size(); ++i) {
    INFO("writer " << i << ": " << read_file(dir / ("err" + std::to_string(i))));
    CHECK(writers[i]->wait() == 0);
  }
  const auto entries = journal_json(db);
  CHECK(entries.size() == 20);
  CHECK(healthy_counts(db)["athletes"] == 1);
  for (int i = 0; i < 20; ++i) {
    const auto text = read_file(dir / ("err" + std::to_string(i)));
    CHECK_THAT(text, !Catch::Contains("locked") && !Catch::Contains("busy"));
  }
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK_THAT(entry.path().filename().string(), !Catch::Contains(".bak"));
}

TEST_CASE("faults: a write lock another process holds for 2 s is waited out",
          "[e2e][faults][lock]") {
  TempDir dir;
  const auto db = dir / "lock.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2024-01-01", "--stiffness", "1"})).exit_code ==
      0);
  RunResult r;
  {
    LockHolder holder(db, std::chrono::seconds(2));
    r = run_runload(with_db(db, {"journal", "--date", "2024-01-02", "--stiffness", "2"}));
  }
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(journal_json(db).size() == 2);
}

TEST_CASE("faults: a write lock held past the 10 s busy timeout ends in 'database busy', exit 3",
          "[e2e][faults][lock]") {
  TempDir dir;
  const auto db = dir / "lock.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2024-01-01", "--stiffness", "1"})).exit_code ==
      0);
  const auto csv = dir.write("more.csv", journal_csv(date::year{2023} / 1 / 1, 10));
  RunResult r;
  {
    LockHolder holder(db, std::nullopt);
    r = run_runload(with_db(db, {"journal", "import", csv.string()}));
  }
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("runload: error: database busy"));
  CHECK(journal_json(db).size() == 1);
  healthy_counts(db);
}

TEST_CASE(
    "faults: a file-size limit hit mid-import is a clean database error, nothing half-written",
    "[e2e][faults][full]") {
  TempDir dir;
  const auto db = dir / "full.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2000-01-01", "--stiffness", "1"})).exit_code ==
      0);
  const auto before = journal_json(db);
  const auto big = dir.write("big.csv", journal_csv(date::year{2001} / 1 / 1, 5000));

  runload::test::SpawnOptions options;
  options.file_size_limit = fs::file_size(db) + 64 * 1024;
  options.stderr_file = (dir / "err.txt").string();
  Spawned child(with_db(db, {"journal", "import", big.string()}), options);
  CHECK(child.wait() == 3);
  // SQLite reports EFBIG as an I/O error, ENOSPC as SQLITE_FULL: both say so.
  CHECK_THAT(read_file(dir / "err.txt"),
             Catch::Contains("nothing of the interrupted work was stored"));
  CHECK(journal_json(db) == before);
  healthy_counts(db);
}

TEST_CASE("regression: runload aborted when its error output could not be written",
          "[e2e][faults][regression]") {
  TempDir dir;
  const auto db = dir / "out.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2024-01-01", "--stiffness", "1"})).exit_code ==
      0);
  // /dev/full fails every write with ENOSPC, as a full disk does for a
  // redirected stderr; an URGENT warning and an error message both go there.
  runload::test::SpawnOptions options;
  options.stderr_file = "/dev/full";
  Spawned child(with_db(db, {"journal", "--date", "2024-01-02", "--pop"}), options);
  CHECK(child.wait() == 3);
  healthy_counts(db);
}

TEST_CASE("faults: a read-only database refuses writes clearly and still reports",
          "[e2e][faults][readonly]") {
  TempDir dir;
  const auto folder = dir / "ro";
  const auto db = folder / "ro.db";
  REQUIRE(
      run_runload(with_db(db, {"journal", "--date", "2024-01-01", "--stiffness", "4"})).exit_code ==
      0);
  const auto csv = dir.write("more.csv", journal_csv(date::year{2023} / 1 / 1, 3));
  // 0400 in a 0500 folder; as root too, runload leaves a file without write
  // bits alone (access() would let root write it).
  fs::permissions(db, fs::perms::owner_read);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  const auto bytes = bytes_of(db);

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"journal", "--date", "2024-01-02", "--stiffness", "1"},
           {"journal", "import", csv.string()},
           {"import", csv.string()}}) {
    const auto r = run_runload(with_db(db, args));
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("read-only"));
  }
  const auto runs = run_runload(with_db(db, {"runs", "--json"}));
  CHECK(runs.exit_code == 0);
  CHECK(nlohmann::json::parse(runs.out).empty());
  const auto list = journal_json(db);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["stiffness"] == 4);
  healthy_counts(db);
  CHECK(bytes_of(db) == bytes);

  fs::permissions(folder, fs::perms::owner_all);
  fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_CASE(
    "faults: doctor reports a damaged database with recovery advice and leaves it "
    "byte-identical",
    "[e2e][faults][damaged]") {
  TempDir dir;
  const auto db = dir / "damaged.db";
  const auto csv = dir.write("many.csv", journal_csv(date::year{2001} / 1 / 1, 400));
  REQUIRE(run_runload(with_db(db, {"journal", "import", csv.string()})).exit_code == 0);
  REQUIRE(fs::file_size(db) > 8 * 4096);
  {
    // Every page but the first overwritten: the schema survives, the tables
    // it points at do not.
    std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096);
    const std::string garbage(fs::file_size(db) - 4096, '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto bytes = bytes_of(db);

  const auto r = run_runload(with_db(db, {"doctor"}));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(db.string()));
  CHECK_THAT(r.err, Catch::Contains(".recover"));
  CHECK_THAT(r.err, Catch::Contains("backup"));
  CHECK(bytes_of(db) == bytes);

  const auto write =
      run_runload(with_db(db, {"journal", "--date", "2024-01-02", "--pain-run", "1"}));
  CHECK(write.exit_code == 3);
  CHECK(bytes_of(db) == bytes);
}

TEST_CASE("faults: another application's SQLite file is refused by every command, byte-identical",
          "[e2e][faults][damaged]") {
  TempDir dir;
  const auto db = dir / "photos.db";
  {
    SQLite::Database sql(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sql.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
    sql.exec("INSERT INTO photos(name) VALUES ('beach.jpg')");
  }
  const auto bytes = bytes_of(db);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"doctor"}, {"runs"}, {"journal", "list"}, {"journal", "--stiffness", "1"}}) {
    const auto r = run_runload(with_db(db, args));
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("another application"));
  }
  CHECK(bytes_of(db) == bytes);
}

TEST_CASE("privacy: import, runs, journal and doctor open no network socket", "[e2e][privacy]") {
  if (std::system("strace -f -qq -o /dev/null true >/dev/null 2>&1") != 0) {
    WARN(
        "strace is missing (scripts/install-deps.sh installs it) or cannot trace here; "
        "network test skipped");
    return;
  }
  TempDir dir;
  const auto db = dir / "private.db";
  const auto csv = dir.write("j.csv", journal_csv(date::year{2024} / 1 / 1, 5));
  const auto trace = dir / "trace.txt";
  const std::string binary = RUNLOAD_BINARY;
  for (const auto& args :
       std::vector<std::string>{"journal import " + csv.string(), "import " + dir.path().string(),
                                "runs --json", "journal list --json", "doctor --json"}) {
    const std::string command = "strace -f -qq -e trace=socket,connect,bind,sendto -o " +
                                trace.string() + " " + binary + " --db " + db.string() +
                                " --tz UTC " + args + " >/dev/null 2>&1";
    std::system(command.c_str());
    REQUIRE(fs::exists(trace));
    const auto log = read_file(trace);
    INFO(args << "\n" << log);
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("socket(") == std::string::npos && line.find("connect(") == std::string::npos)
        continue;
      CHECK_THAT(line, Catch::Contains("AF_UNIX") || Catch::Contains("AF_LOCAL"));
    }
  }
  struct stat st {};
  REQUIRE(::stat(db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}
