// Faults during `runload import` of a folder, through the built binary
// (docs/RELIABILITY.md): kill -9 at random moments, and two importers of
// overlapping folders at the same moment.

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/cli_database.hpp"
#include "support/fit_writer.hpp"
#include "support/run_binary.hpp"
#include "support/spawn.hpp"
#include "support/temp_dir.hpp"

using runload::test::healthy_counts;
using runload::test::read_file;
using runload::test::run_runload;
using runload::test::runs_json;
using runload::test::Spawned;
using runload::test::TempDir;
using runload::test::with_db;
namespace fit = runload::test::fit;
namespace fs = std::filesystem;

namespace {

constexpr double k_metres_per_degree = 6371008.8 * 3.14159265358979323846 / 180.0;

// A FIT run on day `n` after 2024-01-01 (07:00Z): 240 records 10 s and
// 25 m apart, heart rate and cadence, and a session with device totals that
// differ from file to file.
std::string fit_run(int n) {
  const std::uint64_t start =
      1704092400 - fit::k_epoch_unix + static_cast<std::uint64_t>(n) * 86400;
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  constexpr int k_records = 240;
  for (int i = 0; i < k_records; ++i) {
    const double metres = 25.0 * i;
    w.record(1, {start + 10 * static_cast<std::uint64_t>(i), 47.0 + metres / k_metres_per_degree,
                 8.0 + 0.001 * n, 400.0 + (i % 20), static_cast<std::uint64_t>(140 + n % 20), 85,
                 metres});
  }
  fit::Writer::Session s;
  s.timestamp = start + 10 * k_records;
  s.start_time = start;
  s.elapsed_ms = 10000 * k_records;
  s.timer_ms = 10000 * k_records - 1000 * static_cast<std::uint64_t>(n);
  s.distance_cm = 2500 * (k_records - 1) + static_cast<std::uint64_t>(n);
  s.ascent = static_cast<std::uint64_t>(20 + n);
  s.descent = static_cast<std::uint64_t>(20 + n);
  s.avg_hr = static_cast<std::uint64_t>(140 + n % 20);
  s.max_hr = 180;
  w.define_session(2).session(2, s);
  return w.file();
}

// The file each stored run came from, and the run without its id.
std::map<std::string, nlohmann::json> runs_by_file(const nlohmann::json& runs) {
  std::map<std::string, nlohmann::json> by_file;
  for (auto run : runs) {
    REQUIRE(run["sources"].size() == 1);
    const auto file = run["sources"][0]["file"].get<std::string>();
    run.erase("id");
    CHECK(by_file.emplace(file, run).second);
  }
  return by_file;
}

}  // namespace

TEST_CASE(
    "faults: kill -9 at random moments of 20 folder imports of 60 FIT files leaves each file "
    "whole or absent, and a rerun ends where a clean import does",
    "[e2e][faults][import]") {
  TempDir dir;
  constexpr int k_files = 60;
  for (int n = 0; n < k_files; ++n)
    dir.write(fmt::format("runs/{:02}/run_{:02}.fit", n / 10, n), fit_run(n));
  const auto folder = (dir / "runs").string();

  const auto clean = dir / "clean.db";
  REQUIRE(run_runload(with_db(clean, {"journal", "--date", "2000-01-01", "--stiffness", "1"}))
              .exit_code == 0);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_runload(with_db(clean, {"import", folder})).exit_code == 0);
  const auto clean_us = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
  const auto clean_runs = runs_json(clean);
  REQUIRE(clean_runs.size() == k_files);
  const auto clean_by_file = runs_by_file(clean_runs);

  // Each kill hits a fresh database (the journal entry only) at a moment
  // spread over the whole import, start-up included.
  std::mt19937 random(20240611);
  std::uniform_int_distribution<long long> delay_us(0, clean_us);
  int killed = 0;
  std::vector<std::size_t> files_in;
  for (int attempt = 0; attempt < 20; ++attempt) {
    INFO("kill " << attempt);
    const auto db = dir / fmt::format("killed_{}.db", attempt);
    REQUIRE(run_runload(with_db(db, {"journal", "--date", "2000-01-01", "--stiffness", "1"}))
                .exit_code == 0);
    Spawned child(with_db(db, {"import", folder}));
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    child.kill9();
    if (child.wait() == 128 + SIGKILL) ++killed;

    const auto counts = healthy_counts(db);
    CHECK(counts["imported_files"] == counts["activities"]);
    CHECK(counts["activity_sources"] == counts["activities"]);
    CHECK(counts["journal_entries"] == 1);
    const auto stored = runs_by_file(runs_json(db));
    CHECK(stored.size() == counts["activities"].get<std::size_t>());
    for (const auto& [file, run] : stored) {
      INFO(file);
      REQUIRE(clean_by_file.count(file) == 1);
      CHECK(run == clean_by_file.at(file));
    }
    files_in.push_back(stored.size());

    const auto rerun = run_runload(with_db(db, {"import", folder}));
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(runs_json(db) == clean_runs);
    CHECK(healthy_counts(db) == healthy_counts(clean));
  }
  std::string seen;
  for (const auto n : files_in) seen += fmt::format(" {}", n);
  INFO(killed << " of 20 imports were killed before they ended; files in after each kill:" << seen);
  CHECK(killed >= 10);
}

TEST_CASE(
    "faults: two importers of overlapping folders at the same moment import each file once, "
    "without 'database is locked'",
    "[e2e][faults][concurrency][import]") {
  TempDir dir;
  // Folder a holds runs 0-39, folder b runs 20-59: half of each is shared.
  constexpr int k_files = 60;
  for (int n = 0; n < k_files; ++n) {
    const auto bytes = fit_run(n);
    if (n < 40) dir.write(fmt::format("a/run_{:02}.fit", n), bytes);
    if (n >= 20) dir.write(fmt::format("b/run_{:02}.fit", n), bytes);
  }
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    const auto db = dir / fmt::format("both_{}.db", round);
    std::vector<std::unique_ptr<Spawned>> importers;
    for (const char* folder : {"a", "b"}) {
      importers.push_back(std::make_unique<Spawned>(
          with_db(db, {"import", (dir / folder).string(), "--json"}),
          runload::test::SpawnOptions{{},
                                      std::nullopt,
                                      (dir / fmt::format("out_{}_{}", folder, round)).string(),
                                      (dir / fmt::format("err_{}_{}", folder, round)).string()}));
    }
    const std::vector<int> exit_codes{importers[0]->wait(), importers[1]->wait()};
    std::int64_t imported = 0, duplicates = 0;
    for (const char* folder : {"a", "b"}) {
      const auto err = read_file(dir / fmt::format("err_{}_{}", folder, round));
      INFO(folder << ": " << err);
      CHECK(exit_codes[folder[0] == 'a' ? 0 : 1] == 0);
      CHECK_THAT(err, !Catch::Contains("locked") && !Catch::Contains("busy"));
      const auto summary =
          nlohmann::json::parse(read_file(dir / fmt::format("out_{}_{}", folder, round)));
      CHECK(summary["failed"] == 0);
      imported += summary["imported"].get<std::int64_t>();
      duplicates += summary["duplicates"].get<std::int64_t>();
    }
    CHECK(imported == k_files);
    CHECK(duplicates == 20);
    const auto runs = runs_json(db);
    CHECK(runs.size() == k_files);
    std::map<std::string, int> starts;
    for (const auto& run : runs) ++starts[run["start_utc"].get<std::string>()];
    CHECK(starts.size() == k_files);
    const auto counts = healthy_counts(db);
    CHECK(counts["activities"] == k_files);
    CHECK(counts["athletes"] == 1);
  }
}
