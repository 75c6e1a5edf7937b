#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/report_command.hpp>
#include <runload/error.hpp>
#include <runload/files/write.hpp>
#include <runload/report/clinician.hpp>
#include <runload/report/html_report.hpp>
#include <runload/report/json_report.hpp>
#include <runload/report/terminal_report.hpp>
#include <runload/report/week_select.hpp>

namespace runload::cli {
namespace {

struct ReportOptions {
  std::optional<std::string> week;
  std::optional<std::string> date;
  std::optional<std::string> weeks;
  bool json = false;
  std::optional<std::string> html;
  std::optional<std::string> fail_on;
  bool clinician = false;
  std::optional<std::string> cold_below;
};

// Temperatures a runner might set: -30 to 20 degrees C.
std::optional<double> cold_below_option(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  double value = 0.0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || !(value >= -30.0 && value <= 20.0))
    throw UsageError(fmt::format(
        "--cold-below must be a temperature in degrees C from -30 to 20, not '{}'", *text));
  return value;
}

int weeks_option(const std::optional<std::string>& text) {
  if (!text) return app::k_default_report_weeks;
  int value = 0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || value < 1 || value > app::k_max_report_weeks) {
    throw UsageError(fmt::format("--weeks must be a whole number from 1 to {}, not '{}'",
                                 app::k_max_report_weeks, *text));
  }
  return value;
}

std::optional<model::Severity> fail_on_option(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return model::severity_from_string(
      choice_option(*text, "--fail-on", {"caution", "high", "urgent"}));
}

// Any day of the reported week: --week's Monday, --date, else nullopt (today).
std::optional<date::sys_days> day_option(app::Session& session, const ReportOptions& o) {
  if (o.week && o.date) throw UsageError("--week and --date cannot be used together");
  if (o.week) {
    const auto monday = report::parse_iso_week(*o.week);
    if (!monday)
      throw UsageError(fmt::format(
          "--week: expected an ISO week as YYYY-Www that exists (e.g. 2024-W03), not '{}'",
          *o.week));
    return monday;
  }
  return date_option(o.date, "--date", [&session] { return session.today(app::Access::read); });
}

// An --html path that cannot be a file is refused before the report is made
// (exit 1, with the path and why), not after.
void check_html_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw OutputError(fmt::format("--html {}: is a folder; give the path of a file", path));
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw OutputError(fmt::format("--html {}: cannot be written: the folder {} does not exist",
                                  path, parent.string()));
}

// The page holds a health journal: written 0600, like the database.
void write_html(const Context& ctx, const std::string& path, const std::string& page) {
  if (path == "-") {
    ctx.print(page);
    return;
  }
  if (auto error = files::write_private_file(path, page))
    throw OutputError(fmt::format("cannot write the HTML report to {}: {}", path, *error));
  ctx.note(fmt::format("wrote {}", path));
}

int run_report(Context& ctx, const ReportOptions& o) {
  if (o.json && o.html && *o.html == "-")
    throw UsageError(
        "--json and --html - would print two documents on standard output; write the page to a "
        "file (--html FILE) or leave out --json");
  if (o.clinician && o.json)
    throw UsageError(
        "--clinician prints the one-page summary for an appointment; the JSON report (--json "
        "without --clinician) already holds all it shows");
  const int weeks = weeks_option(o.weeks);
  const auto fail_on = fail_on_option(o.fail_on);
  if (o.html && *o.html != "-") check_html_path(*o.html);
  const auto day = day_option(ctx.session(), o);
  const auto [report, meta, messages] =
      app::make_report(ctx.session(), {day, weeks, cold_below_option(o.cold_below)});
  ctx.print(messages);
  if (o.clinician) {
    if (o.html)
      write_html(ctx, *o.html, report::clinician_html(meta, report));
    else
      ctx.print(report::clinician_text(meta, report));
    return fail_on && report.has_flag_at_least(*fail_on) ? k_exit_threshold : k_exit_success;
  }
  if (o.html) write_html(ctx, *o.html, report::html_report(meta, report));
  if (o.json) {
    ctx.print(report::json_report(meta, report) + "\n");
  } else if (!o.html) {
    ctx.print(report::terminal_report(meta, report, ctx.out_palette()));
  }
  return fail_on && report.has_flag_at_least(*fail_on) ? k_exit_threshold : k_exit_success;
}

}  // namespace

void setup_report(CLI::App& cmd, Context& ctx, Action& action) {
  auto o = std::make_shared<ReportOptions>();
  cmd.add_option("--week", o->week, "the ISO week to report, YYYY-Www (default: this week)");
  cmd.add_option("--date", o->date,
                 "report the week holding this local date: YYYY-MM-DD, today or yesterday");
  cmd.add_option("--weeks", o->weeks, "weeks shown, the reported one included (1-104, default 8)");
  cmd.add_flag("--json", o->json, "print one JSON object (DESIGN.md section 6)");
  cmd.add_option("--html", o->html, "write a self-contained HTML page to FILE ('-': stdout)");
  cmd.add_option("--fail-on", o->fail_on,
                 "exit 4 when a flag of caution, high or urgent (or worse) is raised this week")
      ->type_name("LEVEL:{caution,high,urgent}");  // the values, for help and completion
  cmd.add_flag("--clinician", o->clinician,
               "one printable page for an appointment: status, load, flags, symptoms, VISA-A, "
               "heel-rise, rehab, medications (with --html FILE: as a page)");
  cmd.add_option("--cold-below", o->cold_below,
                 "runs below this temperature raise cold_run, degrees C (default 5)");
  cmd.callback([&ctx, &action, o] { action = [&ctx, o] { return run_report(ctx, *o); }; });
}

}  // namespace runload::cli
