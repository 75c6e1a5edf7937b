#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/error.hpp>
#include <runload/store/db_path.hpp>
#include <runload/store/doctor.hpp>

namespace runload::cli {
namespace {

std::string recovery_advice(const std::string& path) {
  return fmt::format(
      "runload has not changed the file. To recover: restore a backup written next to it "
      "({0}.vN.bak) by copying it over {0}, or salvage what SQLite can read with\n"
      "  sqlite3 {0} .recover | sqlite3 {0}.recovered\n"
      "and then use --db {0}.recovered",
      path);
}

// What makes the report unhealthy, in one line.
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

void print_error(const Context& ctx, const std::string& message) {
  const auto p = ctx.err_palette();
  fmt::print(ctx.err, "runload: {}error:{} {}\n", p.red(), p.reset(), message);
}

void print_text(const Context& ctx, const store::DoctorReport& r) {
  const auto p = ctx.out_palette();
  const bool ok = r.healthy();
  fmt::print(ctx.out, "database      {}\n", r.path.string());
  fmt::print(ctx.out, "schema        {} (this runload: {})\n", r.schema_version,
             r.latest_schema_version);
  fmt::print(ctx.out, "application   0x{:08X}{}\n", static_cast<std::uint32_t>(r.application_id),
             r.application_id == store::k_application_id ? " (runload)" : " (not runload)");
  fmt::print(ctx.out, "integrity     {}\n", fmt::join(r.integrity, "\n              "));
  fmt::print(ctx.out, "foreign keys  {}\n",
             r.foreign_keys.empty()
                 ? "ok"
                 : fmt::format("{}", fmt::join(r.foreign_keys, "\n              ")));
  fmt::print(ctx.out, "rows\n");
  for (const auto& [table, count] : r.row_counts)
    fmt::print(ctx.out, "  {:<22}{:>8}\n", table, count);
  fmt::print(ctx.out, "{}{}{}\n", ok ? p.green() : p.red(), ok ? "healthy" : "NOT HEALTHY",
             p.reset());
}

void print_json(const Context& ctx, const store::DoctorReport& r) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  for (const auto& [table, count] : r.row_counts) rows[table] = count;
  const nlohmann::ordered_json doc{
      {"path", r.path.string()},
      {"schema_version", r.schema_version},
      {"latest_schema_version", r.latest_schema_version},
      {"application_id", r.application_id},
      {"integrity", r.integrity},
      {"foreign_key_violations", r.foreign_keys},
      {"row_counts", rows},
      {"healthy", r.healthy()},
  };
  fmt::print(ctx.out, "{}\n", doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void setup_doctor(CLI::App& app, Context& ctx, Action& action) {
  auto* cmd = app.add_subcommand("doctor", "check the database: schema, integrity, row counts");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([&ctx, &action, json] {
    action = [&ctx, json] {
      const auto path = store::resolve_db_path(ctx.options.db, store::process_env());
      store::DoctorReport report;
      try {
        report = store::run_doctor(ctx.database());
      } catch (const DatabaseError& e) {
        throw DatabaseError(fmt::format("{}\n{}", e.what(), recovery_advice(path.string())));
      } catch (const std::exception& e) {
        // A damaged file can fail any query, the checks included.
        if (!store::is_sqlite_error(e)) throw;
        throw DatabaseError(fmt::format("{} cannot be checked: {}\n{}", path.string(), e.what(),
                                        recovery_advice(path.string())));
      }
      if (*json)
        print_json(ctx, report);
      else
        print_text(ctx, report);
      if (report.healthy()) return k_exit_success;
      print_error(ctx, fmt::format("{} is not healthy ({})\n{}", path.string(),
                                   problem_summary(report), recovery_advice(path.string())));
      return k_exit_database;
    };
  });
}

}  // namespace runload::cli
