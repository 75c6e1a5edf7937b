#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/export_command.hpp>
#include <runload/error.hpp>
#include <runload/text/escape.hpp>

namespace runload::cli {
namespace {

const std::vector<std::string> k_formats{"json", "csv", "sqlite"};

app::ExportFormat format_of(const std::string& name) {
  if (name == "csv") return app::ExportFormat::csv;
  if (name == "sqlite") return app::ExportFormat::sqlite;
  return app::ExportFormat::json;
}

std::string written_line(const app::ExportResult& result, std::string_view format) {
  std::int64_t rows = 0;
  for (const auto& [table, n] : result.rows) rows += n;
  std::vector<std::string> names;
  for (const auto& name : result.athletes) names.push_back("'" + text::terminal_safe(name) + "'");
  return fmt::format("exported {} {} to {} ({}, {} rows)",
                     result.athletes.size() == 1 ? "athlete" : "athletes", fmt::join(names, ", "),
                     text::terminal_safe(result.written->string()), format, rows);
}

}  // namespace

void setup_export(CLI::App& cmd, Context& ctx, Action& action) {
  auto format = std::make_shared<std::string>("json");
  auto out = std::make_shared<std::string>();
  auto all = std::make_shared<bool>(false);
  offer_values(*cmd.add_option("--format", *format,
                               "json (default; 'runload import FILE' restores it), csv (a zip of "
                               "one CSV per table) or sqlite (a snapshot of the database)"),
               "FORMAT", k_formats);
  cmd.add_option("-o,--out", *out,
                 "the file to write (default: standard output; csv and sqlite not to a "
                 "terminal); an existing file is replaced only when it is a runload export");
  cmd.add_flag("--all", *all, "every athlete of the database (default: the one of --athlete)");
  cmd.footer(
      "Every table of the database is exported: activities with their sources and histograms, "
      "the journal with its history, gear, VISA-A, heel-rise tests, rehab, medications, "
      "episodes, deleted and failed files, settings. A file written with --out is written whole "
      "or not at all, and 'delete-all --yes' removes it. docs/EXPORT.md describes the formats.");
  cmd.callback([&ctx, &action, format, out, all] {
    action = [&ctx, format, out, all] {
      const auto& name = choice_option(*format, "--format", k_formats);
      if (*all && ctx.options.athlete)
        throw UsageError("--all exports every athlete; --athlete names one: give one of them");
      app::ExportRequest request{format_of(name), std::nullopt,
                                 *all ? app::ExportScope::all : app::ExportScope::athlete};
      if (!out->empty()) request.out = *out;
      if (!request.out && request.format != app::ExportFormat::json && ctx.stdout_is_terminal())
        throw UsageError(fmt::format(
            "--format {} is binary and standard output is a terminal: name a file with --out "
            "FILE, or redirect the output",
            name));
      const auto result = app::run_export(ctx.session(), request);
      if (!result.written) {
        ctx.print(result.bytes);
        return k_exit_success;
      }
      ctx.note(written_line(result, name));
      if (result.not_recorded)
        ctx.warn(
            fmt::format("{} is not recorded in the database ({}): 'delete-all' will not "
                        "remove it",
                        text::terminal_safe(result.written->string()), *result.not_recorded));
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
