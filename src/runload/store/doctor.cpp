#include <runload/store/doctor.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <runload/store/database.hpp>
#include <runload/store/migrations.hpp>

namespace runload::store {

bool DoctorReport::healthy() const {
  return integrity.size() == 1 && integrity.front() == "ok" && foreign_keys.empty() &&
         application_id == k_application_id && schema_version == latest_schema_version;
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
  return report;
}

}  // namespace runload::store
