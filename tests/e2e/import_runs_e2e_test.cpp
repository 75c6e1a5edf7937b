#include <catch2/catch.hpp>

#include <date/tz.h>
#include <stdio.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include "support/activities.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::run_runload;
using test::TempDir;

namespace {

// A database for athlete "ann" in `zone` holding a merged run (CSV row +
// GPX track), a walk, and a bare run with nothing known but its start.
std::string fill_database(const TempDir& dir, const std::string& zone = "Europe/Berlin") {
  const auto path = (dir / "runs.db").string();
  auto db = store::Database::open(path);
  const auto athlete = store::resolve_athlete(db, {std::string("ann"), zone}).athlete;
  store::ActivityRepository repo(db);
  const auto* tz = date::locate_zone(zone);

  auto row = test::csv_row(test::utc("2024-01-07T08:00:00Z"), 10100.0, 3050s);
  row.name = "Long run";
  row.gear = "Speedgoat 5";
  row.utc_offset = tz->get_info(row.start_utc).offset;
  repo.store(athlete.id, row, "sha-row");
  auto gpx = test::track(test::utc("2024-01-07T08:00:20Z"), 10000.0, 3000s);
  gpx.utc_offset = tz->get_info(gpx.start_utc).offset;
  repo.store(athlete.id, gpx, "sha-gpx");

  auto walk = test::csv_row(test::utc("2024-01-08T17:00:00Z"), 3000.0, 2400s);
  walk.sport = model::Sport::walk;
  walk.name = "Walk to the park";
  walk.utc_offset = tz->get_info(walk.start_utc).offset;
  repo.store(athlete.id, walk, "sha-walk");

  model::Activity bare;
  bare.start_utc = test::utc("2024-01-09T22:30:00Z");  // 23:30 in Berlin
  bare.utc_offset = tz->get_info(bare.start_utc).offset;
  bare.sources.push_back({"runload_csv", "log.csv", 9});
  repo.store(athlete.id, bare, "sha-bare");
  return path;
}

}  // namespace

TEST_CASE("e2e: runs --json prints every activity oldest first with the contract's fields",
          "[e2e][runs]") {
  TempDir dir;
  const auto db = fill_database(dir);
  const auto r = run_runload({"--db", db, "--athlete", "ann", "runs", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc.is_array());
  REQUIRE(doc.size() == 3);

  const auto& run = doc[0];
  for (const char* key : {"id", "start_utc", "local_date", "sport", "name", "distance_km",
                          "elapsed_s", "moving_s", "elevation_gain_m", "avg_hr", "gear", "sources"})
    CHECK(run.contains(key));
  CHECK(run["start_utc"] == "2024-01-07T08:00:20Z");
  CHECK(run["local_date"] == "2024-01-07");
  CHECK(run["sport"] == "run");
  CHECK(run["name"] == "Long run");
  CHECK(run["distance_km"] == Approx(10.0));
  CHECK(run["elapsed_s"] == 3000);
  CHECK(run["moving_s"] == 2940);
  CHECK(run["elevation_gain_m"] == Approx(42.5));
  CHECK(run["avg_hr"] == Approx(150.0));
  CHECK(run["gear"] == "Speedgoat 5");
  REQUIRE(run["sources"].size() == 2);
  CHECK(run["sources"][0]["format"] == "runload_csv");
  CHECK(run["sources"][0]["file"] == "log.csv");
  CHECK(run["sources"][1]["format"] == "gpx");
  CHECK(run["sources"][1]["file"] == "run.gpx");

  CHECK(doc[1]["sport"] == "walk");

  const auto& bare = doc[2];
  CHECK(bare["local_date"] == "2024-01-09");
  for (const char* key :
       {"distance_km", "elapsed_s", "moving_s", "elevation_gain_m", "avg_hr", "gear"}) {
    CAPTURE(key);
    CHECK(bare[key].is_null());
  }
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("e2e: runs filters by local date and refuses a bad date with exit 2", "[e2e][runs]") {
  TempDir dir;
  const auto db = fill_database(dir);
  auto r =
      run_runload({"--db", db, "runs", "--json", "--since", "2024-01-08", "--until", "2024-01-09"});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).size() == 2);
  r = run_runload({"--db", db, "runs", "--since", "2024-02-30"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--since") && Catch::Contains("2024-02-30"));
  r = run_runload({"--db", db, "runs", "--until", "tomorrow"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--until"));
}

TEST_CASE("e2e: the runs table marks other sports and shows unknowns as '-'", "[e2e][runs]") {
  TempDir dir;
  const auto db = fill_database(dir);
  const auto r = run_runload({"--db", db, "runs"}, {{{"TERM", "xterm"}}, "", ""});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("walk*"));
  CHECK_THAT(r.out, Catch::Contains("* not a run"));
  CHECK_THAT(r.out, Catch::Contains("Long run"));
  CHECK_THAT(r.out, Catch::Contains("10.00"));
  CHECK_THAT(r.out, Catch::Contains("0:50:00"));
  CHECK_THAT(r.out, Catch::Contains("23:30"));
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("e2e: a new zone is set by 'athletes set', which re-derives local dates and says so",
          "[e2e][runs]") {
  TempDir dir;
  const auto db = fill_database(dir);
  // --tz on a command only applies to a new athlete: another zone later is
  // an error naming the one way to change it, and changes nothing.
  auto r = run_runload({"--db", db, "--tz", "Asia/Tokyo", "runs", "--json"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("runload athletes set ann --tz Asia/Tokyo"));
  CHECK(nlohmann::json::parse(run_runload({"--db", db, "runs", "--json"}).out)[2]["local_date"] ==
        "2024-01-09");

  // 2024-01-09T22:30Z is the 9th in Berlin and still the 9th in New York (17:30).
  // In Tokyo (+09:00) it is 07:30 on the 10th.
  r = run_runload({"--db", db, "athletes", "set", "ann", "--tz", "Asia/Tokyo"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Europe/Berlin") && Catch::Contains("Asia/Tokyo"));
  // The bare run (23:30 on the 9th in Berlin, 07:30 on the 10th in Tokyo)
  // and the walk (18:00 on the 8th, 02:00 on the 9th) move; the long run does not.
  CHECK_THAT(r.out, Catch::Contains("3 activities with a UTC start kept their instants; 2 moved "
                                    "to another local day"));
  r = run_runload({"--db", db, "runs", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc.size() == 3);
  CHECK(doc[2]["local_date"] == "2024-01-10");
}

TEST_CASE("e2e: import exit codes: no paths 2, a missing path 1 and named", "[e2e][import]") {
  TempDir dir;
  const auto db = (dir / "i.db").string();
  auto r = run_runload({"--db", db, "import"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("runload: error:"));

  const auto missing = (dir / "no-such.gpx").string();
  r = run_runload({"--db", db, "import", missing});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("runload: error: " + missing + ": no such file"));
  CHECK_THAT(r.err, Catch::Contains("imported 0 activities from 1 file (0 merged, 0 duplicates, "
                                    "1 failed)"));
  CHECK(r.out.empty());
}

TEST_CASE("e2e: import --json prints the summary with each error's path, line and message",
          "[e2e][import]") {
  TempDir dir;
  const auto db = (dir / "j.db").string();
  const auto odd = dir.write("notes.xyz", "not a run log");
  const auto r =
      run_runload({"--db", db, "import", "--json", odd.string(), (dir / "gone").string()});
  CHECK(r.exit_code == 1);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["files"] == 2);
  CHECK(doc["imported"] == 0);
  CHECK(doc["merged"] == 0);
  CHECK(doc["duplicates"] == 0);
  CHECK(doc["failed"] == 2);
  REQUIRE(doc["errors"].size() == 2);
  for (const auto& e : doc["errors"]) {
    CHECK(e.contains("path"));
    CHECK(e["line"].is_null());
    CHECK(e["message"].is_string());
  }
  CHECK(r.err.find("importing [") == std::string::npos);  // no progress bar on a pipe
}

TEST_CASE("e2e: importing an empty folder succeeds with nothing to do", "[e2e][import]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  const auto r = run_runload({"--db", (dir / "e.db").string(), "import", (dir / "empty").string()});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("imported 0 activities from 0 files"));
}

TEST_CASE("e2e: import draws a progress bar on a terminal, and none with --json or --quiet",
          "[e2e][import]") {
  // script(1) gives the binary a terminal, as ninja's tests do.
  if (!std::filesystem::exists("/usr/bin/script")) {
    WARN("script(1) is not installed; terminal behaviour not tested");
    return;
  }
  TempDir dir;
  dir.write("in/a.csv", "not yet readable");
  const auto db = (dir / "t.db").string();
  const auto in = (dir / "in").string();
  const auto on_terminal = [&](const std::string& args) {
    const std::string command = "/usr/bin/script -qec '" + std::string(RUNLOAD_BINARY) + " --db " +
                                db + " " + args + "' /dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
      output.append(buffer.data(), n);
    ::pclose(pipe);
    return output;
  };
  const auto plain = on_terminal("import " + in);
  CHECK_THAT(plain, Catch::Contains("importing ["));
  CHECK_THAT(plain, Catch::Contains("1/1 files"));
  CHECK_THAT(on_terminal("import --json " + in), !Catch::Contains("importing ["));
  CHECK_THAT(on_terminal("--quiet import " + in), !Catch::Contains("importing ["));
}

TEST_CASE("e2e: a file name that is not UTF-8 imports, and every JSON output stays valid",
          "[e2e][import][runs]") {
  TempDir dir;
  // A runload CSV named with a Latin-1 byte (0xE9, "é"), as an old file system may hold it.
  const auto file = dir.write(
      "caf\xE9.csv", "date,start_time,distance_km,duration\n2024-01-07,08:00,10.0,50:00\n");
  const std::string db = (dir / "names.db").string();
  const auto imported = run_runload({"--db", db, "--tz", "UTC", "import", "--json", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const auto summary = nlohmann::json::parse(imported.out);
  CHECK(summary["imported"] == 1);
  const auto runs = run_runload({"--db", db, "runs", "--json"});
  INFO(runs.err);
  REQUIRE(runs.exit_code == 0);
  const auto list = nlohmann::json::parse(runs.out);
  REQUIRE(list.size() == 1);
  // The byte that is not UTF-8 is shown as U+FFFD; the rest of the name is kept.
  CHECK_THAT(list[0]["sources"][0]["file"].get<std::string>(),
             Catch::Contains("caf\xEF\xBF\xBD.csv"));
}

TEST_CASE("e2e: import --garmin-units mi reads a Garmin CSV in miles and feet", "[e2e][import]") {
  const auto csv =
      test::source_dir() / "tests/fixtures/csv/garmin_decimal_point_thousands_comma.csv";
  for (const std::string unit : {"km", "mi"}) {
    TempDir dir;
    const std::string db = (dir / "garmin.db").string();
    const auto r = run_runload(
        {"--db", db, "--tz", "UTC", "-q", "import", "--garmin-units", unit, csv.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto runs = nlohmann::json::parse(run_runload({"--db", db, "runs", "--json"}).out);
    REQUIRE_FALSE(runs.empty());
    // The first row: "21.10" and an ascent of "1,024".
    if (unit == "km") {
      CHECK(runs[0]["distance_km"].get<double>() == Approx(21.1));
      CHECK(runs[0]["elevation_gain_m"].get<double>() == Approx(1024.0));
    } else {
      CHECK(runs[0]["distance_km"].get<double>() == Approx(21.1 * 1.609344).epsilon(1e-3));
      CHECK(runs[0]["elevation_gain_m"].get<double>() == Approx(1024.0 * 0.3048).epsilon(1e-3));
    }
  }
  TempDir dir;
  const auto bad = run_runload(
      {"--db", (dir / "x.db").string(), "import", "--garmin-units", "miles", csv.string()});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--garmin-units"));
}
