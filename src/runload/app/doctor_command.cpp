#include <runload/app/doctor_command.hpp>

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>

namespace runload::app {

std::string recovery_advice(const std::string& path) {
  return fmt::format(
      "runload has not changed the file. To recover: restore a backup written next to it "
      "({0}.vN.bak) by copying it over {0}, or salvage what SQLite can read with\n"
      "  sqlite3 {0} .recover | sqlite3 {0}.recovered\n"
      "and then use --db {0}.recovered",
      path);
}

store::DoctorReport check_database(Session& session) {
  const auto path = session.database_path().string();
  try {
    return store::run_doctor(session.database());
  } catch (const DatabaseError& e) {
    throw DatabaseError(fmt::format("{}\n{}", e.what(), recovery_advice(path)));
  } catch (const std::exception& e) {
    // A damaged file can fail any query, the checks included.
    if (!store::is_sqlite_error(e)) throw;
    throw DatabaseError(
        fmt::format("{} cannot be checked: {}\n{}", path, e.what(), recovery_advice(path)));
  }
}

std::string problem_summary(const store::DoctorReport& r) {
  std::vector<std::string> problems;
  if (r.integrity.size() != 1 || r.integrity.front() != "ok")
    problems.push_back(fmt::format("integrity check: {}",
                                   r.integrity.empty() ? "no answer" : r.integrity.front()));
  if (!r.foreign_keys.empty())
    problems.push_back(fmt::format("{} foreign-key violations", r.foreign_keys.size()));
  if (r.application_id != store::k_application_id) problems.push_back("not a runload database");
  if (r.schema_version != r.latest_schema_version)
    problems.push_back(
        fmt::format("schema {} instead of {}", r.schema_version, r.latest_schema_version));
  return fmt::format("{}", fmt::join(problems, "; "));
}

std::string doctor_text(const store::DoctorReport& r, const report::Palette& p) {
  const bool ok = r.healthy();
  std::string out;
  out += fmt::format("database      {}\n", r.path.string());
  out += fmt::format("schema        {} (this runload: {})\n", r.schema_version,
                     r.latest_schema_version);
  out += fmt::format("application   0x{:08X}{}\n", static_cast<std::uint32_t>(r.application_id),
                     r.application_id == store::k_application_id ? " (runload)" : " (not runload)");
  out += fmt::format("integrity     {}\n", fmt::join(r.integrity, "\n              "));
  out += fmt::format("foreign keys  {}\n",
                     r.foreign_keys.empty()
                         ? "ok"
                         : fmt::format("{}", fmt::join(r.foreign_keys, "\n              ")));
  out += "rows\n";
  for (const auto& [table, count] : r.row_counts)
    out += fmt::format("  {:<22}{:>8}\n", table, count);
  out +=
      fmt::format("{}{}{}\n", ok ? p.green() : p.red(), ok ? "healthy" : "NOT HEALTHY", p.reset());
  return out;
}

nlohmann::ordered_json doctor_json(const store::DoctorReport& r) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  for (const auto& [table, count] : r.row_counts) rows[table] = count;
  return {
      {"path", r.path.string()},
      {"schema_version", r.schema_version},
      {"latest_schema_version", r.latest_schema_version},
      {"application_id", r.application_id},
      {"integrity", r.integrity},
      {"foreign_key_violations", r.foreign_keys},
      {"row_counts", rows},
      {"healthy", r.healthy()},
  };
}

}  // namespace runload::app
