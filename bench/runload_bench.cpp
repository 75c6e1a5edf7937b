// runload_bench: the benchmarks of DESIGN.md section 7 over the three kinds
// of files runners import (GPX, FIT, a Strava bulk export), each printed
// beside its floors and baselines measured in the same run, then the targets
// of issue 17 as ratios (scripts/bench.sh is the entry point).
//
//   runload_bench all --work DIR [--files N] [--gpx-files N] [--fit-files N]
//                     [--strava-files N] [--corpora gpx,fit,strava] [--repeat R]
//                     [--jobs J] [--years-check]
//   runload_bench generate gpx|fit|strava DIR N   a corpus
//   runload_bench read DIR                 read floor over DIR's files
//   runload_bench parse DIR                pugixml parse+walk of DIR's .gpx files
//   runload_bench walk-fit DIR             bare record walk of DIR's .fit files
//   runload_bench inflate zlib|libdeflate DIR   inflating DIR's .gz files alone
//   runload_bench strava-floor DIR         inflate (libdeflate) + parse each track
//   runload_bench gpx|fit|tcx DIR          runload's reader of that format alone, one
//                                          thread, over DIR's files of it (plain or .gz):
//                                          what to point `perf record` at
//   runload_bench import-direct DIR DB [JOBS]   the Importer in process (no CLI)
//   runload_bench history DB DAYS          a database of DAYS daily runs ending k_last_day
//
// `all` runs every phase as a child process (a fresh database for each
// import) and reports wall time, MB/s, files/s, the child's peak RSS
// (ru_maxrss) and CPU time.

#include <malloc.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <runload/analyze/analysis.hpp>
#include <runload/app/import_pipeline.hpp>
#include <runload/import/read_any.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>

#include "baselines.hpp"
#include "child_process.hpp"
#include "corpus.hpp"
#include "fit_corpus.hpp"
#include "gpx_corpus.hpp"
#include "history_db.hpp"
#include "strava_corpus.hpp"

namespace fs = std::filesystem;
using namespace runload::bench;

namespace {

// The report's week: the history databases end on this Sunday.
constexpr date::sys_days k_last_day = date::sys_days{date::year{2026} / 11 / 22};
constexpr int k_report_weeks = 8;
constexpr int k_report_runs = 15;
constexpr const char* k_zone = "Europe/Zurich";

// The targets of issue 17 (and issue 8 before it).
constexpr double k_gpx_target = 1.5;  // import speed / pugixml baseline speed
constexpr double k_gpx_aim = 2.0;
constexpr double k_fit_target = 1.5;     // import speed / bare record walk speed
constexpr double k_strava_target = 2.0;  // import time / (inflate + parse floor) time, at most
constexpr double k_max_peak_mb = 100.0;  // 10^6 bytes
constexpr double k_max_db_bytes_per_activity = 2048.0;
constexpr double k_max_years_ratio = 1.3;
constexpr double k_max_report_ms = 50.0;
// A FIT or export activity's distance may differ from its GPX twin's by this
// much. The corpora write the FIT session's and TCX laps' distance as the
// haversine sum over the reported positions, as runload measures the GPX, so
// only rounding (semicircles, centimetres, 7 decimals) separates them; 0.5%
// is far above that and far below a run lost or mixed up.
constexpr double k_twin_distance_tolerance = 0.005;

std::string self_path;

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Phase {
  std::string name;
  std::vector<std::string> argv;  // empty for the import, whose argv is built per round
  std::vector<double> seconds;
  std::vector<double> cpu_seconds;
  std::vector<double> peak_mib;

  void add(const ChildRun& run) {
    seconds.push_back(run.seconds);
    cpu_seconds.push_back(run.cpu_seconds);
    peak_mib.push_back(static_cast<double>(run.peak_rss_kib) / 1024.0);
  }
  double s() const { return median(seconds); }
  double max_peak_mb() const {
    return peak_mib.empty() ? 0.0 : *std::max_element(peak_mib.begin(), peak_mib.end()) * 1.048576;
  }
};

double time_in_process(auto&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What `runload import` does (src/cli/cmd_import.cpp): freed memory is kept
// for the next file. The baselines get the same, as DESIGN.md section 7's
// "reused buffers" figure does.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

void remove_db(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(db.string() + suffix));
}

void print_result(const BaselineResult& result, double seconds) {
  fmt::print(
      "{{\"files\": {}, \"bytes\": {}, \"inflated\": {}, \"points\": {}, \"distance_m\": {:.1f}, "
      "\"seconds\": {:.4f}}}\n",
      result.files, result.bytes, result.inflated, result.points, result.distance_m, seconds);
}

int cmd_baseline(const std::string& which, const fs::path& dir) {
  keep_freed_memory();
  BaselineResult result;
  double seconds = 0.0;
  if (which == "read") {
    const auto files = corpus_files(dir);
    seconds = time_in_process([&] { result = read_files(files); });
  } else if (which == "parse") {
    const auto files = corpus_files(dir, ".gpx");
    seconds = time_in_process([&] { result = parse_gpx_files(files); });
  } else if (which == "walk-fit") {
    const auto files = corpus_files(dir, ".fit");
    seconds = time_in_process([&] { result = walk_fit_files(files); });
  } else if (which == "zlib" || which == "libdeflate") {
    const auto files = corpus_files(dir, ".gz");
    const auto inflater = which == "zlib" ? Inflater::zlib : Inflater::libdeflate;
    seconds = time_in_process([&] { result = inflate_files(files, inflater); });
  } else {
    const auto files = corpus_files(dir);
    seconds = time_in_process([&] { result = inflate_and_parse_files(files); });
  }
  print_result(result, seconds);
  return 0;
}

// runload's own reader (format detection, gzip, the format's reader) over
// the files of one format, each read into one reused buffer, one thread: the
// profile target of each format.
int cmd_reader(const std::string& format, const fs::path& dir) {
  keep_freed_memory();
  std::vector<fs::path> files;
  for (const auto& file : corpus_files(dir)) {
    const std::string name = file.filename().string();
    if (name.ends_with("." + format) || name.ends_with("." + format + ".gz")) files.push_back(file);
  }
  std::string buffer;
  std::size_t activities = 0, failed = 0;
  double distance_m = 0.0;
  const runload::import::ParseContext ctx{"", date::locate_zone(k_zone)};
  const double seconds = time_in_process([&] {
    for (const auto& file : files) {
      auto file_ctx = ctx;
      file_ctx.file = file.string();
      read_into(file, buffer);
      const auto result = runload::import::read_file_bytes(file, buffer, file_ctx);
      if (result.activities.empty()) ++failed;
      for (const auto& parsed : result.activities) {
        ++activities;
        distance_m += parsed.activity.distance_m.value_or(0.0);
      }
    }
  });
  fmt::print(
      "{{\"files\": {}, \"activities\": {}, \"failed\": {}, \"distance_m\": {:.1f}, "
      "\"seconds\": {:.4f}}}\n",
      files.size(), activities, failed, distance_m, seconds);
  return failed == 0 ? 0 : 1;
}

int cmd_import_direct(const fs::path& dir, const fs::path& db_path, unsigned jobs) {
  keep_freed_memory();
  remove_db(db_path);
  auto db = runload::store::Database::open(db_path);
  const auto athlete =
      runload::store::resolve_athlete(db, {std::string("bench"), std::string(k_zone)}).athlete;
  runload::app::Importer importer(
      db, {athlete.id, athlete.timezone},
      [](const fs::path& path, std::string& bytes, const runload::import::ParseContext& ctx) {
        return runload::import::read_file_bytes(path, bytes, ctx);
      },
      runload::app::ImportOptions{jobs});
  runload::app::ImportSummary summary;
  const double seconds = time_in_process([&] { summary = importer.run({dir}); });
  fmt::print("{{\"files\": {}, \"imported\": {}, \"failed\": {}, \"seconds\": {:.4f}}}\n",
             summary.files, summary.imported, summary.failed, seconds);
  return summary.ok() ? 0 : 1;
}

// The first `lines` lines of `text`.
std::string head(const std::string& text, int lines) {
  std::size_t end = 0;
  for (int i = 0; i < lines && end != std::string::npos; ++i) {
    end = text.find('\n', end == 0 ? 0 : end + 1);
  }
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

ChildRun checked(const std::vector<std::string>& argv) {
  auto run = run_child(argv);
  if (run.exit_code != 0) {
    fmt::print(stderr, "runload_bench: {} exited {}; stderr begins:\n{}", fmt::join(argv, " "),
               run.exit_code, head(run.err, 3));
  }
  return run;
}

std::uintmax_t file_bytes(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

std::string met(bool ok) {
  return ok ? "MET" : "NOT MET";
}

// ---------------------------------------------------------------- corpora

struct Corpus {
  std::string kind;  // gpx, fit, strava
  std::string title;
  std::size_t files = 0;
  fs::path dir;
  fs::path db;
  CorpusStats stats;
  std::vector<Phase> phases;    // floors and baselines, then the import last
  nlohmann::json summary;       // the last import's --json
  double db_bytes = 0.0;        // the database after the last import
  double empty_db_bytes = 0.0;  // a database holding only the schema and the athlete
  bool import_ok = true;

  Phase& import() { return phases.back(); }
  const Phase& import() const { return phases.back(); }
  const Phase& phase(std::string_view name) const {
    for (const auto& p : phases)
      if (p.name == name) return p;
    throw std::logic_error("no phase " + std::string(name));
  }
  std::int64_t imported() const { return summary.value("imported", std::int64_t{0}); }
  // What each activity adds to the database: the fixed cost of the schema
  // (a few hundred KB of pages) would dominate a small corpus's figure.
  double bytes_per_activity() const {
    return (db_bytes - empty_db_bytes) / static_cast<double>(imported());
  }
};

// The size of a database runload creates for the athlete before importing.
double empty_db_bytes(const fs::path& db) {
  remove_db(db);
  {
    auto opened = runload::store::Database::open(db);
    runload::store::resolve_athlete(opened, {std::string("bench"), std::string(k_zone)});
  }
  return static_cast<double>(file_bytes(db) + file_bytes(db.string() + "-wal"));
}

constexpr std::string_view k_read = "read files (read floor)";
constexpr std::string_view k_pugixml = "pugixml parse+walk (1 thread)";
constexpr std::string_view k_fit_walk = "bare FIT record walk (1 thread)";
constexpr std::string_view k_zlib = "inflate .gz alone, zlib";
constexpr std::string_view k_libdeflate = "inflate .gz alone, libdeflate";
constexpr std::string_view k_floor = "inflate (libdeflate) + parse (1 thread)";
constexpr std::string_view k_import = "runload import";

Corpus make_corpus(const std::string& kind, std::size_t files, const fs::path& work) {
  Corpus c;
  c.kind = kind;
  c.files = files;
  c.dir = work / fmt::format("{}-{}", kind, files);
  c.db = work / fmt::format("import-{}.db", kind);
  const std::string dir = c.dir.string();
  c.phases.push_back({std::string(k_read), {self_path, "read", dir}, {}, {}, {}});
  if (kind == "gpx") {
    c.title = "GPX";
    c.phases.push_back({std::string(k_pugixml), {self_path, "parse", dir}, {}, {}, {}});
  } else if (kind == "fit") {
    c.title = "FIT";
    c.phases.push_back({std::string(k_fit_walk), {self_path, "walk-fit", dir}, {}, {}, {}});
  } else {
    c.title = "Strava export";
    c.phases.push_back({std::string(k_zlib), {self_path, "inflate", "zlib", dir}, {}, {}, {}});
    c.phases.push_back(
        {std::string(k_libdeflate), {self_path, "inflate", "libdeflate", dir}, {}, {}, {}});
    c.phases.push_back({std::string(k_floor), {self_path, "strava-floor", dir}, {}, {}, {}});
  }
  c.phases.push_back({std::string(k_import), {}, {}, {}, {}});
  return c;
}

CorpusStats ensure(const std::string& kind, const fs::path& dir, std::size_t files) {
  if (kind == "gpx") return ensure_gpx_corpus(dir, files);
  if (kind == "fit") return ensure_fit_corpus(dir, files);
  return ensure_strava_corpus(dir, files);
}

std::vector<std::string> import_argv(const fs::path& db, const fs::path& input,
                                     const std::optional<std::string>& jobs) {
  std::vector<std::string> argv{RUNLOAD_BINARY, "--db", db.string(), "--athlete", "bench",
                                "--tz",         k_zone, "import",    "--json"};
  if (jobs) {
    argv.push_back("--jobs");
    argv.push_back(*jobs);
  }
  argv.push_back(input.string());
  return argv;
}

// One round: every floor and baseline, then the import into a fresh database.
bool run_round(Corpus& c, const std::optional<std::string>& jobs) {
  for (auto& phase : c.phases) {
    if (phase.argv.empty()) {
      remove_db(c.db);
      const auto run = checked(import_argv(c.db, c.dir, jobs));
      phase.add(run);
      c.summary = nlohmann::json::parse(run.out.empty() ? "{}" : run.out, nullptr, false);
      if (c.summary.is_discarded()) c.summary = nlohmann::json::object();
      c.db_bytes = static_cast<double>(file_bytes(c.db) + file_bytes(c.db.string() + "-wal"));
      if (run.exit_code != 0 || c.imported() != static_cast<std::int64_t>(c.files))
        c.import_ok = false;
    } else {
      const auto run = checked(phase.argv);
      if (run.exit_code != 0) return false;
      phase.add(run);
    }
  }
  return true;
}

void print_table(const Corpus& c, int repeat) {
  fmt::print("\n  {:<42} {:>8} {:>9} {:>9} {:>10} {:>8}\n",
             fmt::format("{} (median of {})", c.title, repeat), "seconds", "MB/s", "files/s",
             "peak MiB", "CPU s");
  for (const auto& phase : c.phases) {
    const double s = phase.s();
    fmt::print("  {:<42} {:>8.3f} {:>9.1f} {:>9.1f} {:>10.1f} {:>8.3f}   (runs: {:.3f})\n",
               phase.name, s, static_cast<double>(c.stats.bytes) / 1e6 / s,
               static_cast<double>(c.stats.files) / s, median(phase.peak_mib),
               median(phase.cpu_seconds), fmt::join(phase.seconds, " "));
  }
  fmt::print("  import: {} imported, {} failed", c.imported(),
             c.summary.value("failed", std::int64_t{0}));
  if (c.imported() > 0)
    fmt::print("; database {:.1f} MB, {:.0f} bytes per activity beyond an empty one ({:.0f} KB)",
               c.db_bytes / 1e6, c.bytes_per_activity(), c.empty_db_bytes / 1e3);
  fmt::print("\n");
  if (c.kind == "strava") {
    const double parse_only = c.phase(k_floor).s() - c.phase(k_libdeflate).s();
    fmt::print(
        "  parse alone (floor minus libdeflate's inflate): {:.3f} s; zlib/libdeflate {:.2f}x\n",
        parse_only, c.phase(k_zlib).s() / c.phase(k_libdeflate).s());
  }
}

// ------------------------------------------------------- the twin check

// start_utc -> distance in km of every run in `db`.
std::map<std::string, double> stored_distances(const fs::path& db) {
  const auto run = checked({RUNLOAD_BINARY, "--db", db.string(), "--athlete", "bench", "runs",
                            "--since", "2000-01-01", "--until", "2100-12-31", "--json"});
  std::map<std::string, double> out;
  if (run.exit_code != 0) return out;
  for (const auto& a : nlohmann::json::parse(run.out))
    if (a.at("distance_km").is_number()) out[a.at("start_utc")] = a.at("distance_km");
  return out;
}

// Every run of `c` stored with its GPX twin's distance (within the
// tolerance), the twins imported from `gpx_db`. Prints what it finds.
bool twin_check(const Corpus& c, const fs::path& gpx_db) {
  const auto gpx = stored_distances(gpx_db);
  const auto other = stored_distances(c.db);
  std::size_t matched = 0, off = 0;
  double worst = 0.0;
  std::string worst_start;
  for (const auto& [start, km] : other) {
    const auto twin = gpx.find(start);
    if (twin == gpx.end()) continue;
    ++matched;
    const double deviation = std::abs(km - twin->second) / twin->second;
    if (deviation > k_twin_distance_tolerance) ++off;
    if (deviation > worst) {
      worst = deviation;
      worst_start = start;
    }
  }
  const bool ok = matched == c.files && off == 0 && gpx.size() >= c.files;
  fmt::print(
      "  check {}: {} of {} runs stored with their GPX twin's start, {} beyond {:.1f}% of its "
      "distance (largest {:.3f}%, {}): {}\n",
      c.title, matched, c.files, off, k_twin_distance_tolerance * 100, worst * 100, worst_start,
      ok ? "ok" : "CHECK FAILED");
  return ok;
}

// ------------------------------------------------------- the report

struct YearsResult {
  double one_year_ms = 0.0;
  double ten_years_ms = 0.0;
  bool ran = false;
};

bool has_command(const std::string& command) {
  return run_child({RUNLOAD_BINARY, command, "--help"}).exit_code == 0;
}

// Times `runload report` (or, before it exists, `runs` over the report's
// window) on one and ten years of history.
YearsResult years_check(const fs::path& work) {
  const bool report = has_command("report");
  struct Db {
    std::string label;
    int days;
    fs::path path;
    std::vector<double> ms;
  };
  std::vector<Db> dbs{{"1 year", 365, work / "history-1y.db", {}},
                      {"10 years", 3650, work / "history-10y.db", {}}};
  const auto week_start = k_last_day - date::days{6};
  const auto since = runload::analyze::history_start(week_start, k_report_weeks);
  std::vector<std::string> command;
  if (report) {
    command = {"report", "--date", runload::model::format_date(k_last_day), "--json"};
  } else {
    command = {"runs",
               "--since",
               runload::model::format_date(since),
               "--until",
               runload::model::format_date(k_last_day),
               "--json"};
  }
  fmt::print("\nReport on years of history\n");
  for (auto& db : dbs) {
    const double s = time_in_process([&] { make_history_db(db.path, db.days, k_last_day); });
    fmt::print("  history database {:<9} {} runs + {} journal days, {:.1f} MB, built in {:.2f} s\n",
               db.label, db.days, db.days, static_cast<double>(file_bytes(db.path)) / 1e6, s);
  }
  // Interleaved, so that noise from other processes hits both alike.
  for (int i = 0; i < k_report_runs; ++i) {
    for (auto& db : dbs) {
      std::vector<std::string> argv{RUNLOAD_BINARY, "--db", db.path.string(), "--athlete",
                                    k_history_athlete};
      argv.insert(argv.end(), command.begin(), command.end());
      const auto run = checked(argv);
      if (run.exit_code != 0 && run.exit_code != 4) return {};
      db.ms.push_back(run.seconds * 1000.0);
    }
  }
  fmt::print("  runload {} (median of {} runs, whole process):\n", fmt::join(command, " "),
             k_report_runs);
  for (const auto& db : dbs)
    fmt::print("    {:<9} {:>7.1f} ms   (runs: {:.1f})\n", db.label, median(db.ms),
               fmt::join(db.ms, " "));
  if (!report)
    fmt::print(
        "    (`runload report` does not exist in this build: timed `runs` over the "
        "window the report reads instead)\n");
  return {median(dbs[0].ms), median(dbs[1].ms), true};
}

bool print_years_target(const YearsResult& y) {
  if (!y.ran) {
    fmt::print("  report on 10 years <= {:.1f}x on 1 year: NOT MET (the report failed)\n",
               k_max_years_ratio);
    return false;
  }
  const double ratio = y.ten_years_ms / y.one_year_ms;
  const bool ok = ratio <= k_max_years_ratio && y.ten_years_ms < k_max_report_ms;
  fmt::print(
      "  report on 10 years <= {:.1f}x on 1 year (and under {:.0f} ms): {:.2f}x, {:.1f} ms: {}\n",
      k_max_years_ratio, k_max_report_ms, ratio, y.ten_years_ms, met(ok));
  return ok;
}

// ------------------------------------------------------- all

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, separator);)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::size_t count_option(const std::map<std::string, std::string>& options, const std::string& name,
                         std::size_t fallback) {
  return options.count(name) ? std::stoul(options.at(name)) : fallback;
}

void print_corpus_line(const Corpus& c, double seconds) {
  fmt::print("corpus {}: {} files, {:.1f} MB, {} points, in {} ({:.1f} s)\n", c.title,
             c.stats.files, static_cast<double>(c.stats.bytes) / 1e6, c.stats.points,
             c.dir.string(), seconds);
}

void print_targets(const std::vector<Corpus>& corpora) {
  fmt::print("\nTargets (issue 17), this run:\n");
  for (const auto& c : corpora) {
    const double import_s = c.import().s();
    if (c.kind == "gpx") {
      const double x = c.phase(k_pugixml).s() / import_s;
      fmt::print(
          "  GPX import speed >= {:.1f}x the pugixml baseline's (aim {:.0f}x): {:.2f}x "
          "(CPU {:.2f}x the baseline's): {}{}\n",
          k_gpx_target, k_gpx_aim, x,
          median(c.import().cpu_seconds) / median(c.phase(k_pugixml).cpu_seconds),
          met(x >= k_gpx_target), x >= k_gpx_aim ? ", aim met" : "");
    } else if (c.kind == "fit") {
      const double x = c.phase(k_fit_walk).s() / import_s;
      fmt::print("  FIT import speed >= {:.1f}x the bare record walk's: {:.2f}x: {}\n",
                 k_fit_target, x, met(x >= k_fit_target));
    } else {
      const double x = import_s / c.phase(k_floor).s();
      fmt::print(
          "  Strava export import within {:.0f}x its inflate + parse floor: {:.2f}x the floor's "
          "time: {}\n",
          k_strava_target, x, met(x <= k_strava_target));
    }
  }
  for (const auto& c : corpora) {
    const double peak = c.import().max_peak_mb();
    fmt::print("  peak memory < {:.0f} MB, {} ({} files): {:.1f} MB: {}\n", k_max_peak_mb, c.title,
               c.files, peak, met(peak < k_max_peak_mb));
  }
  for (const auto& c : corpora) {
    if (c.imported() == 0) {
      fmt::print("  database <= 2 KB per activity, {}: nothing imported: NOT MET\n", c.title);
      continue;
    }
    const double per = c.bytes_per_activity();
    fmt::print("  database <= 2 KB per activity, {}: {:.0f} bytes: {}\n", c.title, per,
               met(per <= k_max_db_bytes_per_activity));
  }
}

int cmd_all(const std::map<std::string, std::string>& options) {
  const fs::path work = options.at("--work");
  const std::size_t files = count_option(options, "--files", 1000);
  const int repeat = std::stoi(options.count("--repeat") ? options.at("--repeat") : "3");
  const bool only_years = options.count("--years-check") > 0;
  const std::optional<std::string> jobs =
      options.count("--jobs") ? std::optional{options.at("--jobs")} : std::nullopt;
  fs::create_directories(work);
  if (only_years) return print_years_target(years_check(work)) ? 0 : 1;

  std::vector<Corpus> corpora;
  for (const auto& kind :
       split(options.count("--corpora") ? options.at("--corpora") : "gpx,fit,strava", ',')) {
    if (kind != "gpx" && kind != "fit" && kind != "strava")
      throw std::invalid_argument("--corpora: unknown corpus " + kind);
    corpora.push_back(
        make_corpus(kind, count_option(options, "--" + kind + "-files", files), work));
  }
  const double empty_bytes = empty_db_bytes(work / "empty.db");
  for (auto& c : corpora) {
    c.empty_db_bytes = empty_bytes;
    const double s = time_in_process([&] { c.stats = ensure(c.kind, c.dir, c.files); });
    print_corpus_line(c, s);
    // Warm the page cache so that every phase reads from memory alike.
    checked({self_path, "read", c.dir.string()});
  }

  bool checks_ok = true;
  for (auto& c : corpora) {
    for (int i = 0; i < repeat; ++i)
      if (!run_round(c, jobs)) return 1;
    print_table(c, repeat);
    if (!c.import_ok) {
      fmt::print("  CHECK FAILED: the import did not store all {} runs\n", c.files);
      checks_ok = false;
    }
  }

  // The FIT and export runs against their GPX twins, imported from a GPX
  // corpus of the same size (this run's, or a check database of its own).
  fmt::print("\n");
  for (const auto& c : corpora) {
    if (c.kind == "gpx") continue;
    fs::path twin_db;
    for (const auto& g : corpora)
      if (g.kind == "gpx" && g.files == c.files && g.import_ok) twin_db = g.db;
    if (twin_db.empty()) {
      const fs::path twin_dir = work / fmt::format("gpx-{}", c.files);
      ensure_gpx_corpus(twin_dir, c.files);
      twin_db = work / fmt::format("twins-gpx-{}.db", c.files);
      remove_db(twin_db);
      checked(import_argv(twin_db, twin_dir, jobs));
    }
    checks_ok = twin_check(c, twin_db) && checks_ok;
  }

  print_targets(corpora);
  const YearsResult years = years_check(work);
  fmt::print("\n");
  print_years_target(years);
  if (!checks_ok) fmt::print("\nCHECK FAILED: see above\n");
  return checks_ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  self_path = fs::canonical("/proc/self/exe").string();
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && (args[0] == "read" || args[0] == "parse" || args[0] == "walk-fit" ||
                             args[0] == "strava-floor"))
      return cmd_baseline(args[0], args[1]);
    if (args.size() == 3 && args[0] == "inflate" && (args[1] == "zlib" || args[1] == "libdeflate"))
      return cmd_baseline(args[1], args[2]);
    if (args.size() == 2 && (args[0] == "gpx" || args[0] == "fit" || args[0] == "tcx"))
      return cmd_reader(args[0], args[1]);
    if ((args.size() == 3 || args.size() == 4) && args[0] == "import-direct")
      return cmd_import_direct(args[1], args[2],
                               args.size() == 4 ? static_cast<unsigned>(std::stoul(args[3])) : 0u);
    if (args.size() == 4 && args[0] == "generate" &&
        (args[1] == "gpx" || args[1] == "fit" || args[1] == "strava")) {
      const auto stats = ensure(args[1], args[2], std::stoul(args[3]));
      fmt::print("{} files, {} bytes, {} points\n", stats.files, stats.bytes, stats.points);
      return 0;
    }
    if (args.size() == 3 && args[0] == "history") {
      make_history_db(args[1], std::stoi(args[2]), k_last_day);
      return 0;
    }
    if (!args.empty() && args[0] == "all") {
      std::map<std::string, std::string> options;
      for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--years-check") {
          options[args[i]] = "";
        } else if (i + 1 < args.size()) {
          options[args[i]] = args[i + 1];
          ++i;
        } else {
          throw std::invalid_argument(args[i] + " needs a value");
        }
      }
      if (!options.count("--work")) throw std::invalid_argument("all needs --work DIR");
      return cmd_all(options);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "runload_bench: {}\n", e.what());
    return 1;
  }
  fmt::print(stderr,
             "usage: runload_bench all --work DIR [--files N] [--gpx-files N] [--fit-files N]\n"
             "         [--strava-files N] [--corpora gpx,fit,strava] [--repeat R] [--jobs J]\n"
             "         [--years-check]\n"
             "       runload_bench generate gpx|fit|strava DIR N | read DIR | parse DIR |\n"
             "         walk-fit DIR | inflate zlib|libdeflate DIR | strava-floor DIR |\n"
             "         gpx|fit|tcx DIR | import-direct DIR DB [JOBS] | history DB DAYS\n");
  return 2;
}
