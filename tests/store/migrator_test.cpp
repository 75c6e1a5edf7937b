#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <string_view>
#include <vector>

#include <runload/store/database.hpp>
#include <runload/store/migrations.hpp>
#include <runload/store/migrator.hpp>

using namespace runload;
using store::Migration;

namespace {

// The version of migrations/NNNN_tendon.sql: the one place to change when it is
// renumbered at a merge.
constexpr int k_tendon_version = 8;

SQLite::Database fresh_database() {
  return SQLite::Database(":memory:", SQLite::OPEN_READWRITE);
}

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

int application_id(SQLite::Database& db) {
  return db.execAndGet("PRAGMA application_id").getInt();
}

// A table or index by name, or a column as "table.column".
bool has_object(SQLite::Database& db, const std::string& name) {
  if (const auto dot = name.find('.'); dot != std::string::npos) {
    SQLite::Statement query(db, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    query.bind(1, name.substr(0, dot));
    query.bind(2, name.substr(dot + 1));
    REQUIRE(query.executeStep());
    return query.getColumn(0).getInt() == 1;
  }
  SQLite::Statement query(db, "SELECT count(*) FROM sqlite_master WHERE name = ?");
  query.bind(1, name);
  REQUIRE(query.executeStep());
  return query.getColumn(0).getInt() == 1;
}

// Every table and index with its CREATE statement, in name order.
std::string schema_of(SQLite::Database& db) {
  std::string schema;
  SQLite::Statement query(db,
                          "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                          "ORDER BY name");
  while (query.executeStep()) {
    schema += query.getColumn(0).getString() + ": " + query.getColumn(1).getString() + "\n";
  }
  return schema;
}

// The embedded migrations up to `version`, as an older runload shipped them.
std::vector<Migration> embedded_up_to(int version) {
  std::vector<Migration> older;
  for (const auto& m : store::embedded_migrations())
    if (m.version <= version) older.push_back(m);
  return older;
}

// A table, index or column that each embedded migration creates, by the
// name of its file without the number (migrations/NNNN_name.sql), so that
// renumbering a migration changes nothing here: the sign that it ran.
std::string created_by(int version) {
  std::string_view name;
  for (const auto& m : store::embedded_migrations())
    if (m.version == version) name = m.name.substr(m.name.find('_') + 1);
  if (name == "athletes") return "athletes";
  if (name == "activities") return "activities";
  if (name == "journal") return "journal_entries";
  // 0009 (content_identity) renames the index it made to this.
  if (name == "source_hash_index") return "activity_sources_by_file_hash";
  if (name == "journal_assessed") return "journal_entries.assessed";
  if (name == "gear") return "gear";
  if (name == "corrections") return "failed_files";
  if (name == "tendon") return "visa_a";
  if (name == "content_identity") return "imported_files.content_hash";
  if (name == "heart_rate") return "activities.hr_hist";
  if (name == "exports") return "exports";
  if (name == "settings") return "settings";
  if (name == "day_offset_index") return "activities_by_day_offset";
  FAIL("a migration this test does not know: " << version << " (" << name
                                               << "); add what it creates");
  return "";
}

// The version of the embedded migration named NNNN_`name`, found by name so
// that renumbering it at a merge changes nothing here.
int version_named(std::string_view name) {
  for (const auto& m : store::embedded_migrations())
    if (m.name.size() > 5 && m.name.substr(5) == name) return m.version;
  FAIL("no migration named NNNN_" << name);
  return 0;
}

// Fake migrations that record each run in a table: what ran, and how often.
const Migration k_create_log{1, "0001_log", "CREATE TABLE log(version INTEGER NOT NULL)"};
const Migration k_log_2{2, "0002_two", "INSERT INTO log VALUES (2)"};
const Migration k_log_3{3, "0003_three", "INSERT INTO log VALUES (3)"};
const Migration k_log_4{4, "0004_four", "INSERT INTO log VALUES (4)"};
// Creates a table and logs itself before a statement that fails: none of it may remain.
const Migration k_bad_3{3, "0003_bad",
                        "CREATE TABLE half_done(x INTEGER); INSERT INTO log VALUES (3); "
                        "INSERT INTO no_such_table VALUES (1)"};

std::vector<int> log_of(SQLite::Database& db) {
  std::vector<int> versions;
  SQLite::Statement query(db, "SELECT version FROM log ORDER BY rowid");
  while (query.executeStep()) versions.push_back(query.getColumn(0).getInt());
  return versions;
}

// No transaction is left open: BEGIN would fail inside one.
void require_no_open_transaction(SQLite::Database& db) {
  REQUIRE_NOTHROW(db.exec("BEGIN IMMEDIATE"));
  db.exec("ROLLBACK");
}

}  // namespace

TEST_CASE(
    "migrator: a new database gets every migration, the latest version and the application_id",
    "[store][migrator]") {
  auto db = fresh_database();
  REQUIRE(user_version(db) == 0);
  REQUIRE(application_id(db) == 0);
  const int latest = store::latest_schema_version();
  CHECK(latest == store::embedded_migrations().back().version);

  CHECK(store::apply_migrations(db, store::embedded_migrations()) == latest);
  CHECK(user_version(db) == latest);
  // 0x52554E4C, "RUNL" in ASCII.
  CHECK(application_id(db) == 0x52554E4C);
  CHECK(application_id(db) == store::k_application_id);
  for (const auto& m : store::embedded_migrations()) {
    CAPTURE(m.name);
    CHECK(has_object(db, created_by(m.version)));
  }
  require_no_open_transaction(db);
}

TEST_CASE("migrator: applying the migrations again changes nothing", "[store][migrator]") {
  SECTION("the embedded migrations") {
    auto db = fresh_database();
    const int latest = store::apply_migrations(db, store::embedded_migrations());
    db.exec(
        "INSERT INTO athletes(name, timezone, created_at) VALUES ('ana', 'Europe/Oslo', "
        "'2024-01-01T00:00:00Z')");
    const auto schema = schema_of(db);

    CHECK(store::apply_migrations(db, store::embedded_migrations()) == latest);
    CHECK(user_version(db) == latest);
    CHECK(application_id(db) == store::k_application_id);
    CHECK(schema_of(db) == schema);
    CHECK(db.execAndGet("SELECT count(*) FROM athletes").getInt() == 1);
  }
  SECTION("each migration runs once") {
    auto db = fresh_database();
    const std::vector<Migration> all{k_create_log, k_log_2, k_log_3, k_log_4};
    CHECK(store::apply_migrations(db, all) == 4);
    CHECK(log_of(db) == std::vector<int>{2, 3, 4});
    CHECK(store::apply_migrations(db, all) == 4);
    CHECK(log_of(db) == std::vector<int>{2, 3, 4});
  }
}

TEST_CASE("migrator: a database at an intermediate version gets only the later migrations",
          "[store][migrator]") {
  SECTION("the embedded migrations, from every earlier version") {
    const int latest = store::latest_schema_version();
    for (int version = 1; version < latest; ++version) {
      CAPTURE(version);
      auto db = fresh_database();
      REQUIRE(store::apply_migrations(db, embedded_up_to(version)) == version);
      REQUIRE(user_version(db) == version);
      CHECK(application_id(db) == store::k_application_id);
      CHECK_FALSE(has_object(db, created_by(version + 1)));
      // A row of the older database survives: migrations 1..version did not run again.
      db.exec(
          "INSERT INTO athletes(name, timezone, created_at) VALUES ('ana', 'Europe/Oslo', "
          "'2024-01-01T00:00:00Z')");

      CHECK(store::apply_migrations(db, store::embedded_migrations()) == latest);
      CHECK(user_version(db) == latest);
      for (int later = version + 1; later <= latest; ++later) {
        CAPTURE(later);
        CHECK(has_object(db, created_by(later)));
      }
      CHECK(db.execAndGet("SELECT count(*) FROM athletes").getInt() == 1);
    }
  }
  SECTION("a log of what ran") {
    auto db = fresh_database();
    REQUIRE(store::apply_migrations(db, {k_create_log, k_log_2}) == 2);
    REQUIRE(log_of(db) == std::vector<int>{2});
    CHECK(store::apply_migrations(db, {k_create_log, k_log_2, k_log_3, k_log_4}) == 4);
    // 2 is not logged twice: only 3 and 4 ran.
    CHECK(log_of(db) == std::vector<int>{2, 3, 4});
    CHECK(user_version(db) == 4);
  }
}

TEST_CASE("migrator: a failing migration leaves the previous version and nothing of itself",
          "[store][migrator]") {
  SECTION("from an intermediate version, the migrations before the failing one stay") {
    auto db = fresh_database();
    REQUIRE(store::apply_migrations(db, {k_create_log}) == 1);
    // 2 applies in its own transaction; 3 fails; 4 is never reached.
    CHECK_THROWS_AS(store::apply_migrations(db, {k_create_log, k_log_2, k_bad_3, k_log_4}),
                    SQLite::Exception);
    CHECK(user_version(db) == 2);
    CHECK(application_id(db) == store::k_application_id);
    CHECK(log_of(db) == std::vector<int>{2});
    CHECK_FALSE(has_object(db, "half_done"));
    require_no_open_transaction(db);

    // Once fixed, the rest applies from there.
    CHECK(store::apply_migrations(db, {k_create_log, k_log_2, k_log_3, k_log_4}) == 4);
    CHECK(log_of(db) == std::vector<int>{2, 3, 4});
  }
  SECTION("at the version just before it") {
    auto db = fresh_database();
    REQUIRE(store::apply_migrations(db, {k_create_log, k_log_2}) == 2);
    CHECK_THROWS_AS(store::apply_migrations(db, {k_create_log, k_log_2, k_bad_3, k_log_4}),
                    SQLite::Exception);
    CHECK(user_version(db) == 2);
    CHECK(log_of(db) == std::vector<int>{2});
    CHECK_FALSE(has_object(db, "half_done"));
    require_no_open_transaction(db);
  }
  SECTION("a new database, migrated in one transaction, stays empty at version 0") {
    auto db = fresh_database();
    CHECK_THROWS_AS(store::apply_migrations(db, {k_create_log, k_log_2, k_bad_3, k_log_4}),
                    SQLite::Exception);
    CHECK(user_version(db) == 0);
    CHECK(application_id(db) == 0);
    CHECK_FALSE(has_object(db, "log"));
    CHECK_FALSE(has_object(db, "half_done"));
    CHECK(schema_of(db).empty());
    require_no_open_transaction(db);
  }
}

TEST_CASE("migrator: configure_connection sets foreign keys on and the busy timeout",
          "[store][migrator]") {
  auto db = fresh_database();
  // Start from the opposite of every setting, so each read-back shows configure_connection's work.
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec("PRAGMA busy_timeout = 0");
  db.exec("PRAGMA trusted_schema = ON");
  db.exec("PRAGMA synchronous = OFF");
  REQUIRE(db.execAndGet("PRAGMA foreign_keys").getInt() == 0);
  REQUIRE(db.execAndGet("PRAGMA busy_timeout").getInt() == 0);

  store::configure_connection(db);
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() == store::k_busy_timeout_ms);
  CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() == 10000);
  CHECK(db.execAndGet("PRAGMA trusted_schema").getInt() == 0);
  CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL

  // Foreign keys are enforced, not only reported: a journal entry of no athlete is refused.
  REQUIRE(store::apply_migrations(db, store::embedded_migrations()) ==
          store::latest_schema_version());
  CHECK_THROWS_AS(db.exec("INSERT INTO journal_entries(athlete_id, date, updated_at) VALUES "
                          "(42, '2024-01-01', '2024-01-01T08:00:00Z')"),
                  SQLite::Exception);
  CHECK(db.execAndGet("SELECT count(*) FROM journal_entries").getInt() == 0);
}

TEST_CASE(
    "migrator: the tendon migration keeps every athlete and activity, their new fields unknown",
    "[store][migrator]") {
  auto db = fresh_database();
  REQUIRE(store::apply_migrations(db, embedded_up_to(k_tendon_version - 1)) ==
          k_tendon_version - 1);
  db.exec(
      "INSERT INTO athletes(name, timezone, created_at) VALUES ('ana', 'Europe/Oslo', "
      "'2024-01-01T00:00:00Z')");
  db.exec(
      "INSERT INTO activities(athlete_id, start_utc, utc_offset_s, offset_origin, local_date, "
      "sport, distance_m, created_at) VALUES (1, 1700000000, 0, 'zone', '2023-11-14', 'run', "
      "10000, '2024-01-01T00:00:00Z')");
  REQUIRE(store::apply_migrations(db, store::embedded_migrations()) ==
          store::latest_schema_version());
  CHECK(db.execAndGet("SELECT count(*) FROM activities WHERE temperature_c IS NULL AND "
                      "temperature_source IS NULL AND distance_m = 10000")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM athletes WHERE born_year IS NULL AND sex IS NULL")
            .getInt() == 1);
  for (const char* table :
       {"visa_a", "heel_rise_tests", "rehab_sessions", "medications", "episodes"}) {
    CAPTURE(table);
    CHECK(has_object(db, table));
  }
  // A temperature without its source, and a Q8 score its branch lacks, are refused.
  CHECK_THROWS_AS(db.exec("UPDATE activities SET temperature_source = 'guess'"), SQLite::Exception);
  CHECK_THROWS_AS(db.exec("INSERT INTO visa_a(athlete_id, date, q1, q2, q3, q4, q5, q6, q7, "
                          "q8_branch, q8, updated_at) VALUES (1, '2024-01-02', 1, 1, 1, 1, 1, "
                          "1, 4, 'C', 14, 'x')"),
                  SQLite::Exception);
}

TEST_CASE(
    "migrator: the heart-rate migration keeps every athlete and activity, their heart-rate "
    "fields unknown",
    "[store][migrator][heart_rate]") {
  const int version = version_named("heart_rate");
  auto db = fresh_database();
  std::vector<Migration> before;
  for (const auto& m : store::embedded_migrations())
    if (m.version < version) before.push_back(m);
  REQUIRE(store::apply_migrations(db, before) == before.back().version);
  CHECK_FALSE(has_object(db, "activities.hr_hist"));
  db.exec(
      "INSERT INTO athletes(name, timezone, created_at) VALUES ('ana', 'Europe/Oslo', "
      "'2024-01-01T00:00:00Z')");
  db.exec(
      "INSERT INTO activities(athlete_id, start_utc, utc_offset_s, offset_origin, local_date, "
      "sport, distance_m, speed_hist, created_at) VALUES (1, 1700000000, 0, 'zone', "
      "'2023-11-14', 'run', 10000, x'00000000', '2024-01-01T00:00:00Z')");
  REQUIRE(store::apply_migrations(db, store::embedded_migrations()) ==
          store::latest_schema_version());
  CHECK(db.execAndGet("SELECT count(*) FROM activities WHERE hr_hist IS NULL AND "
                      "speed_hist IS NOT NULL AND distance_m = 10000")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM athletes WHERE hr_rest IS NULL AND hr_max IS NULL")
            .getInt() == 1);
  // Heart rates outside their ranges are refused.
  CHECK_THROWS_AS(db.exec("UPDATE athletes SET hr_rest = 20"), SQLite::Exception);
  CHECK_THROWS_AS(db.exec("UPDATE athletes SET hr_max = 240"), SQLite::Exception);
  CHECK_NOTHROW(db.exec("UPDATE athletes SET hr_rest = 48, hr_max = 188"));
}
