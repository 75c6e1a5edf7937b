#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>
#include <string>

#include <runload/error.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/migrations.hpp>
#include <runload/store/table_dump.hpp>

#include "support/temp_dir.hpp"

using namespace runload;

namespace {

std::set<std::string> schema_tables(store::Database& db) {
  std::set<std::string> names;
  SQLite::Statement q(db.sql(),
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%'");
  while (q.executeStep()) names.insert(q.getColumn(0).getString());
  return names;
}

const store::TableRows* table_named(const std::vector<store::TableRows>& tables,
                                    std::string_view name) {
  const auto found = std::find_if(tables.begin(), tables.end(),
                                  [&](const store::TableRows& t) { return t.name == name; });
  return found == tables.end() ? nullptr : &*found;
}

std::int64_t count(store::Database& db, const std::string& table) {
  return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// Two athletes, each with an activity, a source, a deleted activity and its file.
void two_athletes(store::Database& db) {
  db.sql().exec(R"(
    INSERT INTO athletes(id, name, timezone, created_at) VALUES
      (1, 'lena', 'Europe/Berlin', '2026-01-01T00:00:00Z'),
      (2, 'max', 'UTC', '2026-01-02T00:00:00Z');
    INSERT INTO activities(id, athlete_id, start_utc, utc_offset_s, offset_origin, local_date,
                           sport, name, distance_m, speed_hist, created_at) VALUES
      (10, 1, 1767261600, 3600, 'file', '2026-01-01', 'run', 'Lena''s run', 10000.5,
       x'0000803F00000040', '2026-01-01T10:00:00Z'),
      (11, 2, 1767348000, 0, 'zone', '2026-01-02', 'run', '', NULL, NULL,
       '2026-01-02T10:00:00Z');
    INSERT INTO activity_sources(activity_id, format, file, line, file_hash) VALUES
      (10, 'gpx', 'a.gpx', NULL, 'aa'), (11, 'gpx', 'b.gpx', NULL, 'bb');
    INSERT INTO deleted_activities(id, athlete_id, activity_id, start_utc, sport, name,
                                   deleted_at) VALUES
      (5, 1, 3, 1767000000, 'run', 'gone', '2026-01-03T00:00:00Z'),
      (6, 2, 4, 1767000000, 'run', 'gone too', '2026-01-03T00:00:00Z');
    INSERT INTO deleted_activity_files(deleted_id, file_hash) VALUES (5, 'cc'), (6, 'dd');
    INSERT INTO exports(path, format, exported_at, size, modified_ns) VALUES
      ('/tmp/x.json', 'json', '2026-01-04T00:00:00Z', 10, 20);
  )");
}

}  // namespace

// The guard of "a table added later is exported without new code": a table
// of the schema that is neither exported nor excluded fails here, by name.
TEST_CASE("table dump: every table of the schema is exported or deliberately excluded",
          "[store][export]") {
  auto db = store::Database::open_in_memory();
  // What is read for an export, not what a list says.
  std::vector<std::string> exported;
  for (const auto& table : store::read_tables(db, {})) exported.push_back(table.name);
  CHECK(exported == store::exported_tables(db));
  std::set<std::string> covered(exported.begin(), exported.end());
  for (const auto& excluded : store::excluded_tables()) {
    INFO(excluded.name);
    CHECK_FALSE(excluded.reason.empty());
    CHECK(covered.insert(std::string(excluded.name)).second);  // not both
  }
  const auto tables = schema_tables(db);
  for (const auto& table : tables) {
    INFO("table " << table << " is neither exported nor in store::excluded_tables()");
    CHECK(covered.count(table) == 1);
  }
  for (const auto& name : covered) {
    INFO("exported or excluded but not in the schema: " << name);
    CHECK(tables.count(name) == 1);
  }
  // What the issue names is among them.
  for (const char* name :
       {"athletes", "activities", "activity_sources", "journal_entries", "journal_history", "gear",
        "visa_a", "heel_rise_tests", "rehab_sessions", "medications", "episodes",
        "deleted_activities", "deleted_activity_files", "imported_files", "failed_files"})
    CHECK(std::find(exported.begin(), exported.end(), name) != exported.end());
  CHECK(exported.front() == "athletes");
}

TEST_CASE("table dump: every column of every exported table is read, in the table's order",
          "[store][export]") {
  auto db = store::Database::open_in_memory();
  for (const auto& table : store::read_tables(db, {})) {
    SQLite::Statement q(db.sql(), "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, table.name);
    std::vector<std::string> names;
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
    std::vector<std::string> read;
    for (const auto& column : table.columns) read.push_back(column.name);
    INFO(table.name);
    CHECK(read == names);
  }
}

TEST_CASE("table dump: one athlete's rows follow the foreign keys to the athlete",
          "[store][export]") {
  auto db = store::Database::open_in_memory();
  two_athletes(db);
  CHECK(store::athlete_condition(db, "activities") == "\"athlete_id\" = :athlete");
  CHECK(store::athlete_condition(db, "deleted_activity_files")->find("deleted_activities") !=
        std::string::npos);

  const auto tables = store::read_tables(db, store::Scope{2});
  REQUIRE(table_named(tables, "athletes")->rows.size() == 1);
  CHECK(table_named(tables, "athletes")->rows[0][1] == store::Cell{std::string("max")});
  CHECK(table_named(tables, "activities")->rows.size() == 1);
  REQUIRE(table_named(tables, "activity_sources")->rows.size() == 1);
  CHECK(table_named(tables, "activity_sources")->rows[0][3] == store::Cell{std::string("b.gpx")});
  REQUIRE(table_named(tables, "deleted_activity_files")->rows.size() == 1);
  CHECK(table_named(tables, "deleted_activity_files")->rows[0][1] ==
        store::Cell{std::string("dd")});
  CHECK(table_named(tables, "exports") == nullptr);

  const auto all = store::read_tables(db, {});
  CHECK(table_named(all, "activities")->rows.size() == 2);
}

TEST_CASE("table dump: rows written back give the same rows, blobs and nulls included",
          "[store][export]") {
  auto db = store::Database::open_in_memory();
  two_athletes(db);
  const auto tables = store::read_tables(db, {});
  const auto* activities = table_named(tables, "activities");
  const auto hist = std::find_if(activities->columns.begin(), activities->columns.end(),
                                 [](const store::Column& c) { return c.name == "speed_hist"; });
  const auto at = static_cast<std::size_t>(hist - activities->columns.begin());
  CHECK(hist->type == "BLOB");
  CHECK(activities->rows[0][at] == store::Cell{store::Blob{std::string("\0\0\x80?\0\0\0@", 8)}});
  CHECK(activities->rows[1][at] == store::Cell{});

  auto copy = store::Database::open_in_memory();
  store::write_tables(copy, tables, store::latest_schema_version());
  const auto again = store::read_tables(copy, {});
  REQUIRE(again.size() == tables.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    INFO(tables[i].name);
    CHECK(again[i].name == tables[i].name);
    CHECK(again[i].columns == tables[i].columns);
    CHECK(again[i].rows == tables[i].rows);
  }
  CHECK(count(copy, "exports") == 0);
}

TEST_CASE(
    "table dump: a database holding rows, an unknown table or column, a newer schema are "
    "refused whole",
    "[store][export]") {
  auto db = store::Database::open_in_memory();
  two_athletes(db);
  const auto tables = store::read_tables(db, {});
  CHECK_THROWS_WITH(store::write_tables(db, tables, store::latest_schema_version()),
                    Catch::Contains("already holds rows in 'athletes'"));

  auto empty = store::Database::open_in_memory();
  auto unknown_table = tables;
  unknown_table.push_back({"shoes_of_tomorrow", {{"id", "INTEGER"}}, {{std::int64_t{1}}}});
  CHECK_THROWS_WITH(store::write_tables(empty, unknown_table, store::latest_schema_version()),
                    Catch::Contains("'shoes_of_tomorrow'"));
  auto unknown_column = tables;
  unknown_column[0].columns.push_back({"shoe_size", "INTEGER"});
  for (auto& row : unknown_column[0].rows) row.emplace_back(std::int64_t{42});
  CHECK_THROWS_WITH(store::write_tables(empty, unknown_column, store::latest_schema_version()),
                    Catch::Contains("'shoe_size'"));
  CHECK_THROWS_WITH(store::write_tables(empty, tables, store::latest_schema_version() + 1),
                    Catch::Contains("newer runload"));
  CHECK(count(empty, "athletes") == 0);
  CHECK(count(empty, "activities") == 0);
}

TEST_CASE("table dump: rows of an older schema are restored through the migrations",
          "[store][export]") {
  // Schema 7 had no born_year and sex (0008) and no visa_a table.
  const std::vector<store::TableRows> old{
      {"athletes",
       {{"id", "INTEGER"}, {"name", "TEXT"}, {"timezone", "TEXT"}, {"created_at", "TEXT"}},
       {{std::int64_t{3}, std::string("lena"), std::string("Europe/Berlin"),
         std::string("2025-05-05T00:00:00Z")}}},
      {"journal_entries",
       {{"id", "INTEGER"},
        {"athlete_id", "INTEGER"},
        {"date", "TEXT"},
        {"stiffness", "INTEGER"},
        {"updated_at", "TEXT"}},
       {{std::int64_t{9}, std::int64_t{3}, std::string("2025-05-06"), std::int64_t{4},
         std::string("2025-05-06T07:00:00Z")}}},
  };
  auto db = store::Database::open_in_memory();
  store::write_tables(db, old, 7);
  SQLite::Statement athlete(db.sql(), "SELECT id, name, born_year IS NULL FROM athletes");
  REQUIRE(athlete.executeStep());
  CHECK(athlete.getColumn(0).getInt64() == 3);
  CHECK(athlete.getColumn(1).getString() == "lena");
  CHECK(athlete.getColumn(2).getInt() == 1);
  CHECK(db.sql().execAndGet("SELECT stiffness FROM journal_entries WHERE id = 9").getInt() == 4);
}

TEST_CASE("table dump: a snapshot of one athlete holds nothing of the others, and no exports",
          "[store][export]") {
  test::TempDir dir;
  {
    auto db = store::Database::open(dir / "r.db");
    two_athletes(db);
    store::snapshot(db, dir / "lena.db", store::Scope{1});
    store::snapshot(db, dir / "all.db", {});
  }
  auto lena = store::Database::open(dir / "lena.db", store::OpenMode::existing);
  CHECK(count(lena, "athletes") == 1);
  CHECK(lena.sql().execAndGet("SELECT name FROM athletes").getString() == "lena");
  CHECK(count(lena, "activities") == 1);
  CHECK(count(lena, "activity_sources") == 1);
  CHECK(count(lena, "deleted_activity_files") == 1);
  CHECK(count(lena, "exports") == 0);
  CHECK(lena.application_id() == store::k_application_id);
  // Rebuilt: the other athlete's name is not in a free page either.
  CHECK(test::read_file(dir / "lena.db").find("gone too") == std::string::npos);
  auto all = store::Database::open(dir / "all.db", store::OpenMode::existing);
  CHECK(count(all, "athletes") == 2);
  CHECK(count(all, "exports") == 0);
}

TEST_CASE("table dump: an export recorded twice at one path is one record, the latest",
          "[store][export]") {
  auto db = store::Database::open_in_memory();
  store::record_export(db, {"/tmp/a.json", "json", "2026-01-01T00:00:00Z", 10, 1});
  store::record_export(db, {"/tmp/b.zip", "csv", "2026-01-01T00:00:01Z", 20, 2});
  store::record_export(db, {"/tmp/a.json", "json", "2026-01-02T00:00:00Z", 30, 3});
  const auto records = store::recorded_exports(db);
  REQUIRE(records.size() == 2);
  CHECK(records[0].path == "/tmp/a.json");
  CHECK(records[0].size == 30);
  CHECK(records[0].modified_ns == 3);
  CHECK(records[1].format == "csv");
}
