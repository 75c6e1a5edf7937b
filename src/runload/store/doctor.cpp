#include <runload/store/doctor.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

#include <runload/store/database.hpp>
#include <runload/store/migrations.hpp>

namespace runload::store {

namespace {

// Every table's columns and every index, as (what, name) pairs: "table
// athletes", "column athletes.name", "index activities_by_start".
std::vector<std::string> schema_parts(SQLite::Database& sql) {
  std::vector<std::string> parts;
  SQLite::Statement objects(sql,
                            "SELECT type, name FROM sqlite_master WHERE type IN ('table', "
                            "'index') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name");
  while (objects.executeStep()) {
    const std::string type = objects.getColumn(0).getString();
    const std::string name = objects.getColumn(1).getString();
    parts.push_back(fmt::format("{} {}", type, name));
    if (type != "table") continue;
    SQLite::Statement columns(sql, "SELECT name FROM pragma_table_info(?)");
    columns.bind(1, name);
    while (columns.executeStep())
      parts.push_back(fmt::format("column {}.{}", name, columns.getColumn(0).getString()));
  }
  return parts;
}

}  // namespace

bool DoctorReport::file_sound() const {
  return integrity.size() == 1 && integrity.front() == "ok" && foreign_keys.empty() &&
         application_id == k_application_id && schema_version == latest_schema_version &&
         schema_problems.empty();
}

bool DoctorReport::healthy() const {
  return file_sound() && unusable.empty();
}

DoctorReport run_doctor(Database& db) {
  auto& sql = db.sql();
  DoctorReport report;
  report.path = db.path();
  report.schema_version = db.schema_version();
  report.latest_schema_version = latest_schema_version();
  report.application_id = db.application_id();

  SQLite::Statement integrity(sql, "PRAGMA integrity_check");
  while (integrity.executeStep()) report.integrity.push_back(integrity.getColumn(0).getString());

  SQLite::Statement fk(sql, "PRAGMA foreign_key_check");
  while (fk.executeStep())
    report.foreign_keys.push_back(
        fmt::format("{} row {} refers to a missing {}", fk.getColumn(0).getString(),
                    fk.getColumn(1).getInt64(), fk.getColumn(2).getString()));

  SQLite::Statement tables(sql,
                           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' ORDER BY name");
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    // Table names come from sqlite_master, not from the user; quoted all the same.
    const auto count = sql.execAndGet(fmt::format("SELECT count(*) FROM \"{}\"", name)).getInt64();
    report.row_counts.emplace_back(name, count);
  }

  // The schema this runload makes, from its own migrations.
  auto reference = Database::open_in_memory();
  const auto present = schema_parts(sql);
  for (const auto& part : schema_parts(reference.sql()))
    if (std::find(present.begin(), present.end(), part) == present.end())
      report.schema_problems.push_back(fmt::format("{} is missing", part));
  if (!report.schema_problems.empty()) return report;

  report.unusable = ActivityRepository(db).unusable(std::nullopt);
  for (const auto& u : report.unusable) {
    SQLite::Statement name(sql, "SELECT name FROM athletes WHERE id = ?");
    name.bind(1, u.athlete_id);
    report.unusable_athletes.push_back(name.executeStep() ? name.getColumn(0).getString()
                                                          : std::string("?"));
  }
  return report;
}

}  // namespace runload::store
