// runload_bench: the benchmarks of DESIGN.md section 7, each printed beside
// its baseline measured in the same run (scripts/bench.sh is the entry point).
//
//   runload_bench all --work DIR [--files N] [--repeat R] [--jobs J] [--years-check]
//   runload_bench generate DIR N         the GPX corpus
//   runload_bench read DIR               I/O floor over DIR's .gpx files
//   runload_bench parse DIR              bare pugixml baseline over them
//   runload_bench history DB DAYS        a database of DAYS daily runs ending k_last_day
//   runload_bench gpx DIR                runload's GPX reader alone over DIR, one thread
//   runload_bench import-direct DIR DB [JOBS]   the Importer with the GPX reader, in process
//                                        (for profiling without the CLI)
//
// `all` runs every phase as a child process (fresh database each time) and
// reports wall time, MB/s, files/s and the child's peak RSS (ru_maxrss).

#include <malloc.h>
#include <sys/stat.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <runload/analyze/analysis.hpp>
#include <runload/app/import_pipeline.hpp>
#include <runload/import/gpx_reader.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>

#include "baselines.hpp"
#include "child_process.hpp"
#include "gpx_corpus.hpp"
#include "history_db.hpp"

namespace fs = std::filesystem;
using namespace runload::bench;

namespace {

// The report's week: the history databases end on this Sunday.
constexpr date::sys_days k_last_day = date::sys_days{date::year{2026} / 11 / 22};
constexpr int k_report_weeks = 8;
constexpr int k_report_runs = 15;
// The targets of issue 8.
constexpr double k_max_years_ratio = 1.3;
constexpr double k_max_report_ms = 50.0;

std::string self_path;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Phase {
  std::string name;
  std::vector<double> seconds;
  std::vector<double> cpu_seconds;
  std::vector<double> peak_mib;

  void add(const ChildRun& run) {
    seconds.push_back(run.seconds);
    cpu_seconds.push_back(run.cpu_seconds);
    peak_mib.push_back(static_cast<double>(run.peak_rss_kib) / 1024.0);
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

int cmd_read_or_parse(bool parse, const fs::path& dir) {
  keep_freed_memory();
  const auto files = gpx_files(dir);
  BaselineResult result;
  const double seconds =
      time_in_process([&] { result = parse ? parse_files(files) : read_files(files); });
  fmt::print(
      "{{\"files\": {}, \"bytes\": {}, \"points\": {}, \"distance_m\": {:.1f}, "
      "\"seconds\": {:.4f}}}\n",
      result.files, result.bytes, result.points, result.distance_m, seconds);
  return 0;
}

int cmd_gpx(const fs::path& dir) {
  keep_freed_memory();
  const auto files = gpx_files(dir);
  std::string buffer;
  std::size_t activities = 0;
  double distance_m = 0.0;
  const double seconds = time_in_process([&] {
    for (const auto& file : files) {
      buffer.clear();
      std::FILE* in = std::fopen(file.c_str(), "rb");
      if (in == nullptr) throw std::runtime_error("cannot open " + file.string());
      buffer.resize(fs::file_size(file));
      const auto n = std::fread(buffer.data(), 1, buffer.size(), in);
      std::fclose(in);
      buffer.resize(n);
      const auto result =
          runload::import::read_gpx(buffer, {file.string(), date::locate_zone("UTC")});
      for (const auto& parsed : result.activities) {
        ++activities;
        distance_m += parsed.activity.distance_m.value_or(0.0);
      }
    }
  });
  fmt::print("{{\"files\": {}, \"activities\": {}, \"distance_m\": {:.1f}, \"seconds\": {:.4f}}}\n",
             files.size(), activities, distance_m, seconds);
  return 0;
}

int cmd_import_direct(const fs::path& dir, const fs::path& db_path, unsigned jobs) {
  keep_freed_memory();
  remove_db(db_path);
  auto db = runload::store::Database::open(db_path);
  const auto athlete =
      runload::store::resolve_athlete(db, {std::string("bench"), std::string("Europe/Zurich")})
          .athlete;
  runload::app::Importer importer(
      db, {athlete.id, athlete.timezone},
      [](const fs::path&, std::string& bytes, const runload::import::ParseContext& ctx) {
        return runload::import::read_gpx(bytes, ctx);
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

void print_row(const Phase& phase, const CorpusStats& corpus) {
  const double s = median(phase.seconds);
  const double mib = median(phase.peak_mib);
  fmt::print("  {:<40} {:>8.3f} {:>9.1f} {:>9.1f} {:>10.1f} {:>8.3f}   (runs: {:.3f})\n",
             phase.name, s, static_cast<double>(corpus.bytes) / 1e6 / s,
             static_cast<double>(corpus.files) / s, mib, median(phase.cpu_seconds),
             fmt::join(phase.seconds, " "));
}

bool has_command(const std::string& command) {
  return run_child({RUNLOAD_BINARY, command, "--help"}).exit_code == 0;
}

// Times `runload report` (or, before it exists, `runs` over the report's
// window) on one and ten years of history. Returns false when a target is missed.
bool years_check(const fs::path& work) {
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
      if (run.exit_code != 0 && run.exit_code != 4) return false;
      db.ms.push_back(run.seconds * 1000.0);
    }
  }
  fmt::print("\n  runload {} (median of {} runs, whole process):\n", fmt::join(command, " "),
             k_report_runs);
  for (const auto& db : dbs)
    fmt::print("    {:<9} {:>7.1f} ms   (runs: {:.1f})\n", db.label, median(db.ms),
               fmt::join(db.ms, " "));
  const double ratio = median(dbs[1].ms) / median(dbs[0].ms);
  const bool ok = ratio <= k_max_years_ratio && median(dbs[1].ms) < k_max_report_ms;
  fmt::print("    ratio 10y/1y {:.2f} (target <= {:.1f}, and 10 years under {:.0f} ms): {}\n",
             ratio, k_max_years_ratio, k_max_report_ms, ok ? "met" : "MISSED");
  if (!report)
    fmt::print(
        "    (`runload report` does not exist in this build: timed `runs` over the "
        "window the report reads instead)\n");
  return ok;
}

int cmd_all(const std::map<std::string, std::string>& options) {
  const fs::path work = options.at("--work");
  const std::size_t files = std::stoul(options.count("--files") ? options.at("--files") : "1000");
  const int repeat = std::stoi(options.count("--repeat") ? options.at("--repeat") : "3");
  const bool only_years = options.count("--years-check") > 0;
  fs::create_directories(work);

  bool ok = true;
  if (!only_years) {
    const fs::path corpus_dir = work / fmt::format("corpus-{}", files);
    CorpusStats corpus;
    const double gen_s = time_in_process([&] { corpus = ensure_corpus(corpus_dir, files); });
    fmt::print("corpus: {} GPX runs (30-120 min at 1 Hz), {:.1f} MB, {} points, in {} ({:.1f} s)\n",
               corpus.files, static_cast<double>(corpus.bytes) / 1e6, corpus.points,
               corpus_dir.string(), gen_s);
    // Warm the page cache so that every phase reads from memory alike.
    checked({self_path, "read", corpus_dir.string()});

    std::vector<std::string> import_argv{RUNLOAD_BINARY,  "--db",   "",
                                         "--athlete",     "bench",  "--tz",
                                         "Europe/Zurich", "import", "--json"};
    if (options.count("--jobs")) {
      import_argv.push_back("--jobs");
      import_argv.push_back(options.at("--jobs"));
    }
    import_argv.push_back(corpus_dir.string());
    const fs::path db = work / "import.db";

    Phase read{"read files (I/O floor)", {}, {}, {}};
    Phase parse{"pugixml parse+walk (1 thread)", {}, {}, {}};
    Phase import{"runload import", {}, {}, {}};
    nlohmann::json summary;
    double db_bytes = 0.0;
    double parse_distance = 0.0;
    for (int i = 0; i < repeat; ++i) {
      for (auto* phase : {&read, &parse}) {
        const auto run =
            checked({self_path, phase == &read ? "read" : "parse", corpus_dir.string()});
        if (run.exit_code != 0) return 1;
        phase->add(run);
        if (phase == &parse) parse_distance = nlohmann::json::parse(run.out).at("distance_m");
      }
      remove_db(db);
      import_argv[2] = db.string();
      const auto run = checked(import_argv);
      import.add(run);
      summary = nlohmann::json::parse(run.out.empty() ? "{}" : run.out);
      db_bytes = static_cast<double>(file_bytes(db) + file_bytes(db.string() + "-wal"));
      if (run.exit_code != 0 || summary.value("imported", std::int64_t{0}) == 0) ok = false;
    }
    fmt::print("\n  {:<40} {:>8} {:>9} {:>9} {:>10} {:>8}\n",
               "phase (median of " + std::to_string(repeat) + ")", "seconds", "MB/s", "files/s",
               "peak MiB", "CPU s");
    for (const auto* phase : {&read, &parse, &import}) print_row(*phase, corpus);
    const Phase& measured = import;
    const double speedup = median(parse.seconds) / median(measured.seconds);
    const auto imported = summary.value("imported", std::int64_t{0});
    fmt::print(
        "\n  import: {} imported, {} failed; {:.2f}x the single-threaded parser "
        "baseline's speed (target >= 1.5x); CPU {:.2f}x the baseline's\n",
        imported, summary.value("failed", std::int64_t{0}), speedup,
        median(measured.cpu_seconds) / median(parse.cpu_seconds));
    if (imported > 0)
      fmt::print("  database: {:.1f} MB, {:.0f} bytes per activity (target < 2048)\n",
                 db_bytes / 1e6, db_bytes / static_cast<double>(imported));
    fmt::print("  baseline total distance {:.1f} km\n\n", parse_distance / 1000.0);
  }
  const bool years_ok = years_check(work);
  if (only_years) return years_ok ? 0 : 1;
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  self_path = fs::canonical("/proc/self/exe").string();
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && (args[0] == "read" || args[0] == "parse"))
      return cmd_read_or_parse(args[0] == "parse", args[1]);
    if (args.size() == 2 && args[0] == "gpx") return cmd_gpx(args[1]);
    if ((args.size() == 3 || args.size() == 4) && args[0] == "import-direct")
      return cmd_import_direct(args[1], args[2],
                               args.size() == 4 ? static_cast<unsigned>(std::stoul(args[3])) : 0u);
    if (args.size() == 3 && args[0] == "generate") {
      const auto stats = ensure_corpus(args[1], std::stoul(args[2]));
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
             "usage: runload_bench all --work DIR [--files N] [--repeat R] [--jobs J] "
             "[--years-check]\n       runload_bench generate DIR N | read DIR | parse DIR | "
             "history DB DAYS\n");
  return 2;
}
