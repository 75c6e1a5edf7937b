#pragma once
// Health of a runload database, for `runload doctor`.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <runload/store/activity_repository.hpp>

namespace runload::store {

class Database;

struct DoctorReport {
  std::filesystem::path path;
  int schema_version = 0;
  int latest_schema_version = 0;
  std::int32_t application_id = 0;
  std::vector<std::string> integrity;     // "ok" alone when healthy
  std::vector<std::string> foreign_keys;  // one line per violation; empty when healthy
  std::vector<std::pair<std::string, std::int64_t>> row_counts;  // per table, by name
  // What the schema lacks against the one this runload makes ("table
  // failed_files is missing", "column activities.edited is missing", "index
  // ... is missing"); empty when it is whole.
  std::vector<std::string> schema_problems;
  // Activities a report cannot use, with their athletes' names.
  std::vector<UnusableActivity> unusable;
  std::vector<std::string> unusable_athletes;  // parallel to `unusable`

  bool healthy() const;
  // True when only stored values are wrong (unusable activities), the
  // file itself being sound: `runs delete` is the remedy, not a backup.
  bool file_sound() const;
};

// Checks the database: SQLite's integrity and foreign-key checks, its
// application id and version, every table, column and index of the schema,
// and the activities a report cannot use; counts the rows of each table.
DoctorReport run_doctor(Database& db);

}  // namespace runload::store
