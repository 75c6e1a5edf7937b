// Data a runner can correct, and that can never lock them out (issue 13):
// each case is one fault a hostile tester or a new user found, run through
// the built binary. Each failed before the change it is named after.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/archives.hpp"
#include "support/cli_database.hpp"
#include "support/run_binary.hpp"
#include "support/spawn.hpp"
#include "support/strava_export.hpp"
#include "support/temp_dir.hpp"

using runload::test::CliDatabase;
using runload::test::make_zip;
using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;
using runload::test::with_db;
namespace fs = std::filesystem;

namespace {

// Five weeks of 10 km runs, Monday and Thursday (2024-W06 to W10, the last
// on Thursday 2024-03-07: enough history for the single-run baseline),
// then one run of `last_km` on Saturday 2024-03-16 (ISO week 2024-W11, which
// holds nothing else) in a file of its own.
struct History {
  fs::path base;
  fs::path last;
};

History write_history(const TempDir& dir, const std::string& last_km) {
  const auto base = dir.write("base.csv",
                              "date,start_time,distance_km,duration,sport,name\n"
                              "2024-02-05,07:00,10,60:00,run,Easy\n"
                              "2024-02-08,07:00,10,60:00,run,Easy\n"
                              "2024-02-12,07:00,10,60:00,run,Easy\n"
                              "2024-02-15,07:00,10,60:00,run,Easy\n"
                              "2024-02-19,07:00,10,60:00,run,Easy\n"
                              "2024-02-22,07:00,10,60:00,run,Easy\n"
                              "2024-02-26,07:00,10,60:00,run,Easy\n"
                              "2024-02-29,07:00,10,60:00,run,Easy\n"
                              "2024-03-04,07:00,10,60:00,run,Easy\n"
                              "2024-03-07,07:00,10,60:00,run,Easy\n");
  const auto last = dir.write("last.csv",
                              "date,start_time,distance_km,duration,sport,name\n"
                              "2024-03-16,09:00," +
                                  last_km + ",,run,GPS logger\n");
  return {base, last};
}

// runload --db DB --athlete ann --tz UTC ARGS..., notes included (no -q).
RunResult run_noisy(const fs::path& db, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", db.string(), "--athlete", "ann", "--tz", "UTC"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

// Metres per degree of latitude on the mean Earth sphere.
constexpr double k_metres_per_degree = 6371008.8 * 3.14159265358979323846 / 180.0;

// A GPX track on 2024-02-01 from 07:00:00Z: 101 points 30 m and 10 s apart
// northwards, of which the first `glitches` odd points (1, 3, ...) are 5 km
// off (a jump of 500 m/s, over the 12 m/s glitch speed).
std::string gpx_with_glitches(int glitches) {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
      "<trk><name>Run</name><trkseg>\n";
  for (int i = 0; i <= 100; ++i) {
    const bool glitch = i % 2 == 1 && i / 2 < glitches;
    const double lat = 47.0 + (30.0 * i + (glitch ? 5000.0 : 0.0)) / k_metres_per_degree;
    const int t = 10 * i;
    text += fmt::format(
        "<trkpt lat=\"{:.8f}\" lon=\"8.0\"><time>2024-02-01T07:{:02}:{:02}Z</time></trkpt>\n", lat,
        t / 60, t % 60);
  }
  return text + "</trkseg></trk>\n</gpx>\n";
}

std::int64_t id_of_name(const nlohmann::json& runs, const std::string& name) {
  for (const auto& r : runs)
    if (r["name"] == name) return r["id"].get<std::int64_t>();
  FAIL("no stored activity named " << name);
  return 0;
}

bool has_flag(const nlohmann::json& report, const std::string& severity) {
  for (const auto& f : report["flags"])
    if (f["severity"] == severity) return true;
  return false;
}

// The names in the athletes table, in id order.
std::vector<std::string> athlete_names(const fs::path& db) {
  SQLite::Database sql(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(sql, "SELECT name FROM athletes ORDER BY id");
  std::vector<std::string> names;
  while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  return names;
}

// Every file and folder below `dir`, as paths relative to it.
std::vector<std::string> tree_of(const fs::path& dir) {
  std::vector<std::string> entries;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    entries.push_back(fs::relative(e.path(), dir).string());
  std::sort(entries.begin(), entries.end());
  return entries;
}

// 400 journal days with long notes, so that the table spans many pages,
// then page 30, inside the journal's table, overwritten with garbage: the
// file opens and its schema reads, the quick check fails.
void damage_journal_page(const CliDatabase& db) {
  std::string csv = "date,stiffness,note\n";
  for (int i = 0; i < 400; ++i)
    csv += date::format("%F", date::sys_days{date::year{2001} / 1 / 1} + date::days{i}) + ",1," +
           std::string(200, 'n') + "\n";
  REQUIRE(db.run({"journal", "import", db.dir().write("many.csv", csv).string()}).exit_code == 0);
  REQUIRE(fs::file_size(db.path()) > 40 * 4096);
  std::fstream file(db.path(), std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(29 * 4096);
  const std::string garbage(4096, '\xA5');
  file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

}  // namespace

// --- Nothing stored can be corrected -----------------------------------------------

TEST_CASE(
    "e2e corrections: a GPS logger's 247 km 'run' raises a HIGH spike until runs delete removes "
    "it",
    "[e2e][corrections][regression]") {
  CliDatabase db;
  const auto files = write_history(db.dir(), "247");
  REQUIRE(db.run({"import", files.base.string(), files.last.string()}).exit_code == 0);
  auto report = runload::test::json_output(db.path(), {"report", "--json", "--date", "2024-03-16"});
  REQUIRE(has_flag(report, "high"));

  const auto id = id_of_name(db.runs(), "GPS logger");
  const auto removed = db.run({"runs", "delete", std::to_string(id)});
  INFO(removed.err);
  REQUIRE(removed.exit_code == 0);
  CHECK_THAT(removed.out, Catch::Contains("deleted activity"));
  CHECK(db.runs().size() == 10);
  report = runload::test::json_output(db.path(), {"report", "--json", "--date", "2024-03-16"});
  CHECK_FALSE(has_flag(report, "high"));
  CHECK(report["load"]["distance_km"] == 0.0);
}

TEST_CASE(
    "e2e corrections: runs delete, then importing the same file again leaves the activity "
    "deleted, and --undelete brings it back",
    "[e2e][corrections]") {
  CliDatabase db;
  const auto files = write_history(db.dir(), "12");
  REQUIRE(db.run({"import", files.base.string(), files.last.string()}).exit_code == 0);
  const auto id = id_of_name(db.runs(), "GPS logger");
  REQUIRE(db.run({"runs", "delete", std::to_string(id)}).exit_code == 0);

  // The same file, and the same run in a file of another content.
  const auto again = run_runload({"--db", db.path().string(), "--athlete", "ann", "--tz", "UTC",
                                  "import", files.last.string()});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("deleted"));
  CHECK_THAT(again.err, Catch::Contains("--undelete"));
  const auto copy = db.dir().write("copy.csv",
                                   "date,start_time,distance_km,duration,sport,name\n"
                                   "2024-03-16,09:00,12,,run,Copy\n");
  CHECK(db.run({"import", copy.string()}).exit_code == 0);
  CHECK(db.runs().size() == 10);

  REQUIRE(db.run({"import", "--undelete", files.last.string()}).exit_code == 0);
  CHECK(db.runs().size() == 11);
}

TEST_CASE("e2e corrections: runs set --sport other removes the activity from the running load",
          "[e2e][corrections]") {
  CliDatabase db;
  const auto files = write_history(db.dir(), "12");
  REQUIRE(db.run({"import", files.base.string(), files.last.string()}).exit_code == 0);
  auto report = runload::test::json_output(db.path(), {"report", "--json", "--date", "2024-03-16"});
  REQUIRE(report["load"]["distance_km"] == 12.0);
  REQUIRE(report["load"]["runs"] == 1);

  const auto id = id_of_name(db.runs(), "GPS logger");
  const auto set = db.run(
      {"runs", "set", std::to_string(id), "--sport", "other", "--name", "Car ride", "--gear", ""});
  INFO(set.err);
  REQUIRE(set.exit_code == 0);
  report = runload::test::json_output(db.path(), {"report", "--json", "--date", "2024-03-16"});
  CHECK(report["load"]["distance_km"] == 0.0);
  CHECK(report["load"]["runs"] == 0);
  // Set by hand: an import of the same run does not change it back.
  REQUIRE(db.run({"import", "--retry-failed", files.last.string()}).exit_code == 0);
  const auto runs = db.runs();
  const auto stored = runs[runs.size() - 1];
  CHECK(stored["id"] == id);
  CHECK(stored["sport"] == "other");
  CHECK(stored["name"] == "Car ride");
  const auto show =
      runload::test::json_output(db.path(), {"runs", "show", std::to_string(id), "--json"});
  CHECK(show["id"] == id);

  // runs gains ids, pace, a total line and --sport.
  const auto table = db.run({"runs", "--sport", "running"});
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("pace"));
  CHECK_THAT(table.out, Catch::Contains("10 activities, 10 runs: 100.00 km of running"));
  CHECK(table.out.find("Car ride") == std::string::npos);
  CHECK(db.run({"runs", "--sport", "runing"}).exit_code == 2);
}

TEST_CASE("e2e corrections: journal delete removes one day, and only that day",
          "[e2e][corrections][journal]") {
  CliDatabase db;
  REQUIRE(db.run({"journal", "--date", "2024-03-10", "--stiffness", "3"}).exit_code == 0);
  REQUIRE(db.run({"journal", "--date", "2024-03-11", "--stiffness", "4"}).exit_code == 0);
  const auto r = db.run({"journal", "delete", "2024-03-10"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto list = db.journal();
  REQUIRE(list.size() == 1);
  CHECK(list[0]["date"] == "2024-03-11");
  CHECK(db.run({"journal", "delete", "2024-03-10"}).exit_code != 0);
}

// --- One stored activity can break every report -----------------------------------

TEST_CASE(
    "e2e corrections: an activity of year 10000 written with SQL costs itself, never the report",
    "[e2e][corrections][regression]") {
  CliDatabase db;
  const auto files = write_history(db.dir(), "12");
  REQUIRE(db.run({"import", files.base.string()}).exit_code == 0);
  {
    SQLite::Database sql(db.path().string(), SQLite::OPEN_READWRITE);
    // 9999-12-31T23:00:00Z, one hour ahead of UTC: a local date in year 10000.
    sql.exec(
        "INSERT INTO activities(athlete_id, start_utc, utc_offset_s, offset_origin, local_date, "
        "sport, name, distance_m, created_at) VALUES ((SELECT id FROM athletes), 253402297200, "
        "3600, 'zone', '10000-01-01', 'run', 'Far future', 10000, '2024-01-01T00:00:00Z')");
  }
  const auto report = db.run({"report", "--date", "2024-03-16"});
  INFO(report.err);
  CHECK(report.exit_code == 0);
  CHECK_THAT(report.err, Catch::Contains("skipped activity"));
  CHECK_THAT(report.err, Catch::Contains("runs delete"));
  // Week 2024-W10 holds two of the 10 km runs.
  const auto json = db.run({"report", "--json", "--date", "2024-03-07"});
  CHECK(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["load"]["distance_km"] == 20.0);
  const auto runs = db.run({"runs"});
  CHECK(runs.exit_code == 0);
  CHECK_THAT(runs.err, Catch::Contains("skipped activity"));
  const auto doctor = db.run({"doctor"});
  CHECK_THAT(doctor.out + doctor.err, Catch::Contains("10000"));
}

TEST_CASE("e2e corrections: import refuses a start before 1990 or more than a day ahead",
          "[e2e][corrections][import]") {
  TempDir dir;
  const auto db = dir / "p.db";
  // Tokyo is ahead of UTC: 9999-12-31 23:00 UTC would be a day of year 10000.
  const auto tokyo = [&](std::vector<std::string> args) {
    std::vector<std::string> full{"--db", db.string(), "--tz", "Asia/Tokyo"};
    full.insert(full.end(), args.begin(), args.end());
    return run_runload(full);
  };
  const auto fixtures = runload::test::source_dir() / "tests" / "fixtures";
  for (const auto& file : {fixtures / "gpx" / "start_9999_12_31_2300_utc.gpx",
                           fixtures / "gpx" / "start_1980_01_06_gps_epoch.gpx",
                           fixtures / "tcx" / "start_9999_12_31_2300_utc.tcx",
                           fixtures / "csv" / "runload_start_before_1990.csv"}) {
    CAPTURE(file.filename().string());
    const auto r = tokyo({"import", file.string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("outside the range runload accepts (1990-01-01 to a day "
                                      "from now)"));
  }
  const auto runs = tokyo({"runs", "--json"});
  REQUIRE(runs.exit_code == 0);
  CHECK(nlohmann::json::parse(runs.out).empty());
  CHECK(tokyo({"report", "--date", "2024-03-16"}).exit_code == 0);
}

// --- Typos create things ------------------------------------------------------------

TEST_CASE(
    "e2e corrections: --athlete Typo report exits 2, names the athlete, and creates no athlete",
    "[e2e][corrections][athletes]") {
  CliDatabase db;
  REQUIRE(run_runload({"--db", db.path().string(), "--athlete", "Lena", "--tz", "UTC", "journal",
                       "--date", "2024-03-10", "--stiffness", "2"})
              .exit_code == 0);
  REQUIRE(athlete_names(db.path()) == std::vector<std::string>{"Lena"});
  const auto r = run_runload({"--db", db.path().string(), "--athlete", "Lenna", "report"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("Lena"));
  CHECK_THAT(r.err, Catch::Contains("did you mean"));
  CHECK(athlete_names(db.path()) == std::vector<std::string>{"Lena"});
  // And so every command without --athlete still finds the one athlete.
  CHECK(run_runload({"--db", db.path().string(), "journal", "list"}).exit_code == 0);

  for (const auto& bad : {std::string(""), std::string("   "), std::string("a\nb")}) {
    CAPTURE(bad);
    CHECK(run_runload({"--db", db.path().string(), "--athlete", bad, "journal", "--date",
                       "2024-03-10", "--stiffness", "1"})
              .exit_code == 2);
  }
  CHECK(athlete_names(db.path()) == std::vector<std::string>{"Lena"});
}

TEST_CASE("e2e corrections: reading commands never create a database, a folder or an athlete",
          "[e2e][corrections][regression]") {
  TempDir dir;
  const auto missing = dir / "nonexistent" / "dir" / "x.db";
  for (const auto& args : std::vector<std::vector<std::string>>{{"runs"},
                                                                {"report"},
                                                                {"journal", "list"},
                                                                {"journal", "export"},
                                                                {"doctor"},
                                                                {"athletes"}}) {
    CAPTURE(args[0]);
    std::vector<std::string> full{"--db", missing.string()};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = run_runload(full);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("runload import"));
    CHECK(tree_of(dir.path()).empty());
  }
  // A missing file in an existing folder: the same.
  const auto r = run_runload({"--db", (dir / "x.db").string(), "runs"});
  CHECK(r.exit_code != 0);
  CHECK(tree_of(dir.path()).empty());
}

TEST_CASE("e2e corrections: --db refuses '', :memory:, file: names and a folder",
          "[e2e][corrections]") {
  TempDir dir;
  for (const auto& bad :
       {std::string(""), std::string(":memory:"), std::string("file:x.db"), dir.path().string()}) {
    CAPTURE(bad);
    const auto r = run_runload(
        {"--db", bad, "--tz", "UTC", "journal", "--date", "2024-03-10", "--stiffness", "1"},
        {{}, "", dir.path().string()});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--db") || Catch::Contains("is a folder"));
    CHECK(r.err.find("created database") == std::string::npos);
    CHECK(tree_of(dir.path()).empty());
  }
}

// --- --tz on a read command changes the athlete's zone ------------------------------

TEST_CASE(
    "e2e corrections: --tz on a read command is an error naming athletes set, which keeps a CSV "
    "run's wall time",
    "[e2e][corrections][athletes][timezone]") {
  TempDir dir;
  const auto db = (dir / "tz.db").string();
  const auto csv = dir.write("late.csv", "date,start_time,distance_km\n2024-01-21,23:30,10\n");
  REQUIRE(run_runload({"--db", db, "--tz", "UTC", "import", csv.string()}).exit_code == 0);
  const auto other = run_runload({"--db", db, "--tz", "Europe/Berlin", "runs"});
  CHECK(other.exit_code == 2);
  CHECK_THAT(other.err, Catch::Contains("athletes set"));

  // A GPX track at 23:30 UTC on Sunday 2024-03-17: a UTC instant.
  const auto gpx =
      dir.write("sunday_2330_utc.gpx",
                "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                "<trk><name>Late</name><trkseg>"
                "<trkpt lat=\"52.0\" lon=\"13.0\"><time>2024-03-17T23:30:00Z</time></trkpt>"
                "<trkpt lat=\"52.06\" lon=\"13.0\"><time>2024-03-18T00:05:00Z</time></trkpt>"
                "</trkseg></trk></gpx>");
  REQUIRE(run_runload({"--db", db, "import", gpx.string()}).exit_code == 0);
  const auto before = nlohmann::json::parse(run_runload({"--db", db, "runs", "--json"}).out);
  REQUIRE(before.size() == 2);
  CHECK(before[1]["local_date"] == "2024-03-17");

  const auto athletes = nlohmann::json::parse(run_runload({"--db", db, "athletes", "--json"}).out);
  REQUIRE(athletes.size() == 1);
  const std::string name = athletes[0]["name"];
  const auto set = run_runload({"--db", db, "athletes", "set", name, "--tz", "Europe/Berlin"});
  INFO(set.err);
  REQUIRE(set.exit_code == 0);
  CHECK_THAT(set.out, Catch::Contains("1"));
  const auto after = nlohmann::json::parse(run_runload({"--db", db, "runs", "--json"}).out);
  REQUIRE(after.size() == 2);
  // The wall-clock CSV run keeps 23:30 on the 21st; its instant moves an hour back.
  CHECK(after[0]["local_date"] == "2024-01-21");
  CHECK(after[0]["start_utc"] == "2024-01-21T22:30:00Z");
  // The GPX track keeps its instant: 00:30 on Monday the 18th in Berlin.
  CHECK(after[1]["start_utc"] == before[1]["start_utc"]);
  CHECK(after[1]["local_date"] == "2024-03-18");
}

TEST_CASE("e2e corrections: athletes lists, renames and deletes (only with --yes)",
          "[e2e][corrections][athletes]") {
  TempDir dir;
  const auto db = (dir / "a.db").string();
  for (const auto& name : {"ann", "bob"})
    REQUIRE(run_runload({"--db", db, "--athlete", name, "--tz", "UTC", "journal", "--date",
                         "2024-03-10", "--stiffness", "2"})
                .exit_code == 0);
  auto list = nlohmann::json::parse(run_runload({"--db", db, "athletes", "--json"}).out);
  CHECK(list.size() == 2);
  REQUIRE(run_runload({"--db", db, "athletes", "rename", "bob", "rob"}).exit_code == 0);
  CHECK(athlete_names(db) == std::vector<std::string>{"ann", "rob"});
  CHECK(run_runload({"--db", db, "athletes", "rename", "ann", ""}).exit_code == 2);
  CHECK(run_runload({"--db", db, "athletes", "delete", "rob"}).exit_code == 2);
  CHECK(athlete_names(db) == std::vector<std::string>{"ann", "rob"});
  REQUIRE(run_runload({"--db", db, "athletes", "delete", "rob", "--yes"}).exit_code == 0);
  CHECK(athlete_names(db) == std::vector<std::string>{"ann"});
}

// --- Raw control bytes reach the terminal -------------------------------------------

TEST_CASE("e2e corrections: runs and import escape control bytes in names, gear and file names",
          "[e2e][corrections][escape]") {
  CliDatabase db;
  const auto csv = db.dir().write("evil\x1b[2Jname.csv",
                                  "date,start_time,distance_km,duration,sport,gear,name\n"
                                  "2024-03-10,07:00,10,60:00,run,Shoe\x1b]0;pwned\x07,"
                                  "Clear\x1b[2Jscreen\n");
  const auto imported = db.run({"import", csv.string()});
  CHECK(imported.err.find('\x1b') == std::string::npos);
  CHECK(imported.out.find('\x1b') == std::string::npos);
  const auto runs = db.run({"runs"});
  REQUIRE(runs.exit_code == 0);
  CHECK(runs.out.find('\x1b') == std::string::npos);
  CHECK(runs.out.find('\x07') == std::string::npos);
  CHECK_THAT(runs.out, Catch::Contains("Clear"));
  const auto zip = db.dir().write(
      "bad.zip", make_zip({{"run\x1b[31m.gpx", "<gpx"}, {"notes\x1b[2J.txt", "hello"}}));
  const auto archive = db.run({"import", zip.string()});
  CHECK(archive.err.find('\x1b') == std::string::npos);
  CHECK(archive.out.find('\x1b') == std::string::npos);
}

// --- Storage faults -----------------------------------------------------------------

TEST_CASE(
    "e2e corrections: a healthy database in a read-only folder reads, and import says why it "
    "cannot",
    "[e2e][corrections][readonly]") {
  TempDir dir;
  const auto folder = dir / "shared";
  const auto db = folder / "runload.db";
  const auto files = write_history(dir, "12");
  REQUIRE(run_runload(with_db(db, {"import", files.base.string()})).exit_code == 0);
  // The file stays writable: only its folder, where SQLite would put its
  // -wal and -shm files, is not (as on a read-only mount or a shared folder).
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);

  const auto runs = run_runload(with_db(db, {"runs", "--json"}));
  INFO(runs.err);
  CHECK(runs.exit_code == 0);
  CHECK(nlohmann::json::parse(runs.out).size() == 10);
  const auto report = run_runload(with_db(db, {"report", "--date", "2024-03-10"}));
  CHECK(report.exit_code == 0);
  const auto doctor = run_runload(with_db(db, {"doctor"}));
  CHECK(doctor.exit_code == 0);
  CHECK(doctor.out.find("backup") == std::string::npos);
  const auto refused = run_runload(with_db(db, {"import", files.last.string()}));
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.err, Catch::Contains("cannot be written"));

  fs::permissions(folder, fs::perms::owner_all);
}

TEST_CASE("e2e corrections: a database that fails the quick check refuses journal and import",
          "[e2e][corrections][damaged]") {
  CliDatabase db;
  const auto files = write_history(db.dir(), "12");
  REQUIRE(db.run({"import", files.base.string()}).exit_code == 0);
  damage_journal_page(db);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"journal", "--date", "2024-03-10", "--stiffness", "1"},
           {"import", files.last.string()}}) {
    CAPTURE(args[0]);
    const auto r = db.run(args);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("runload writes nothing to it"));
    CHECK_THAT(r.err, Catch::Contains(".recover"));
  }
}

TEST_CASE("e2e corrections: a journal export to a full disk fails, however small",
          "[e2e][corrections][faults][regression]") {
  CliDatabase db;
  REQUIRE(db.run({"journal", "--date", "2024-03-10", "--stiffness", "3"}).exit_code == 0);
  // /dev/full fails every write with ENOSPC, as a full disk does; the export
  // is under 100 bytes, far less than stdio's buffer.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"journal", "export"}, {"runs", "--json"}, {"athletes", "--json"}}) {
    CAPTURE(args[0]);
    runload::test::SpawnOptions options;
    options.stdout_file = "/dev/full";
    std::vector<std::string> full{"--db", db.path().string()};
    full.insert(full.end(), args.begin(), args.end());
    runload::test::Spawned child(full, options);
    CHECK(child.wait() != 0);
  }
}

TEST_CASE(
    "e2e corrections: doctor finds a missing table or column, and gives no advice for a foreign "
    "file",
    "[e2e][corrections][doctor]") {
  CliDatabase db;
  REQUIRE(db.run({"journal", "--date", "2024-03-10", "--stiffness", "3"}).exit_code == 0);
  {
    SQLite::Database sql(db.path().string(), SQLite::OPEN_READWRITE);
    sql.exec("DROP TABLE failed_files");
  }
  auto r = db.run({"doctor"});
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.out + r.err, Catch::Contains("failed_files"));
  {
    SQLite::Database sql(db.path().string(), SQLite::OPEN_READWRITE);
    sql.exec("ALTER TABLE activities DROP COLUMN edited");
  }
  r = db.run({"doctor"});
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.out + r.err, Catch::Contains("edited"));

  const auto other = db.dir() / "other.sqlite";
  {
    SQLite::Database sql(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sql.exec("CREATE TABLE notes(x TEXT)");
  }
  const auto foreign = run_runload({"--db", other.string(), "doctor"});
  CHECK(foreign.exit_code != 0);
  CHECK((foreign.out + foreign.err).find("backup") == std::string::npos);
}

// --- A --note that is not UTF-8 ------------------------------------------------------

TEST_CASE(
    "e2e corrections: doctor recommends only a backup that is a whole SQLite file, never an "
    "empty one a kill left",
    "[e2e][corrections][doctor][regression]") {
  CliDatabase db;
  damage_journal_page(db);
  // What a kill during the upgrade backup left before it was written to a
  // temporary name: an empty backup.
  const auto empty = db.dir().write("runload.db.v4.bak", "");
  auto r = db.run({"doctor"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.out + r.err, Catch::Contains("No backup of it was found"));
  CHECK((r.out + r.err).find(empty.string() + ",") == std::string::npos);
  // A whole one is recommended.
  {
    SQLite::Database backup((db.dir() / "runload.db.v5.bak").string(),
                            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    backup.exec("CREATE TABLE athletes(id INTEGER PRIMARY KEY)");
  }
  r = db.run({"doctor"});
  CHECK_THAT(r.out + r.err, Catch::Contains("runload.db.v5.bak"));
}

TEST_CASE("e2e corrections: a --note that is not UTF-8 is refused with its byte offset",
          "[e2e][corrections][journal]") {
  CliDatabase db;
  const auto r = db.run({"journal", "--date", "2024-03-10", "--note", "sore \xE9 heel"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("byte 5"));
  CHECK_FALSE(fs::exists(db.path()));
}

// --- Uneven errors ------------------------------------------------------------------

TEST_CASE("e2e corrections: usage errors suggest the nearest option or value",
          "[e2e][corrections][cli]") {
  CliDatabase db;
  REQUIRE(db.run({"journal", "--date", "2024-03-10", "--stiffness", "3"}).exit_code == 0);
  auto r = db.run({"runs", "--sinse", "2024-01-01"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--since"));
  r = db.run({"--color", "sometimes", "runs"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("auto"));
  CHECK(r.err.find("report --help") == std::string::npos);
  CHECK(db.run({"runs", "--since", "yesterday"}).exit_code == 0);
  CHECK(db.run({"journal", "list", "--since", "yesterday"}).exit_code == 0);
}

TEST_CASE("e2e corrections: an --html path that cannot be written is exit 1 with the reason",
          "[e2e][corrections][report]") {
  CliDatabase db;
  REQUIRE(db.run({"journal", "--date", "2024-03-10", "--stiffness", "3"}).exit_code == 0);
  const auto target = db.dir() / "no" / "such" / "page.html";
  const auto r = db.run({"report", "--html", target.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(target.string()));
  CHECK(r.err.find("unexpected") == std::string::npos);
}

// --- Archives -------------------------------------------------------------------------

TEST_CASE(
    "e2e corrections: a zip with a Strava export in a subfolder joins it and imports its other "
    "files too",
    "[e2e][corrections][archives][regression]") {
  TempDir dir;
  const auto db = dir / "z.db";
  auto members = runload::test::strava_export_members();
  for (auto& m : members) m.name = "export_123/" + m.name;
  // A track beside the export, on a day of its own.
  members.push_back({"loose/2024-02-01.gpx", gpx_with_glitches(0)});
  const auto zip = dir.write("with_subfolder.zip", make_zip(members));
  const auto r = run_noisy(db, {"import", zip.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const auto runs = runload::test::runs_json(db);
  // The export's four rows (three joined with their tracks) and the loose track.
  CHECK(runs.size() == 5);
  CHECK(id_of_name(runs, "Hill GPX run") > 0);
  CHECK(id_of_name(runs, "Run") > 0);
  // The export's other CSVs (profile, bikes) are what an export holds: no warning.
  CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("e2e corrections: a zip inside a zip is reported, not skipped silently",
          "[e2e][corrections][archives][regression]") {
  TempDir dir;
  const auto db = dir / "z.db";
  const auto inner = make_zip({{"run.gpx", gpx_with_glitches(0)}});
  const auto zip = dir.write("nested.zip",
                             make_zip({{"inner.zip", inner}, {"other.gpx", gpx_with_glitches(0)}}));
  const auto r = run_noisy(db, {"import", zip.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("nested.zip!inner.zip"));
  CHECK_THAT(r.err, Catch::Contains("unpack"));
}

TEST_CASE("e2e corrections: an archive that inflates past its budget stops with a clear error",
          "[e2e][corrections][archives][limits]") {
  TempDir dir;
  const auto db = dir / "z.db";
  // A file cap of 100,000 bytes: a budget of 16 x that, 1.6 MB, for the
  // archive. 20 members of 90,000 inflated bytes each are 1.8 MB.
  std::vector<runload::test::ZipEntry> members;
  for (int i = 0; i < 20; ++i)
    members.push_back({fmt::format("run{:02}.gpx.gz", i), runload::test::gzip_zeros(90000)});
  const auto zip = dir.write("bomb_of_small_members.zip", make_zip(members));
  REQUIRE(fs::file_size(zip) < 100000);
  const auto r = run_runload({"--db", db.string(), "--tz", "UTC", "import", zip.string()},
                             {{{"RUNLOAD_MAX_FILE_BYTES", "100000"}}, "", ""});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("inflates to more than"));
  CHECK_THAT(r.err, Catch::Contains("limit per archive"));
}

// --- Quiet, scriptable imports ----------------------------------------------------------

TEST_CASE("e2e corrections: importing a folder again counts the files that failed before, exit 0",
          "[e2e][corrections][import][regression]") {
  TempDir dir;
  const auto db = dir / "q.db";
  dir.write("runs/good.gpx", gpx_with_glitches(0));
  dir.write("runs/bad.gpx", "<gpx><trk><trkseg><trkpt lat=");
  const auto folder = (dir / "runs").string();
  const auto first = run_noisy(db, {"import", folder});
  CHECK(first.exit_code == 1);
  CHECK_THAT(first.err, Catch::Contains("bad.gpx"));

  const auto again = run_noisy(db, {"import", folder});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("1 file failed before"));
  CHECK_THAT(again.err, Catch::Contains("--retry-failed"));
  CHECK(again.err.find("error") == std::string::npos);

  // Something new that fails is still exit 1.
  dir.write("runs/worse.gpx", "not xml at all");
  CHECK(run_noisy(db, {"import", folder}).exit_code == 1);
  const auto retry = run_noisy(db, {"import", "--retry-failed", folder});
  CHECK(retry.exit_code == 1);
  CHECK_THAT(retry.err, Catch::Contains("bad.gpx"));
}

TEST_CASE("e2e corrections: dropped glitch points warn only past 5% of a track, once, with a count",
          "[e2e][corrections][import]") {
  TempDir dir;
  // 2 of 101 points (2%): said only with --verbose.
  const auto few = dir.write("few_glitches.gpx", gpx_with_glitches(2));
  auto r = run_noisy(dir / "a.db", {"import", few.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("dropped") == std::string::npos);
  r = run_noisy(dir / "b.db", {"import", "--verbose", few.string()});
  CHECK_THAT(r.err, Catch::Contains("dropped 2 GPS glitch point(s)"));
  // 10 of 101 (10%): one line with the count.
  const auto many = dir.write("many_glitches.gpx", gpx_with_glitches(10));
  r = run_noisy(dir / "c.db", {"import", many.string()});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("dropped 10 GPS glitch point(s)"));
  std::size_t lines = 0;
  for (std::size_t at = r.err.find("dropped"); at != std::string::npos;
       at = r.err.find("dropped", at + 1))
    ++lines;
  CHECK(lines == 1);
}
