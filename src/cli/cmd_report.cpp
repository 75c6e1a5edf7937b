#include <date/tz.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <charconv>
#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/analyze/analysis.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/error.hpp>
#include <runload/journal/validation.hpp>
#include <runload/model/local_time.hpp>
#include <runload/report/html_report.hpp>
#include <runload/report/json_report.hpp>
#include <runload/report/terminal_report.hpp>
#include <runload/report/week_select.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/journal_repository.hpp>

namespace runload::cli {
namespace {

constexpr int k_default_weeks = 8;
constexpr int k_max_weeks = 104;

struct ReportOptions {
  std::optional<std::string> week;
  std::optional<std::string> date;
  std::optional<std::string> weeks;
  bool json = false;
  std::optional<std::string> html;
  std::optional<std::string> fail_on;
};

int weeks_option(const std::optional<std::string>& text) {
  if (!text) return k_default_weeks;
  int value = 0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || value < 1 || value > k_max_weeks) {
    throw UsageError(
        fmt::format("--weeks must be a whole number from 1 to {}, not '{}'", k_max_weeks, *text));
  }
  return value;
}

std::optional<model::Severity> fail_on_option(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const auto severity = model::severity_from_string(*text);
  if (!severity || *severity == model::Severity::info)
    throw UsageError(fmt::format("--fail-on must be caution, high or urgent, not '{}'", *text));
  return severity;
}

date::sys_days athlete_today(const std::string& zone_name) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name);
  } catch (const std::exception& e) {
    throw DatabaseError(
        fmt::format("the athlete's stored time zone '{}' is unknown: {}", zone_name, e.what()));
  }
  return journal::local_today(std::chrono::system_clock::now(), zone);
}

// Any day of the reported week: --week, --date, else today in the athlete's zone.
date::sys_days reported_day(const ReportOptions& o, const std::string& zone) {
  if (o.week && o.date) throw UsageError("--week and --date cannot be used together");
  if (o.week) {
    const auto monday = report::parse_iso_week(*o.week);
    if (!monday)
      throw UsageError(fmt::format(
          "--week: expected an ISO week as YYYY-Www that exists (e.g. 2024-W03), not '{}'",
          *o.week));
    return *monday;
  }
  if (o.date) {
    const auto day = model::parse_date(*o.date);
    if (!day)
      throw UsageError(fmt::format("--date: expected a date as YYYY-MM-DD, not '{}'", *o.date));
    return *day;
  }
  return athlete_today(zone);
}

// What analyze() needs for the week holding `day`, read over the window only
// (indexed by local date): activities from history_start(), the journal from
// journal_start(), both to the reported Sunday.
analyze::AnalysisInput load_input(store::Database& db, std::int64_t athlete_id, date::sys_days day,
                                  int weeks, const std::optional<date::sys_days>& first_run) {
  analyze::AnalysisInput input;
  input.week = analyze::week_monday(day);
  input.weeks = weeks;
  const auto sunday = input.week + date::days{6};
  input.activities = store::ActivityRepository(db).between(
      athlete_id, analyze::history_start(input.week, weeks), sunday);
  input.journal = store::JournalRepository(db, athlete_id)
                      .list(analyze::journal_start(input.week, weeks), sunday);
  input.first_day = first_run ? *first_run : sunday;
  return input;
}

void write_html(const Context& ctx, const std::string& path, const std::string& page) {
  if (path == "-") {
    fmt::print(ctx.out, "{}", page);
    return;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << page;
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write the HTML report to {}", path));
  ctx.note(fmt::format("wrote {}", path));
}

int run_report(Context& ctx, const ReportOptions& o) {
  const int weeks = weeks_option(o.weeks);
  const auto fail_on = fail_on_option(o.fail_on);
  auto& db = ctx.database();
  const auto& athlete = ctx.athlete();
  const auto day = reported_day(o, athlete.timezone);

  const auto first_run = store::ActivityRepository(db).first_run_date(athlete.id);
  const auto report = analyze::analyze(load_input(db, athlete.id, day, weeks, first_run));
  const report::ReportMeta meta{athlete.name, athlete.timezone, first_run};

  if (o.html) write_html(ctx, *o.html, report::html_report(meta, report));
  if (o.json) {
    fmt::print(ctx.out, "{}\n", report::json_report(meta, report));
  } else if (!o.html) {
    fmt::print(ctx.out, "{}", report::terminal_report(meta, report, ctx.out_palette()));
  }
  if (fail_on) {
    for (const auto& flag : report.flags) {
      if (flag.severity >= *fail_on) return k_exit_threshold;
    }
  }
  return k_exit_success;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx, Action& action) {
  auto* cmd = app.add_subcommand(
      "report", "this week against the weeks before: flags, their sources, next week's envelope");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("--week", o->week, "the ISO week to report, YYYY-Www (default: this week)");
  cmd->add_option("--date", o->date, "report the week holding this local date, YYYY-MM-DD");
  cmd->add_option("--weeks", o->weeks, "weeks shown, the reported one included (1-104, default 8)");
  cmd->add_flag("--json", o->json, "print one JSON object (DESIGN.md section 6)");
  cmd->add_option("--html", o->html, "write a self-contained HTML page to FILE ('-': stdout)");
  cmd->add_option("--fail-on", o->fail_on,
                  "exit 4 when a flag of caution, high or urgent (or worse) is raised this week");
  cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return run_report(ctx, *o); }; });
}

}  // namespace runload::cli
