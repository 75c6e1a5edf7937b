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
#include <runload/store/migrations.hpp>
#include <runload/store/migrator.hpp>
#include "support/activities.hpp"
#include "support/archives.hpp"
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
  SQLite::Statement q(f.db.sql(),
                      "SELECT content_hash, path, format, activities FROM imported_files");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == identity::content_hash(content));
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

TEST_CASE("content_hash: XXH3-128 of known inputs, as xxhsum -H2 prints them", "[import]") {
  CHECK(identity::content_hash("") == "99aa06d3014798d86001c324468d497f");
  CHECK(identity::content_hash("abc") == "06b05ab6733a618578af5f94892f3950");
  CHECK(identity::content_hash("runload") == "90d7f951f4aa8c39f597703ce0ae3369");
  CHECK_FALSE(identity::is_legacy_hash(identity::content_hash("abc")));
  CHECK(identity::is_legacy_hash(identity::sha256_hex("abc")));
}

TEST_CASE("sha256_hex: SHA-256 of known inputs (identities before schema 9)", "[import]") {
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

namespace {

// Rewrites the identity of `content` in every table to its SHA-256, as a
// database written before schema 9 holds it.
void make_legacy(Fixture& f, const std::string& content) {
  const auto hash = identity::content_hash(content);
  const auto legacy = identity::sha256_hex(content);
  for (const auto* sql : {"UPDATE imported_files SET content_hash = ?2 WHERE content_hash = ?1",
                          "UPDATE failed_files SET content_hash = ?2 WHERE content_hash = ?1",
                          "UPDATE activity_sources SET file_hash = ?2 WHERE file_hash = ?1"}) {
    SQLite::Statement update(f.db.sql(), sql);
    update.bind(1, hash);
    update.bind(2, legacy);
    update.exec();
  }
}

std::int64_t rows_with_hash(Fixture& f, const std::string& hash) {
  SQLite::Statement q(f.db.sql(),
                      "SELECT (SELECT count(*) FROM imported_files WHERE content_hash = ?1) + "
                      "(SELECT count(*) FROM failed_files WHERE content_hash = ?1) + (SELECT "
                      "count(*) FROM activity_sources WHERE file_hash = ?1)");
  q.bind(1, hash);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("importer: a corpus imported under SHA-256 identities adds nothing imported again",
          "[import][importer][identity]") {
  Fixture f;
  f.threads = GENERATE(1u, 2u);
  const std::string a =
      "2024-01-01T08:00:00Z,10000,3000,Monday,row\n2024-01-03T08:00:00Z,8000,2400,Wed,row\n";
  const std::string b = "2024-01-05T08:00:00Z,12000,3600,Friday,track\n";
  const std::string bad = "2024-01-06T08:00:00Z,1000,300,ok,row\n!not a number\n";
  const std::string member = "2024-01-07T08:00:00Z,5000,1500,Sunday,track\n";
  const std::string zip = test::make_zip({{"runs/c.gpx", member}});
  f.dir.write("in/a.csv", a);
  f.dir.write("in/b.gpx", b);
  f.dir.write("in/bad.csv", bad);
  f.dir.write("in/export.zip", zip);
  const auto first = f.run({f.dir / "in"});
  REQUIRE(first.imported == 4);
  REQUIRE(first.failed == 1);
  const int calls = *f.reader.calls;
  for (const auto& content : {a, b, bad, member, zip}) make_legacy(f, content);
  REQUIRE(store::ActivityRepository(f.db).holds_legacy_hashes(f.athlete.id));
  const auto activities = f.count("activities");

  const auto again = f.run({f.dir / "in"});
  CHECK(again.imported == 0);
  CHECK(again.merged == 0);
  CHECK(again.duplicates == 3);
  CHECK(again.failed_before == 1);
  CHECK(again.failed == 0);
  CHECK(*f.reader.calls == calls);  // known by SHA-256: not parsed
  CHECK(f.count("activities") == activities);
  // The files seen again are known by XXH3-128 now; the zip's member was
  // not read (the zip itself was known), so it keeps its SHA-256.
  for (const auto& content : {a, b, bad, zip}) {
    CHECK(rows_with_hash(f, identity::sha256_hex(content)) == 0);
    CHECK(rows_with_hash(f, identity::content_hash(content)) > 0);
  }
  CHECK(rows_with_hash(f, identity::sha256_hex(member)) == 2);

  SECTION("a member read again moves too, and then no SHA-256 identity is left") {
    f.dir.write("in/export.zip", test::make_zip({{"runs/c.gpx", member}, {"runs/d.gpx", b}}));
    const auto third = f.run({f.dir / "in"});
    CHECK(third.imported == 0);
    CHECK(third.failed == 0);
    CHECK(rows_with_hash(f, identity::sha256_hex(member)) == 0);
    CHECK(rows_with_hash(f, identity::content_hash(member)) == 2);
    CHECK(f.count("activities") == activities);
    CHECK_FALSE(store::ActivityRepository(f.db).holds_legacy_hashes(f.athlete.id));
  }
}

TEST_CASE("importer: a database migrated from schema 8 knows its files by their SHA-256",
          "[import][importer][identity]") {
  TempDir dir;
  const std::string content = "2024-01-01T08:00:00Z,10000,3000,Monday,row\n";
  const auto file = dir.write("a.csv", content);
  const auto path = dir / "old.db";
  {
    // As runload left it at schema 8: SHA-256 identities in the old columns.
    SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<store::Migration> up_to_8;
    for (const auto& m : store::embedded_migrations())
      if (m.version <= 8) up_to_8.push_back(m);
    REQUIRE(store::apply_migrations(old, up_to_8) == 8);
    old.exec(
        "INSERT INTO athletes(id, name, timezone, created_at) VALUES (1, 'ann', 'Europe/Berlin', "
        "'2024-01-01T00:00:00Z')");
    old.exec(
        "INSERT INTO activities(id, athlete_id, start_utc, utc_offset_s, offset_origin, "
        "local_date, sport, name, distance_m, elapsed_s, created_at) VALUES (1, 1, 1704096000, "
        "3600, 'local', '2024-01-01', 'run', 'Monday', 10000, 3000, '2024-01-01T00:00:00Z')");
    SQLite::Statement source(old,
                             "INSERT INTO activity_sources(activity_id, format, file, line, "
                             "file_sha256) VALUES (1, 'runload_csv', ?1, 1, ?2)");
    source.bind(1, file.string());
    source.bind(2, identity::sha256_hex(content));
    source.exec();
    SQLite::Statement imported(old,
                               "INSERT INTO imported_files(athlete_id, sha256, path, format, "
                               "imported_at, activities) VALUES (1, ?2, ?1, 'runload_csv', "
                               "'2024-01-01T00:00:00Z', 1)");
    imported.bind(1, file.string());
    imported.bind(2, identity::sha256_hex(content));
    imported.exec();
  }
  auto db = store::Database::open(path);
  REQUIRE(db.schema_version() == store::latest_schema_version());
  FakeReader reader;
  app::Importer importer(db, {1, "Europe/Berlin"}, reader, {});
  const auto summary = importer.run({file});
  CHECK(summary.imported == 0);
  CHECK(summary.merged == 0);
  CHECK(summary.duplicates == 1);
  CHECK(*reader.calls == 0);
  CHECK(db.sql().execAndGet("SELECT count(*) FROM activities").getInt() == 1);
  SQLite::Statement hashes(db.sql(),
                           "SELECT (SELECT content_hash FROM imported_files), (SELECT file_hash "
                           "FROM activity_sources)");
  REQUIRE(hashes.executeStep());
  CHECK(hashes.getColumn(0).getString() == identity::content_hash(content));
  CHECK(hashes.getColumn(1).getString() == identity::content_hash(content));
  CHECK_FALSE(store::ActivityRepository(db).holds_legacy_hashes(1));
}
