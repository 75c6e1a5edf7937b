#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <sstream>
#include <stdexcept>

#include <runload/app/import_pipeline.hpp>
#include <runload/identity/content_hash.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include "support/activities.hpp"
#include "support/temp_dir.hpp"
#include "support/test_format.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::TempDir;

namespace {

// Reads support/test_format.hpp's format and counts its calls.
struct FakeReader {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);

  app::ParseResult operator()(const std::filesystem::path&, std::string& bytes,
                              const app::ParseContext& ctx) const {
    ++*calls;
    return test::read_test_format(bytes, ctx);
  }
};

struct Fixture {
  TempDir dir;
  store::Database db = store::Database::open_in_memory();
  store::Athlete athlete =
      store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")}).athlete;
  FakeReader reader;
  unsigned threads = 0;
  app::ImportOptions options;

  app::ImportSummary run(const std::vector<std::filesystem::path>& paths,
                         app::ProgressFunction progress = {}) {
    auto with_threads = options;
    with_threads.parse_threads = threads;
    app::Importer importer(db, {athlete.id, athlete.timezone}, reader, with_threads);
    if (progress) importer.on_progress(std::move(progress));
    return importer.run(paths);
  }
  std::int64_t count(const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
  std::vector<model::Activity> activities() {
    return store::ActivityRepository(db).list(athlete.id, {});
  }
};

}  // namespace

TEST_CASE("importer: a folder imports once, importing it again adds nothing and parses nothing",
          "[import][importer]") {
  Fixture f;
  f.dir.write("logs/a.csv",
              "2024-01-01T08:00:00Z,10000,3000,Monday,row\n"
              "2024-01-03T08:00:00Z,8000,2400,Wednesday,row\n");
  f.dir.write("logs/sub/b.gpx", "2024-01-05T08:00:00Z,12000,3600,Friday,track\n");
  const auto first = f.run({f.dir / "logs"});
  CHECK(first.files == 2);
  CHECK(first.imported == 3);
  CHECK(first.failed == 0);
  CHECK(first.errors.empty());
  CHECK(*f.reader.calls == 2);
  CHECK(f.count("imported_files") == 2);

  const auto second = f.run({f.dir / "logs"});
  CHECK(second.files == 2);
  CHECK(second.imported == 0);
  CHECK(second.merged == 0);
  CHECK(second.duplicates == 2);
  CHECK(second.ok());
  CHECK(*f.reader.calls == 2);
  CHECK(f.count("activities") == 3);
}

TEST_CASE("importer: a file with an error leaves nothing behind and the rest imports",
          "[import][importer]") {
  Fixture f;
  f.dir.write("in/a.csv", "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  f.dir.write("in/b.csv",
              "2024-01-02T08:00:00Z,10000,3000,good row,row\n"
              "!distance is not a number\n");
  f.dir.write("in/c.csv", "2024-01-03T08:00:00Z,10000,3000,ok,row\n");
  const auto summary = f.run({f.dir / "in"});
  CHECK(summary.files == 3);
  CHECK(summary.imported == 2);
  CHECK(summary.failed == 1);
  CHECK_FALSE(summary.ok());
  REQUIRE(summary.errors.size() == 1);
  CHECK(summary.errors[0].file == (f.dir / "in" / "b.csv").string());
  CHECK(summary.errors[0].line == 2);
  CHECK(summary.errors[0].message == "distance is not a number");
  CHECK(f.count("activities") == 2);
  for (const auto& a : f.activities()) CHECK(a.sources[0].file != (f.dir / "in/b.csv").string());
  CHECK(f.count("imported_files") == 2);

  SECTION("the failed file is counted as failed before next time, unread") {
    const auto again = f.run({f.dir / "in"});
    CHECK(again.failed == 0);
    CHECK(again.failed_before == 1);
    CHECK(again.ok());
    CHECK(again.errors.empty());
    CHECK(again.duplicates == 2);
    CHECK(*f.reader.calls == 3);
  }
  SECTION("retry_failed reads it again") {
    f.options.retry_failed = true;
    const auto again = f.run({f.dir / "in"});
    CHECK(again.failed == 1);
    CHECK(again.failed_before == 0);
    CHECK(again.duplicates == 2);
    CHECK(*f.reader.calls == 4);
  }
}

TEST_CASE("importer: a reader that throws fails that file with the reason", "[import][importer]") {
  Fixture f;
  const auto bad = f.dir.write("bad.csv", "throw\n");
  const auto good = f.dir.write("good.csv", "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  const auto summary = f.run({bad, good});
  CHECK(summary.failed == 1);
  CHECK(summary.imported == 1);
  REQUIRE(summary.errors.size() == 1);
  CHECK(summary.errors[0].file == bad.string());
  CHECK_FALSE(summary.errors[0].line.has_value());
  CHECK_THAT(summary.errors[0].message, Catch::Contains("reader exploded"));
}

TEST_CASE("importer: a file the store refuses is rolled back whole", "[import][importer]") {
  Fixture f;
  const auto file = f.dir.write("nan.csv",
                                "2024-01-01T08:00:00Z,10000,3000,first,row\n"
                                "2024-01-02T08:00:00Z,nan,3000,second,row\n");
  const auto summary = f.run({file});
  CHECK(summary.failed == 1);
  CHECK(summary.imported == 0);
  REQUIRE(summary.errors.size() == 1);
  CHECK_THAT(summary.errors[0].message,
             Catch::Contains("not stored") && Catch::Contains("distance_m"));
  CHECK(f.count("activities") == 0);
  CHECK(f.count("activity_sources") == 0);
  CHECK(f.count("imported_files") == 0);
}

TEST_CASE("importer: a file already imported under another name is skipped before parsing",
          "[import][importer]") {
  Fixture f;
  // On one thread even a copy met earlier in the same run is never parsed
  // (with parse threads it may be parsed, but is still not stored).
  f.threads = 1;
  const std::string content = "2024-01-01T08:00:00Z,10000,3000,ok,row\n";
  const auto a = f.dir.write("a.csv", content);
  const auto b = f.dir.write("copy of a.csv", content);
  const auto summary = f.run({a, b, a});
  CHECK(summary.files == 3);
  CHECK(summary.imported == 1);
  CHECK(summary.duplicates == 2);
  CHECK(*f.reader.calls == 1);
  SQLite::Statement q(f.db.sql(), "SELECT sha256, path, format, activities FROM imported_files");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == identity::sha256_hex(content));
  CHECK(q.getColumn(1).getString() == a.string());
  CHECK(q.getColumn(2).getString() == "runload_csv");
  CHECK(q.getColumn(3).getInt() == 1);
}

TEST_CASE("importer: the same run from a CSV and a track is merged, and both are remembered",
          "[import][importer]") {
  Fixture f;
  const auto csv = f.dir.write("log.csv",
                               "2024-01-07T08:00:30Z,10100,3050,Long run with Bea,row\n"
                               "2024-01-09T08:00:00Z,6000,1900,Easy,row\n");
  const auto gpx = f.dir.write("run.gpx", "2024-01-07T08:00:00Z,10000,3000,Morning Run,track\n");
  const auto first = f.run({csv});
  CHECK(first.imported == 2);
  const auto second = f.run({gpx});
  CHECK(second.imported == 0);
  CHECK(second.merged == 1);
  CHECK(second.duplicates == 0);
  REQUIRE(second.merges.size() == 1);
  CHECK(second.merges[0].source == gpx.string());
  CHECK(second.merges[0].name == "Long run with Bea");
  CHECK(second.merges[0].local_date == date::sys_days{date::year{2024} / 1 / 7});

  const auto all = f.activities();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "Long run with Bea");
  CHECK(all[0].distance_m == 10000.0);
  REQUIRE(all[0].sources.size() == 2);
  CHECK(all[0].sources[0].file == csv.string());
  CHECK(all[0].sources[0].line == 1);
  CHECK(all[0].sources[1].file == gpx.string());

  SECTION("a second track of the same run from another file is a duplicate, not new") {
    const auto copy = f.dir.write("other.gpx", "2024-01-07T08:01:00Z,10050,3010,Run,track\n");
    const auto third = f.run({copy});
    CHECK(third.imported == 0);
    CHECK(third.merged == 0);
    CHECK(third.duplicates == 1);
    CHECK(f.count("activities") == 2);
    CHECK(f.count("imported_files") == 3);
  }
}

TEST_CASE("importer: offsets from the zone are the athlete's, and 23:30 on Sunday stays Sunday",
          "[import][importer][time]") {
  Fixture f;
  // Sunday 2024-01-07 23:30 in Berlin is 22:30 UTC; the fake reader says +00:00.
  const auto file = f.dir.write("late.csv", "2024-01-07T22:30:00Z,5000,1800,Late,row\n");
  CHECK(f.run({file}).imported == 1);
  const auto all = f.activities();
  REQUIRE(all.size() == 1);
  CHECK(all[0].utc_offset == 1h);
  CHECK(all[0].local_date() == date::sys_days{date::year{2024} / 1 / 7});
  CHECK(date::weekday{all[0].local_date()} == date::Sunday);
}

TEST_CASE(
    "importer: in a folder only known extensions count and hidden entries are skipped, a "
    "file named on the command line is always tried",
    "[import][importer]") {
  Fixture f;
  const std::string run = "2024-01-01T08:00:00Z,10000,3000,ok,row\n";
  f.dir.write("d/a.CSV", run);
  f.dir.write("d/b.gpx.gz", "2024-01-02T08:00:00Z,10000,3000,ok,row\n");
  f.dir.write("d/notes.txt", "!never read\n");
  f.dir.write("d/.hidden.csv", "!never read\n");
  f.dir.write("d/.git/c.csv", "!never read\n");
  f.dir.write("d/archive.gz", "!never read\n");
  f.dir.write("elsewhere/linked.csv", run);
  std::filesystem::create_directory_symlink(f.dir / "elsewhere", f.dir / "d" / "link");
  const auto expanded = app::expand_inputs({f.dir / "d"});
  REQUIRE(expanded.files.size() == 2);
  CHECK(expanded.files[0].path == f.dir / "d" / "a.CSV");
  CHECK(expanded.files[1].path == f.dir / "d" / "b.gpx.gz");

  const auto txt = f.dir.write("notes.txt", "2024-01-03T08:00:00Z,10000,3000,ok,row\n");
  const auto summary = f.run({f.dir / "d", txt});
  CHECK(summary.files == 3);
  CHECK(summary.imported == 3);
  CHECK(summary.ok());
}

TEST_CASE("importer: a missing path is a failed input, named, and the rest imports",
          "[import][importer]") {
  Fixture f;
  const auto good = f.dir.write("good.csv", "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  const auto summary = f.run({f.dir / "nope.gpx", good});
  CHECK(summary.files == 2);
  CHECK(summary.failed == 1);
  CHECK(summary.imported == 1);
  REQUIRE(summary.errors.size() == 1);
  CHECK(summary.errors[0].file == (f.dir / "nope.gpx").string());
  CHECK_THAT(summary.errors[0].message, Catch::Contains("no such file"));
}

TEST_CASE("importer: warnings of stored files are passed on", "[import][importer]") {
  Fixture f;
  const auto file = f.dir.write("w.csv",
                                "?dropped a GPS glitch\n"
                                "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  const auto summary = f.run({file});
  CHECK(summary.imported == 1);
  REQUIRE(summary.warnings.size() == 1);
  CHECK(summary.warnings[0].line == 1);
}

TEST_CASE("importer: progress reports every file and ends at the total bytes",
          "[import][importer]") {
  Fixture f;
  f.dir.write("p/a.csv", "2024-01-01T08:00:00Z,10000,3000,ok,row\n");
  f.dir.write("p/b.csv", "!bad\n");
  f.dir.write("p/c.csv", "2024-01-03T08:00:00Z,10000,3000,ok,row\n");
  std::vector<app::Progress> seen;
  f.run({f.dir / "p"}, [&](const app::Progress& p) { seen.push_back(p); });
  REQUIRE(seen.size() == 4);
  CHECK(seen.front().files_done == 0);
  CHECK(seen.back().files_done == 3);
  CHECK(seen.back().files_total == 3);
  CHECK(seen.back().bytes_done == seen.back().bytes_total);
  CHECK(seen.back().bytes_total > 0);
}

TEST_CASE("content_hash: SHA-256 of known inputs", "[import]") {
  CHECK(identity::sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(identity::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("importer: a path that is neither file nor folder is refused unopened",
          "[import][importer]") {
  Fixture f;
  const auto fifo = f.dir / "pipe.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto summary = f.run({fifo});
  CHECK(summary.failed == 1);
  REQUIRE(summary.errors.size() == 1);
  CHECK_THAT(summary.errors[0].message, Catch::Contains("neither a file nor a folder"));
  CHECK(*f.reader.calls == 0);
}
