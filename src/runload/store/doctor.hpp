#pragma once
// Health of a runload database, for `runload doctor`.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

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

  bool healthy() const;
};

DoctorReport run_doctor(Database& db);

}  // namespace runload::store
