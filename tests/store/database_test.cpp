#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <string_view>

#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/store/doctor.hpp>
#include <runload/store/migrations.hpp>
#include <runload/store/migrator.hpp>
#include "support/temp_dir.hpp"

using namespace runload;
using runload::test::TempDir;

namespace {

// The structure of a database, independent of comment and whitespace
// differences between the migrations and schema.sql: every table's columns
// (name, type, not-null, default, primary key), foreign keys and indexes.
std::string schema_fingerprint(SQLite::Database& db) {
  std::ostringstream out;
  SQLite::Statement objects(db,
                            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE "
                            "'sqlite_%' ORDER BY type, name");
  while (objects.executeStep()) {
    const std::string type = objects.getColumn(0).getString();
    const std::string name = objects.getColumn(1).getString();
    out << type << ' ' << name << " on " << objects.getColumn(2).getString() << '\n';
    if (type == "table") {
      SQLite::Statement cols(db,
                             "SELECT name, type, \"notnull\", dflt_value, pk FROM "
                             "pragma_table_info(?)");
      cols.bind(1, name);
      while (cols.executeStep())
        out << "  col " << cols.getColumn(0).getString() << ' ' << cols.getColumn(1).getString()
            << ' ' << cols.getColumn(2).getInt() << ' ' << cols.getColumn(3).getString() << ' '
            << cols.getColumn(4).getInt() << '\n';
      SQLite::Statement fks(db,
                            "SELECT \"table\", \"from\", \"to\", on_delete FROM "
                            "pragma_foreign_key_list(?) ORDER BY id, seq");
      fks.bind(1, name);
      while (fks.executeStep())
        out << "  fk " << fks.getColumn(0).getString() << ' ' << fks.getColumn(1).getString()
            << "->" << fks.getColumn(2).getString() << ' ' << fks.getColumn(3).getString() << '\n';
    }
    if (type == "index") {
      SQLite::Statement cols(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
      cols.bind(1, name);
      while (cols.executeStep()) out << "  on " << cols.getColumn(0).getString() << '\n';
    }
  }
  return out.str();
}

mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

// A database at `version`: the first migrations only, as an older runload left it.
void make_database_at(const std::filesystem::path& path, int version) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<store::Migration> older;
  for (const auto& m : store::embedded_migrations())
    if (m.version <= version) older.push_back(m);
  REQUIRE(store::apply_migrations(db, older) == version);
}

// The version of the migration named NNNN_`name`: found by name, so that
// renumbering a migration file changes no test.
int version_of(std::string_view name) {
  for (const auto& m : store::embedded_migrations())
    if (m.name.size() > 5 && m.name.substr(5) == name) return m.version;
  FAIL("no migration named NNNN_" << name);
  return 0;
}

}  // namespace

TEST_CASE("database: migrating an empty database gives exactly schema/schema.sql",
          "[store][migrations]") {
  auto migrated = store::Database::open_in_memory();
  SQLite::Database expected(":memory:", SQLite::OPEN_READWRITE);
  expected.exec(test::read_file(test::source_dir() / "schema" / "schema.sql"));
  CHECK(schema_fingerprint(migrated.sql()) == schema_fingerprint(expected));
  CHECK(migrated.schema_version() == store::latest_schema_version());
  CHECK(migrated.application_id() == store::k_application_id);
}

TEST_CASE("database: migrations are numbered 1, 2, 3... without gaps", "[store][migrations]") {
  const auto& all = store::embedded_migrations();
  REQUIRE_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].version == static_cast<int>(i) + 1);
}

TEST_CASE("database: a database at every earlier version upgrades, with a backup first",
          "[store][migrations]") {
  for (int version = 1; version < store::latest_schema_version(); ++version) {
    CAPTURE(version);
    TempDir dir;
    const auto path = dir / "old.db";
    make_database_at(path, version);
    auto db = store::Database::open(path);
    CHECK(db.schema_version() == store::latest_schema_version());
    REQUIRE(db.open_event().backup.has_value());
    CHECK(std::filesystem::exists(*db.open_event().backup));
    CHECK(mode_of(*db.open_event().backup) == 0600);
    SQLite::Database backup(db.open_event().backup->string());
    CHECK(backup.execAndGet("PRAGMA user_version").getInt() == version);
    auto fresh = store::Database::open_in_memory();
    CHECK(schema_fingerprint(db.sql()) == schema_fingerprint(fresh.sql()));
  }
}

TEST_CASE("database: a new database is 0600 in a 0700 folder under umask 022", "[store]") {
  TempDir dir;
  const mode_t old_mask = ::umask(022);
  const auto path = dir / "a" / "b" / "runload.db";
  {
    auto db = store::Database::open(path);
    db.sql().exec("CREATE TEMP TABLE t(x)");  // WAL and SHM exist while open
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(dir / "a") == 0700);
    CHECK(mode_of(dir / "a" / "b") == 0700);
    for (const char* suffix : {"-wal", "-shm"}) {
      auto side = path;
      side += suffix;
      if (std::filesystem::exists(side)) CHECK(mode_of(side) == 0600);
    }
  }
  ::umask(old_mask);
}

TEST_CASE("database: every connection has the safety pragmas", "[store]") {
  TempDir dir;
  auto db = store::Database::open(dir / "p.db");
  CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.sql().execAndGet("PRAGMA busy_timeout").getInt() >= 5000);
  CHECK(db.sql().execAndGet("PRAGMA trusted_schema").getInt() == 0);
  CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("database: newer, foreign and non-SQLite files are refused and left byte-identical",
          "[store]") {
  TempDir dir;
  SECTION("not SQLite") {
    const auto path = dir.write("notes.db", "these are my running notes\n");
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("not an SQLite database"));
    CHECK(test::read_file(path) == "these are my running notes\n");
  }
  SECTION("another application's SQLite file") {
    const auto path = dir / "other.db";
    {
      SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      other.exec("CREATE TABLE contacts(name TEXT)");
    }
    const auto before = test::read_file(path);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("another application"));
    CHECK(test::read_file(path) == before);
  }
  SECTION("another application's id") {
    const auto path = dir / "app.db";
    {
      SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      other.exec("PRAGMA application_id = 1234");
    }
    const auto before = test::read_file(path);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("0x000004D2"));
    CHECK(test::read_file(path) == before);
  }
  SECTION("newer schema") {
    const auto path = dir / "new.db";
    {
      auto db = store::Database::open(path);
      db.sql().exec("PRAGMA user_version = 999");
    }
    const auto before = test::read_file(path);
    CHECK_THROWS_AS(store::Database::open(path), DatabaseError);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains("newer"));
    CHECK(test::read_file(path) == before);
  }
}

TEST_CASE("doctor: a fresh database is healthy", "[store][doctor]") {
  TempDir dir;
  auto db = store::Database::open(dir / "d.db");
  const auto report = store::run_doctor(db);
  CHECK(report.healthy());
  CHECK(report.integrity == std::vector<std::string>{"ok"});
  CHECK(report.foreign_keys.empty());
  CHECK(std::any_of(report.row_counts.begin(), report.row_counts.end(),
                    [](const auto& row) { return row.first == "athletes" && row.second == 0; }));
}

TEST_CASE("doctor: a foreign-key violation makes the database unhealthy", "[store][doctor]") {
  TempDir dir;
  auto db = store::Database::open(dir / "fk.db");
  db.sql().exec("PRAGMA foreign_keys = OFF");
  db.sql().exec(
      "CREATE TABLE child(id INTEGER PRIMARY KEY, athlete_id INTEGER REFERENCES "
      "athletes(id))");
  db.sql().exec("INSERT INTO child(athlete_id) VALUES (42)");
  const auto report = store::run_doctor(db);
  CHECK_FALSE(report.healthy());
  REQUIRE(report.foreign_keys.size() == 1);
  CHECK_THAT(report.foreign_keys[0], Catch::Contains("child"));
}

TEST_CASE(
    "database: the corrections migration keeps every activity and source, wall-clock rows local",
    "[store][migrations]") {
  TempDir dir;
  const auto path = dir / "before_corrections.db";
  make_database_at(path, version_of("corrections") - 1);
  {
    SQLite::Database old(path.string(), SQLite::OPEN_READWRITE);
    old.exec("PRAGMA foreign_keys = ON");
    old.exec(
        "INSERT INTO athletes(id, name, timezone, created_at) VALUES (1, 'ann', 'Europe/Berlin', "
        "'2024-01-01T00:00:00Z')");
    // A Garmin row (wall-clock), a GPX track (UTC instant), and a Garmin row
    // merged with a GPX track (its start the track's).
    for (int id = 1; id <= 3; ++id)
      old.exec(
          fmt::format("INSERT INTO activities(id, athlete_id, start_utc, utc_offset_s, "
                      "offset_origin, local_date, sport, created_at) VALUES ({}, 1, {}, "
                      "3600, 'zone', '2024-01-0{}', 'run', '2024-01-01T00:00:00Z')",
                      id, 1704096000 + id * 86400, id + 1));
    old.exec(
        "INSERT INTO activity_sources(activity_id, format, file, line, file_sha256) VALUES "
        "(1, 'garmin_csv', 'a.csv', 2, 'aa'), (2, 'gpx', 'b.gpx', NULL, 'bb'), "
        "(3, 'garmin_csv', 'a.csv', 3, 'aa'), (3, 'gpx', 'c.gpx', NULL, 'cc')");
  }
  auto db = store::Database::open(path);
  REQUIRE(db.schema_version() == store::latest_schema_version());
  auto& sql = db.sql();
  CHECK(sql.execAndGet("SELECT count(*) FROM activities").getInt() == 3);
  CHECK(sql.execAndGet("SELECT count(*) FROM activity_sources").getInt() == 4);
  CHECK(sql.execAndGet("SELECT group_concat(offset_origin, ',') FROM (SELECT offset_origin FROM "
                       "activities ORDER BY id)")
            .getString() == "local,zone,zone");
  CHECK(sql.execAndGet("SELECT count(*) FROM activities WHERE edited = ''").getInt() == 3);
  CHECK(sql.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  SQLite::Statement fk(sql, "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.executeStep());
  auto fresh = store::Database::open_in_memory();
  CHECK(schema_fingerprint(db.sql()) == schema_fingerprint(fresh.sql()));
}
