#include <runload/app/doctor_command.hpp>

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {

std::string recovery_advice(const std::string& path) {
  const auto backups = store::usable_backups(path);
  const std::string restore =
      backups.empty()
          ? fmt::format(
                "No backup of it was found next to it ({}.vN.bak, written before each "
                "upgrade).",
                path)
          : fmt::format(
                "To recover: restore the backup written before its last upgrade, {}, by "
                "copying it over {}.",
                backups.back().string(), path);
  return fmt::format(
      "runload has not changed the file. {} Or salvage what SQLite can read with\n"
      "  sqlite3 {} .recover | sqlite3 {}.recovered\n"
      "and then use --db {}.recovered",
      restore, path, path, path);
}

std::string unusable_advice(const store::DoctorReport& report) {
  std::vector<std::string> ids;
  for (const auto& u : report.unusable) ids.push_back(std::to_string(u.id));
  return fmt::format(
      "Reports skip these activities. 'runload runs show ID' shows one; 'runload runs delete "
      "{}' removes {} (with --athlete NAME when the database holds several athletes).",
      fmt::join(ids, " "), ids.size() == 1 ? "it" : "them");
}

store::DoctorReport check_database(Session& session) {
  const auto path = session.database_path().string();
  try {
    return store::run_doctor(session.database(Access::read));
  } catch (const store::ForeignDatabaseError&) {
    // Not runload's file: nothing of runload's to restore over it.
    throw;
  } catch (const DatabaseError& e) {
    if (!std::filesystem::exists(path)) throw;
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
  if (!r.schema_problems.empty())
    problems.push_back(fmt::format("the schema is not whole: {}", r.schema_problems.front()));
  if (!r.unusable.empty())
    problems.push_back(fmt::format("{} activit{} a report cannot use", r.unusable.size(),
                                   r.unusable.size() == 1 ? "y" : "ies"));
  return fmt::format("{}", fmt::join(problems, "; "));
}

std::string doctor_advice(const store::DoctorReport& report) {
  if (report.file_sound()) return unusable_advice(report);
  return recovery_advice(report.path.string());
}

std::string doctor_text(const store::DoctorReport& r, const report::Palette& p) {
  const bool ok = r.healthy();
  std::string out;
  out += fmt::format("database      {}\n", text::terminal_safe(r.path.string()));
  out += fmt::format("schema        {} (this runload: {})\n", r.schema_version,
                     r.latest_schema_version);
  out += fmt::format("application   0x{:08X}{}\n", static_cast<std::uint32_t>(r.application_id),
                     r.application_id == store::k_application_id ? " (runload)" : " (not runload)");
  out += fmt::format("integrity     {}\n", fmt::join(r.integrity, "\n              "));
  out += fmt::format("foreign keys  {}\n",
                     r.foreign_keys.empty()
                         ? "ok"
                         : fmt::format("{}", fmt::join(r.foreign_keys, "\n              ")));
  out += fmt::format("tables        {}\n",
                     r.schema_problems.empty()
                         ? "ok"
                         : fmt::format("{}", fmt::join(r.schema_problems, "\n              ")));
  out += fmt::format("activities    {}\n", r.unusable.empty() ? "ok" : "");
  for (std::size_t i = 0; i < r.unusable.size(); ++i) {
    const auto& u = r.unusable[i];
    out += fmt::format("  activity {} of '{}' (started {}): {}\n", u.id,
                       text::terminal_safe(r.unusable_athletes[i]), u.start_utc,
                       text::terminal_safe(u.reason));
  }
  out += "rows\n";
  for (const auto& [table, count] : r.row_counts)
    out += fmt::format("  {:<22}{:>8}\n", text::terminal_safe(table), count);
  out +=
      fmt::format("{}{}{}\n", ok ? p.green() : p.red(), ok ? "healthy" : "NOT HEALTHY", p.reset());
  return out;
}

nlohmann::ordered_json doctor_json(const store::DoctorReport& r) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  for (const auto& [table, count] : r.row_counts) rows[table] = count;
  auto unusable = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.unusable.size(); ++i) {
    const auto& u = r.unusable[i];
    unusable.push_back({{"id", u.id},
                        {"athlete", r.unusable_athletes[i]},
                        {"start_utc", u.start_utc},
                        {"reason", u.reason}});
  }
  return {
      {"path", r.path.string()},
      {"schema_version", r.schema_version},
      {"latest_schema_version", r.latest_schema_version},
      {"application_id", r.application_id},
      {"integrity", r.integrity},
      {"foreign_key_violations", r.foreign_keys},
      {"schema_problems", r.schema_problems},
      {"unusable_activities", unusable},
      {"row_counts", rows},
      {"healthy", r.healthy()},
  };
}

}  // namespace runload::app
