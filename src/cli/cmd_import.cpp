#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/error.hpp>
#include <runload/import/importer.hpp>
#include <runload/import/read_any.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/db_path.hpp>

namespace runload::cli {
namespace {

// Notes of merges and warnings beyond this many are counted, not listed:
// a Strava export merges every row with its track.
constexpr std::size_t k_max_listed = 10;
constexpr int k_bar_width = 30;

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

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

  void draw(const import::Progress& p) {
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
// threshold are still mapped and returned each time.
void keep_freed_memory() {
  constexpr int k_mmap_threshold = 32 << 20;  // glibc's own upper bound for it
  constexpr int k_trim_threshold = 64 << 20;
  mallopt(M_MMAP_THRESHOLD, k_mmap_threshold);
  mallopt(M_TRIM_THRESHOLD, k_trim_threshold);
}

nlohmann::ordered_json to_json(const import::ImportSummary& s) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const auto& e : s.errors) {
    errors.push_back({
        {"path", e.file},
        {"line", e.line ? nlohmann::ordered_json(*e.line) : nlohmann::ordered_json(nullptr)},
        {"message", e.offset ? fmt::format("byte {}: {}", *e.offset, e.message) : e.message},
    });
  }
  return {{"files", s.files},           {"imported", s.imported}, {"merged", s.merged},
          {"duplicates", s.duplicates}, {"failed", s.failed},     {"errors", errors}};
}

void print_diagnostics(const Context& ctx, const import::ImportSummary& s, bool json) {
  const auto p = ctx.err_palette();
  for (const auto& e : s.errors)
    fmt::print(ctx.err, "runload: {}error:{} {}\n", p.red(), p.reset(), import::describe(e));
  for (std::size_t i = 0; i < s.warnings.size() && i < k_max_listed; ++i)
    ctx.warn(import::describe(s.warnings[i]));
  if (s.warnings.size() > k_max_listed)
    ctx.warn(fmt::format("... and {} more warnings", s.warnings.size() - k_max_listed));
  if (json) return;
  for (std::size_t i = 0; i < s.merges.size() && i < k_max_listed; ++i) {
    const auto& m = s.merges[i];
    ctx.note(fmt::format("merged {} into activity {} ({}{})", m.source, m.activity_id,
                         model::format_date(m.local_date),
                         m.name.empty() ? std::string() : fmt::format(", \"{}\"", m.name)));
  }
  if (s.merges.size() > k_max_listed)
    ctx.note(fmt::format("... and {} more merged", s.merges.size() - k_max_listed));
  ctx.note(fmt::format("imported {} from {} ({} merged, {}, {} failed)",
                       plural(s.imported, "activity", "activities"),
                       plural(s.files, "file", "files"), s.merged,
                       plural(s.duplicates, "duplicate", "duplicates"), s.failed));
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx, Action& action) {
  auto* cmd = app.add_subcommand(
      "import", "import run logs: files, folders (recursive), .gz members, a Strava export .zip");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto jobs = std::make_shared<unsigned>(0);
  auto garmin_units = std::make_shared<std::string>("km");
  cmd->add_option("PATH", *paths,
                  "files (any name) or folders (their .csv .gpx .tcx .fit, .gz of these, .zip; "
                  "an unpacked Strava export as one export)")
      ->required();
  cmd->add_flag("--json", *json, "print the summary as one JSON object on stdout");
  cmd->add_option("-j,--jobs", *jobs, "threads parsing files (default 0: one per core)")
      ->check(CLI::Range(0u, 256u));
  cmd->add_option("--garmin-units", *garmin_units,
                  "the distance unit of Garmin Connect CSVs, km or mi: your account's setting, "
                  "which the file does not state (default km)")
      ->check(CLI::IsMember({"km", "mi"}));
  cmd->footer(fmt::format(
      "Files already imported (same content) are skipped; the same run from two sources is "
      "merged. Each file is stored whole or not at all; in a zip or a Strava export, each "
      "member (a row with its track). Files over {} MiB are refused "
      "(RUNLOAD_MAX_FILE_BYTES can lower that limit).\n"
      "Exit 0 when every file was imported or already known, 1 when any failed.",
      import::k_max_file_bytes >> 20));
  cmd->callback([&ctx, &action, paths, json, jobs, garmin_units] {
    action = [&ctx, paths, json, jobs, garmin_units] {
      auto& db = ctx.database();
      if (db.read_only())
        throw DatabaseError(fmt::format(
            "the database {} is read-only (its file is not writable); import cannot store "
            "anything",
            db.path().string()));
      const auto& athlete = ctx.athlete();
      const auto unit =
          *garmin_units == "mi" ? import::DistanceUnit::miles : import::DistanceUnit::km;
      import::Importer importer(db, {athlete.id, athlete.timezone, unit}, &import::read_file_bytes,
                                import::ImportOptions{*jobs});
      importer.set_max_file_bytes(
          import::max_file_bytes(store::process_env()("RUNLOAD_MAX_FILE_BYTES")));
      std::unique_ptr<ProgressBar> bar;
      if (ctx.stderr_is_terminal() && !ctx.options.quiet && !*json) {
        bar = std::make_unique<ProgressBar>(ctx.err);
        importer.on_progress([&bar](const import::Progress& p) { bar->draw(p); });
      }
      keep_freed_memory();
      const std::vector<std::filesystem::path> inputs(paths->begin(), paths->end());
      const auto summary = importer.run(inputs);
      bar.reset();
      print_diagnostics(ctx, summary, *json);
      if (*json)
        fmt::print(ctx.out, "{}\n",
                   to_json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
      return summary.ok() ? k_exit_success : k_exit_input_failed;
    };
  });
}

}  // namespace runload::cli
