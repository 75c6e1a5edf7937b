#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/pty.hpp"
#include "support/run_binary.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using runload::test::PtyProcess;
using runload::test::read_file;
using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::source_dir;
using runload::test::TempDir;
namespace fs = std::filesystem;

namespace {

RunResult on(const fs::path& db, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", db.string()};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

RunResult ok(const fs::path& db, std::vector<std::string> args) {
  auto r = on(db, std::move(args));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// The demo history (every table but the failed files and the deleted
// activities), a journal day answered twice (its history), a deleted run,
// a file that failed, and a second athlete.
void rich_database(const fs::path& db) {
  const auto samples = source_dir() / "samples";
  const std::vector<std::string> lena{"--athlete", "Lena", "--tz", "Europe/Berlin", "-q"};
  const auto as_lena = [&](std::vector<std::string> args) {
    args.insert(args.begin(), lena.begin(), lena.end());
    return args;
  };
  ok(db, as_lena({"import", (samples / "strava_export").string()}));
  ok(db, as_lena({"journal", "import", (samples / "journal.csv").string()}));
  for (const auto& edit : runload::test::sample_gear_edits()) ok(db, as_lena(edit));
  ok(db, {"athletes", "set", "Lena", "--born", "1979", "--sex", "female"});
  ok(db, as_lena({"journal", "--date", "2026-11-01", "--stiffness", "3", "--note", "first"}));
  ok(db, as_lena({"journal", "--date", "2026-11-01", "--stiffness", "5"}));
  ok(db, as_lena({"heel-rise", "--date", "2026-11-02", "--left", "25", "--right", "18"}));
  ok(db, as_lena({"episode", "add", "--from", "2025-03-01", "--to", "2025-04-15"}));
  ok(db, as_lena({"runs", "delete", "1"}));
  const auto bad = on(db, as_lena({"import", (source_dir() / "tests" / "fixtures" / "bad" /
                                              "import" / "not_xml_png_bytes.gpx")
                                                 .string()}));
  REQUIRE(bad.exit_code == 1);
  ok(db, {"--athlete", "max", "--tz", "UTC", "-q", "journal", "--date", "2026-10-01", "--stiffness",
          "1"});
}

nlohmann::json json_of(const RunResult& r) {
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("e2e export: json, imported into a new database, exported again, is the same file",
          "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  rich_database(db);

  const auto written = ok(db, {"export", "--all", "--out", (dir / "all.json").string()});
  CHECK_THAT(written.err, Catch::Contains("exported athletes 'Lena', 'max' to"));
  const auto doc = nlohmann::json::parse(read_file(dir / "all.json"));
  CHECK(doc["scope"] == "all");
  for (const char* table :
       {"activities", "activity_sources", "journal_entries", "journal_history", "gear", "visa_a",
        "heel_rise_tests", "rehab_sessions", "medications", "episodes", "deleted_activities",
        "deleted_activity_files", "imported_files", "failed_files"}) {
    INFO(table);
    CHECK_FALSE(doc["tables"][table].empty());
  }
  const auto& activities = doc["tables"]["activities"];
  CHECK(std::any_of(activities.begin(), activities.end(), [](const nlohmann::json& a) {
    return a["speed_hist"].is_object() && a["speed_hist"].contains("base64");
  }));
  CHECK_FALSE(doc["tables"].contains("exports"));

  // Restored by its content: the name says nothing.
  fs::copy_file(dir / "all.json", dir / "backup.txt");
  const auto copy = dir / "copy.db";
  const auto restored = ok(copy, {"import", (dir / "backup.txt").string()});
  CHECK_THAT(restored.err, Catch::Contains("restored"));
  ok(copy, {"export", "--all", "--out", (dir / "again.json").string()});
  CHECK(read_file(dir / "again.json") == read_file(dir / "all.json"));
  for (const char* athlete : {"Lena", "max"}) {
    INFO(athlete);
    CHECK(ok(copy, {"--athlete", athlete, "runs", "--json"}).out ==
          ok(db, {"--athlete", athlete, "runs", "--json"}).out);
    CHECK(ok(copy, {"--athlete", athlete, "journal", "list", "--json"}).out ==
          ok(db, {"--athlete", athlete, "journal", "list", "--json"}).out);
  }
  CHECK(ok(copy, {"--athlete", "Lena", "report", "--week", "2026-W46", "--json"}).out ==
        ok(db, {"--athlete", "Lena", "report", "--week", "2026-W46", "--json"}).out);

  // One athlete, on standard output, round trips the same way.
  const auto lena = ok(db, {"--athlete", "Lena", "export"}).out;
  CHECK(nlohmann::json::parse(lena)["athletes"] == nlohmann::json::array({"Lena"}));
  CHECK(nlohmann::json::parse(lena)["tables"]["athletes"].size() == 1);
  std::ofstream(dir / "lena.json", std::ios::binary) << lena;
  const auto only_lena = dir / "lena.db";
  ok(only_lena, {"import", "--json", (dir / "lena.json").string()});
  CHECK(ok(only_lena, {"--athlete", "Lena", "export"}).out == lena);
  CHECK(json_of(ok(only_lena, {"athletes", "--json"})).size() == 1);
}

TEST_CASE("e2e export: a database that holds data is not restored into, and nothing changes",
          "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db,
     {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2"});
  ok(db, {"export", "--out", (dir / "ann.json").string()});
  const auto before = ok(db, {"export", "--all"}).out;
  const auto r = on(db, {"import", (dir / "ann.json").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("already holds data (athletes 'ann')"));
  CHECK(ok(db, {"export", "--all"}).out == before);

  const auto other = dir / "other.db";
  CHECK(on(other, {"--athlete", "ann", "import", (dir / "ann.json").string()}).exit_code == 2);
  CHECK(on(other, {"import", (dir / "ann.json").string(), (dir / "ann.json").string()}).exit_code ==
        2);
  CHECK_FALSE(fs::exists(other));

  // An export is untrusted input like any file: a zone no machine knows,
  // or a name with a control byte, is refused before a database is made.
  auto doc = nlohmann::ordered_json::parse(read_file(dir / "ann.json"));
  doc["tables"]["athletes"][0]["timezone"] = "Mars/Olympus_Mons";
  std::ofstream(dir / "mars.json") << doc.dump();
  CHECK(on(other, {"import", (dir / "mars.json").string()}).exit_code == 2);
  doc["tables"]["athletes"][0]["timezone"] = "UTC";
  doc["tables"]["athletes"][0]["name"] = "ann\x1b[2J";
  std::ofstream(dir / "escape.json") << doc.dump();
  CHECK(on(other, {"import", (dir / "escape.json").string()}).exit_code == 2);
  CHECK_FALSE(fs::exists(other));
}

TEST_CASE("e2e export: sqlite is a snapshot with the same rows, one athlete's holds only theirs",
          "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  rich_database(db);
  ok(db, {"export", "--all", "--format", "sqlite", "--out", (dir / "snap.db").string()});
  const auto snapshot = dir / "snap.db";
  CHECK(ok(snapshot, {"export", "--all"}).out == ok(db, {"export", "--all"}).out);
  CHECK(ok(snapshot, {"--athlete", "Lena", "runs", "--json"}).out ==
        ok(db, {"--athlete", "Lena", "runs", "--json"}).out);
  CHECK(json_of(ok(snapshot, {"doctor", "--json"}))["healthy"] == true);

  ok(db, {"--athlete", "max", "export", "--format", "sqlite", "-o", (dir / "max.db").string()});
  const auto athletes = json_of(ok(dir / "max.db", {"athletes", "--json"}));
  REQUIRE(athletes.size() == 1);
  CHECK(athletes[0]["name"] == "max");
  CHECK(read_file(dir / "max.db").find("Lena") == std::string::npos);

  // Piped, the snapshot's bytes go to standard output.
  const auto piped = ok(db, {"--athlete", "max", "export", "--format", "sqlite"}).out;
  CHECK(piped.rfind(std::string("SQLite format 3\0", 16), 0) == 0);
  CHECK(piped.size() == fs::file_size(dir / "max.db"));
  CHECK(on(db, {"import", (dir / "max.db").string()}).exit_code == 2);
}

TEST_CASE("e2e export: csv is a zip of one CSV per table after its manifest", "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db, {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2",
          "--note", "sore, \"very\""});
  ok(db, {"export", "--format", "csv", "--out", (dir / "ann.zip").string()});
  const auto zip = read_file(dir / "ann.zip");
  CHECK(zip.rfind("PK\3\4", 0) == 0);
  CHECK(zip.substr(30, 19) == "runload_export.json");
  CHECK(zip.find("journal_entries.csv") != std::string::npos);
  CHECK(ok(db, {"export", "--format", "csv"}).out.rfind("PK\3\4", 0) == 0);
  const auto r = on(dir / "new.db", {"import", (dir / "ann.zip").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("CSV export"));
}

TEST_CASE("e2e export: --out replaces an export, never another file or the database",
          "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db,
     {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2"});
  const auto notes = dir.write("notes.txt", "my notes\n");
  auto r = on(db, {"export", "--out", notes.string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("not a runload export"));
  CHECK(read_file(notes) == "my notes\n");
  CHECK(on(db, {"export", "--format", "sqlite", "--out", db.string()}).exit_code == 2);
  CHECK(on(db, {"export", "--out", dir.path().string()}).exit_code == 2);
  CHECK(on(db, {"export", "--all", "--athlete", "ann"}).exit_code == 2);
  CHECK(on(db, {"export", "--format", "xml"}).exit_code == 2);
  CHECK(on(dir / "none.db", {"export"}).exit_code == 3);
  CHECK_FALSE(fs::exists(dir / "none.db"));

  ok(db, {"export", "--out", (dir / "a.json").string()});
  ok(db, {"journal", "--date", "2026-10-02", "--stiffness", "3"});
  ok(db, {"export", "--out", (dir / "a.json").string()});
  CHECK(nlohmann::json::parse(read_file(dir / "a.json"))["tables"]["journal_entries"].size() == 2);
  // No temporary is left beside it.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    names.push_back(entry.path().filename().string());
  for (const auto& name : names) CHECK(name.find(".a.json.") == std::string::npos);
}

TEST_CASE("e2e export: delete-all removes the exports it wrote and says so, not a changed one",
          "[e2e][export][delete]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db,
     {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2"});
  const auto json = dir / "a.json";
  const auto zip = dir / "a.zip";
  const auto snapshot = dir / "a.sqlite";
  const auto changed = dir / "changed.json";
  ok(db, {"export", "--out", json.string()});
  ok(db, {"export", "--format", "csv", "--out", zip.string()});
  ok(db, {"export", "--format", "sqlite", "--out", snapshot.string()});
  ok(db, {"export", "--out", changed.string()});
  std::ofstream(changed, std::ios::app) << "\n\n";
  ok(db, {"export", "--out", (dir / "moved.json").string()});
  fs::rename(dir / "moved.json", dir / "elsewhere.json");

  auto r = on(db, {"delete-all"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(json.string()));
  CHECK(fs::exists(json));

  r = on(db, {"delete-all", "--yes"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  for (const auto& file : {json, zip, snapshot}) {
    CHECK_THAT(r.out, Catch::Contains("removed " + file.string() + "\n"));
    CHECK_FALSE(fs::exists(file));
  }
  CHECK_THAT(r.out, Catch::Contains("removed " + db.string() + "\n"));
  CHECK_FALSE(fs::exists(db));
  CHECK(fs::exists(changed));
  CHECK_THAT(r.err, Catch::Contains("kept the export " + changed.string()));
  CHECK(fs::exists(dir / "elsewhere.json"));
}

TEST_CASE("e2e export: csv and sqlite are refused on a terminal, json is printed there",
          "[e2e][export]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db,
     {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2"});
  for (const char* format : {"csv", "sqlite"}) {
    INFO(format);
    PtyProcess p({"--db", db.string(), "export", "--format", format},
                 {{"NO_COLOR", "1"}, {"TERM", "xterm"}});
    CHECK(p.expect("standard output is a terminal"));
    CHECK(p.wait() == 2);
  }
  PtyProcess p({"--db", db.string(), "export"}, {{"NO_COLOR", "1"}, {"TERM", "xterm"}});
  CHECK(p.expect("\"runload_export\": 1"));
  CHECK(p.wait() == 0);
}

TEST_CASE("e2e export: delete-all removes the backups written before an upgrade",
          "[e2e][export][delete]") {
  TempDir dir;
  const auto db = dir / "runload.db";
  ok(db,
     {"--athlete", "ann", "--tz", "UTC", "journal", "--date", "2026-10-01", "--stiffness", "2"});
  ok(db, {"export", "--format", "sqlite", "--out", (dir / "snap.db").string()});
  // A whole runload database by a backup's name, and another file by one.
  fs::copy_file(dir / "snap.db", dir / "runload.db.v8.bak");
  const auto other = dir.write("runload.db.v7.bak", "not a database\n");
  const auto r = ok(db, {"delete-all", "--yes"});
  CHECK_THAT(r.out, Catch::Contains("removed " + (dir / "runload.db.v8.bak").string() + "\n"));
  CHECK_FALSE(fs::exists(dir / "runload.db.v8.bak"));
  CHECK(fs::exists(other));
}
