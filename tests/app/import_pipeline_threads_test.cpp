#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <runload/app/import_pipeline.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include "support/activities.hpp"
#include "support/temp_dir.hpp"
#include "support/test_format.hpp"

using namespace runload;
using test::TempDir;

namespace {

// The test format of support/test_format.hpp, read after a short sleep that
// depends on the file, so that the threads finish out of order.
app::ParseResult read_test_format(std::string& bytes, const app::ParseContext& ctx) {
  std::this_thread::sleep_for(std::chrono::microseconds(bytes.size() * 37 % 1500));
  return test::read_test_format(bytes, ctx);
}

struct Db {
  store::Database db = store::Database::open_in_memory();
  store::Athlete athlete =
      store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")}).athlete;

  app::ImportSummary run(const std::vector<std::filesystem::path>& paths, unsigned threads,
                         app::ReadFunction read = {}, app::ProgressFunction progress = {}) {
    if (!read) {
      read = [](const std::filesystem::path&, std::string& bytes, const app::ParseContext& ctx) {
        return read_test_format(bytes, ctx);
      };
    }
    app::Importer importer(db, {athlete.id, athlete.timezone}, std::move(read), {threads});
    if (progress) importer.on_progress(std::move(progress));
    return importer.run(paths);
  }
  std::int64_t count(const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
};

// A folder of every kind of file: new runs, the same run from a row and a
// track in two files (merged), copies (duplicates by hash), a run stored
// twice in one format (duplicate activity), errors, a throwing reader, a value
// the store refuses, warnings.
void write_mixed_folder(const TempDir& dir) {
  for (int i = 0; i < 40; ++i) {
    const auto at = [&](int hour, int minute) {
      return fmt::format("2024-02-{:02}T{:02}:{:02}:00Z", 1 + i / 8, hour, minute);
    };
    const int distance = 9000 + i / 8;
    std::string content;
    switch (i % 8) {
      case 0:
        content = fmt::format("{},{},3000,run {},row\n", at(7, 0), distance, i);
        break;
      case 1:
        content = fmt::format("{},{},3010,track {},track\n", at(7, 1), distance, i);
        break;
      case 2:
        content = fmt::format("!line one is wrong in {}\n", i);
        break;
      case 3:
        content = "throw\n";
        break;
      case 4:
        content = fmt::format("?noted {}\n{},5000,1800,w {},row\n", i, at(12, 0), i);
        break;
      case 5:
        content = fmt::format("{},nan,1800,refused {},row\n", at(15, 0), i);
        break;
      case 6:
        content = fmt::format("{},{},3000,again {},row\n", at(7, 0), distance, i);
        break;
      default:
        content = fmt::format(
            "2024-03-{:02}T06:00:00Z,7000,2100,a,row\n"
            "2024-03-{:02}T18:00:00Z,7100,2130,b,row\n",
            1 + i % 20, 1 + i % 20);
    }
    dir.write(fmt::format("mix/{:03}.csv", i), content);
  }
  // Same content as files 0 and 9 under other names, sorted after them.
  dir.write("mix/copy_a.csv", test::read_file(dir / "mix/000.csv"));
  dir.write("mix/copy_b.csv", test::read_file(dir / "mix/009.csv"));
}

std::string describe(const app::ImportSummary& s) {
  std::string text = fmt::format("files {} imported {} merged {} duplicates {} failed {}\n",
                                 s.files, s.imported, s.merged, s.duplicates, s.failed);
  for (const auto& e : s.errors)
    text += fmt::format("error {} {} {}\n", e.file, e.line.value_or(-1), e.message);
  for (const auto& w : s.warnings)
    text += fmt::format("warning {} {} {}\n", w.file, w.line.value_or(-1), w.message);
  for (const auto& m : s.merges)
    text += fmt::format("merge {} {} {}\n", m.source, m.activity_id, m.name);
  return text;
}

std::string describe_activities(Db& d) {
  std::string text;
  for (const auto& a :
       store::ActivityRepository(d.db).list(d.athlete.id, {}, store::WithHistograms::yes)) {
    text +=
        fmt::format("{} {} {} {} {} {}", *a.id, a.start_utc.time_since_epoch().count(), a.name,
                    a.distance_m.value_or(-1), a.elapsed ? a.elapsed->count() : -1, a.has_track());
    for (const auto& s : a.sources)
      text += fmt::format(" [{} {} {}]", s.format, s.file, s.line.value_or(-1));
    text += "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("importer: parse threads give the same ids, counts, errors and order as one thread",
          "[import][importer][threads]") {
  TempDir dir;
  write_mixed_folder(dir);
  Db sequential;
  const auto expected = sequential.run({dir / "mix"}, 1);
  REQUIRE(expected.imported > 0);
  REQUIRE(expected.merged > 0);
  REQUIRE(expected.duplicates > 0);
  REQUIRE(expected.failed > 0);
  REQUIRE_FALSE(expected.warnings.empty());
  for (const unsigned threads : {2u, 3u, 8u}) {
    Db parallel;
    const auto got = parallel.run({dir / "mix"}, threads);
    INFO("threads " << threads);
    CHECK(describe(got) == describe(expected));
    CHECK(describe_activities(parallel) == describe_activities(sequential));
    CHECK(parallel.count("imported_files") == sequential.count("imported_files"));
  }
}

TEST_CASE("importer: with parse threads a failing file leaves nothing and names itself",
          "[import][importer][threads]") {
  TempDir dir;
  dir.write("in/a.csv", "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  dir.write("in/b.csv",
            "2024-01-02T08:00:00Z,10000,3000,first,row\n"
            "2024-01-03T08:00:00Z,nan,3000,second,row\n");
  dir.write("in/c.csv", "2024-01-04T08:00:00Z,10000,3000,good row,row\n!bad line\n");
  dir.write("in/d.csv", "2024-01-05T08:00:00Z,10000,3000,ok,row\n");
  Db d;
  const auto summary = d.run({dir / "in"}, 2);
  CHECK(summary.files == 4);
  CHECK(summary.imported == 2);
  CHECK(summary.failed == 2);
  REQUIRE(summary.errors.size() == 2);
  CHECK(summary.errors[0].file == (dir / "in" / "b.csv").string());
  CHECK_THAT(summary.errors[0].message, Catch::Contains("not stored"));
  CHECK(summary.errors[1].file == (dir / "in" / "c.csv").string());
  CHECK(summary.errors[1].line == 2);
  CHECK(d.count("activities") == 2);
  CHECK(d.count("activity_sources") == 2);
  CHECK(d.count("imported_files") == 2);
  // Synced together at the end; the connection is back to a sync per commit.
  CHECK(d.db.sql().execAndGet("PRAGMA synchronous").getInt() == 2);
}

TEST_CASE("importer: parse threads stay within two files each of the writer",
          "[import][importer][threads]") {
  TempDir dir;
  for (int i = 0; i < 30; ++i)
    dir.write(fmt::format("many/{:03}.csv", i),
              fmt::format("2024-01-{:02}T08:00:00Z,10000,3000,run,row\n", 1 + i % 28));
  constexpr unsigned k_threads = 3;
  std::atomic<std::size_t> written{0};
  std::atomic<std::size_t> furthest_ahead{0};
  Db d;
  const auto summary = d.run(
      {dir / "many"}, k_threads,
      [&](const std::filesystem::path& path, std::string& bytes, const app::ParseContext& ctx) {
        const auto index = static_cast<std::size_t>(std::stoi(path.stem().string()));
        const std::size_t ahead = index - written.load();
        std::size_t seen = furthest_ahead.load();
        while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return read_test_format(bytes, ctx);
      },
      [&](const app::Progress& p) { written = p.files_done; });
  CHECK(summary.files == 30);
  CHECK(summary.ok());
  // Counted from the last file stored: the one being stored is in flight too.
  CHECK(furthest_ahead.load() <= app::k_files_in_flight_per_thread * k_threads);
}

TEST_CASE("importer: a database failure stops the threaded import, files stored before stay",
          "[import][importer][threads]") {
  TempDir dir;
  for (int i = 0; i < 12; ++i)
    dir.write(fmt::format("f/{:03}.csv", i),
              fmt::format("2024-01-{:02}T08:00:00Z,10000,3000,run,row\n", 1 + i));
  Db d;
  auto& sql = d.db.sql();
  const auto import_all = [&] {
    d.run({dir / "f"}, 2, {}, [&](const app::Progress& p) {
      // The writer's connection turns read-only after the third file.
      if (p.files_done == 3) sql.exec("PRAGMA query_only = ON");
    });
  };
  try {
    import_all();
    FAIL("the import went on without a writable database");
  } catch (const std::exception& e) {
    CHECK(store::is_sqlite_error(e));
  }
  sql.exec("PRAGMA query_only = OFF");
  CHECK(sql.execAndGet("PRAGMA synchronous").getInt() == 2);
  CHECK(d.count("imported_files") == 3);
  CHECK(d.count("activities") == 3);
}
