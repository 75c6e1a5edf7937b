#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/export_restore.hpp>
#include <runload/app/import_command.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

constexpr int k_bar_width = 30;

// Redrawn in place on stderr; only used when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* err) : m_err(err) {}
  ~ProgressBar() {
    if (m_drawn) fmt::print(m_err, "\r\x1b[K");
    std::fflush(m_err);
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void draw(const app::Progress& p) {
    if (p.files_total == 0) return;
    const double fraction =
        p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                          : static_cast<double>(p.files_done) / static_cast<double>(p.files_total);
    const int filled = static_cast<int>(fraction * k_bar_width);
    fmt::print(m_err, "\rrunload: importing [{:#<{}}{:.<{}}] {}/{} files, {:.1f}/{:.1f} MB\x1b[K",
               "", filled, "", k_bar_width - filled, p.files_done, p.files_total,
               static_cast<double>(p.bytes_done) / 1e6, static_cast<double>(p.bytes_total) / 1e6);
    std::fflush(m_err);
    m_drawn = true;
  }

 private:
  std::FILE* m_err;
  bool m_drawn = false;
};

// Every parse allocates a few MB (the XML tree, the track) and frees them.
// glibc hands freed memory at the top of the heap, and blocks over 128 KiB,
// back to the kernel, so the next file faults every page in again: that was
// 40% of the time of a GPX import (docs/PERFORMANCE.md). Kept, a thread's
// memory stays at its largest file's needs; files larger than the mmap
// threshold are still mapped and returned each time. A process setting, so
// it is the program's to make, not the library's.
void keep_freed_memory() {
  constexpr int k_mmap_threshold = 32 << 20;  // glibc's own upper bound for it
  constexpr int k_trim_threshold = 64 << 20;
  mallopt(M_MMAP_THRESHOLD, k_mmap_threshold);
  mallopt(M_TRIM_THRESHOLD, k_trim_threshold);
}

}  // namespace

void setup_import(CLI::App& cmd, Context& ctx, Action& action) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto jobs = std::make_shared<unsigned>(0);
  auto garmin_units = std::make_shared<std::string>("km");
  auto undelete = std::make_shared<bool>(false);
  auto retry_failed = std::make_shared<bool>(false);
  auto verbose = std::make_shared<bool>(false);
  cmd.add_option("PATH", *paths,
                 "files (any name) or folders (their .csv .gpx .tcx .fit, .gz of these, .zip; "
                 "an unpacked Strava export as one export)")
      ->required();
  cmd.add_flag("--json", *json, "print the summary as one JSON object on stdout");
  cmd.add_option("-j,--jobs", *jobs, "threads parsing files (default 0: one per core)")
      ->check(CLI::Range(0u, 256u));
  offer_values(*cmd.add_option("--garmin-units", *garmin_units,
                               "the distance unit of Garmin Connect CSVs, km or mi: your "
                               "account's setting, which the file does not state (default km)"),
               "UNIT", {"km", "mi"});
  cmd.add_flag("--undelete", *undelete,
               "bring back the activities deleted with 'runs delete' that these files hold");
  cmd.add_flag("--retry-failed", *retry_failed,
               "read again the files whose import failed before (same content)");
  cmd.add_flag("-v,--verbose", *verbose,
               "list every warning, each on its own line (default: one line per kind per file, "
               "and only those that matter)");
  cmd.footer(fmt::format(
      "Files already imported (same content) are skipped; the same run from two sources is "
      "merged. Each file is stored whole or not at all; in a zip or a Strava export, each "
      "member (a row with its track). Files over {} MiB are refused "
      "(RUNLOAD_MAX_FILE_BYTES can lower that limit). A file that failed before (same "
      "content) is counted, not reported again: --retry-failed reads it.\n"
      "A runload JSON export (runload export) given alone is restored into an empty database, "
      "its athletes and every record as they were.\n"
      "Exit 0 when every file was imported, already known or failed before, 1 when any failed "
      "now.",
      files::k_max_file_bytes >> 20));
  cmd.callback([&ctx, &action, paths, json, jobs, garmin_units, undelete, retry_failed, verbose] {
    action = [&ctx, paths, json, jobs, garmin_units, undelete, retry_failed, verbose] {
      app::ImportRequest request{
          {paths->begin(), paths->end()},
          *jobs,
          choice_option(*garmin_units, "--garmin-units", {"km", "mi"}) == "mi"
              ? app::DistanceUnit::miles
              : app::DistanceUnit::km,
          *undelete ? store::Undelete::yes : store::Undelete::no,
          *retry_failed};
      // A runload export, recognised by its content, is restored, not imported.
      if (const auto restored =
              app::restore_if_export(ctx.session(), request.paths, ctx.options.athlete)) {
        if (*json)
          ctx.print(text::dump(app::restore_json(*restored)) + "\n");
        else
          ctx.print(app::restore_messages(*restored));
        return k_exit_success;
      }
      std::unique_ptr<ProgressBar> bar;
      app::ProgressFunction progress;
      if (ctx.stderr_is_terminal() && !ctx.options.quiet && !*json) {
        bar = std::make_unique<ProgressBar>(ctx.err);
        progress = [&bar](const app::Progress& p) { bar->draw(p); };
      }
      keep_freed_memory();
      const auto summary = app::run_import(ctx.session(), request, progress);
      bar.reset();
      ctx.print(app::import_messages(summary, *json ? app::SummaryLine::no : app::SummaryLine::yes,
                                     *verbose ? app::Verbose::yes : app::Verbose::no));
      if (*json) ctx.print(text::dump(app::import_json(summary)) + "\n");
      return summary.ok() ? k_exit_success : k_exit_input_failed;
    };
  });
}

}  // namespace runload::cli
