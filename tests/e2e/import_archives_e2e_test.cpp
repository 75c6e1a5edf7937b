#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/archives.hpp"
#include "support/run_binary.hpp"
#include "support/strava_export.hpp"
#include "support/temp_dir.hpp"

using namespace runload;
namespace fs = std::filesystem;
using test::run_runload;
using test::TempDir;

namespace {

nlohmann::json runs_json(const std::string& db) {
  const auto r = run_runload({"--db", db, "runs", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

void check_joined_runs(const nlohmann::json& runs, const std::string& prefix) {
  REQUIRE(runs.size() == 4);
  CHECK(runs[0]["name"] == "Easy FIT run");
  CHECK(runs[0]["gear"] == "Pegasus 40");
  CHECK(runs[0]["distance_km"] == Approx(10.0));
  REQUIRE(runs[0]["sources"].size() == 2);
  CHECK(runs[0]["sources"][0]["format"] == "strava_csv");
  CHECK(runs[0]["sources"][1]["format"] == "fit");
  CHECK(runs[0]["sources"][1]["file"] == prefix + "activities/101.fit.gz");
  CHECK(runs[1]["sport"] == "trail_run");
  CHECK(runs[1]["sources"].size() == 2);
  CHECK(runs[2]["distance_km"] == Approx(4.0));
  CHECK(runs[2]["sources"].size() == 2);
  CHECK(runs[3]["sources"].size() == 1);
}

std::vector<fs::path> corpus_files(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("e2e: import export.zip and the same export as a folder, again adds nothing",
          "[e2e][import][archives]") {
  TempDir dir;
  const auto members = test::strava_export_members();
  const auto zip = dir.write("export.zip", test::make_zip(members));
  const auto db = (dir / "zip.db").string();
  auto r = run_runload({"--db", db, "import", zip.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("imported 4 activities from 1 file"));
  // Strava's other files are skipped without a word: they hold no activities.
  CHECK_THAT(r.err, !Catch::Contains("profile.csv"));
  CHECK_THAT(r.err, !Catch::Contains("warning"));
  check_joined_runs(runs_json(db), zip.string() + "!");
  r = run_runload({"--db", db, "import", "--json", zip.string()});
  CHECK(r.exit_code == 0);
  const auto again = nlohmann::json::parse(r.out);
  CHECK(again["imported"] == 0);
  CHECK(again["duplicates"] == 1);

  const auto folder = test::write_export_folder(dir, "export_folder", members);
  const auto folder_db = (dir / "folder.db").string();
  r = run_runload({"--db", folder_db, "import", folder.string() + "/"});
  CHECK(r.exit_code == 0);
  check_joined_runs(runs_json(folder_db), folder.string() + "/");
  r = run_runload({"--db", folder_db, "import", "--json", folder.string()});
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["imported"] == 0);
  CHECK(runs_json(folder_db).size() == 4);
}

TEST_CASE("e2e: a hostile zip: bad members named and refused, the rest imported, exit 1",
          "[e2e][import][archives]") {
  TempDir dir;
  auto members = test::strava_export_members();
  members.push_back({"../evil.gpx", test::export_gpx_run()});
  members.push_back({"/tmp/runload-evil.gpx", test::export_gpx_run()});
  const auto zip = dir.write("in/hostile.zip", test::make_zip(members));
  const auto db = (dir / "h.db").string();
  const auto r = run_runload({"--db", db, "import", zip.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("runload: error: " + zip.string() + "!../evil.gpx: refused"));
  CHECK_THAT(r.err, Catch::Contains(zip.string() + "!/tmp/runload-evil.gpx: refused"));
  CHECK_THAT(r.err, Catch::Contains("imported 4 activities") && Catch::Contains("2 failed"));
  CHECK_FALSE(fs::exists(dir / "evil.gpx"));
  CHECK_FALSE(fs::exists("/tmp/runload-evil.gpx"));
  CHECK(runs_json(db).size() == 4);
}

TEST_CASE("e2e: a zip made on a Mac imports without its resource forks, exit 0",
          "[e2e][import][archives]") {
  // Finder's "Compress" adds __MACOSX/._<name> (AppleDouble) for every file:
  // they were reported as broken FIT files (issue 14).
  TempDir dir;
  const std::string fork = std::string("\x00\x05\x16\x07", 4) + "Mac OS X        ";
  auto members = test::strava_export_members();
  members.push_back({"__MACOSX/._activities.csv", fork});
  members.push_back({"__MACOSX/activities/._101.fit.gz", fork});
  members.push_back({"__MACOSX/activities/._103.tcx", fork});
  members.push_back({"activities/.DS_Store", "Bud1"});
  const auto zip = dir.write("mac_export.zip", test::make_zip(members));
  const auto db = (dir / "mac.db").string();
  const auto r = run_runload({"--db", db, "import", zip.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, !Catch::Contains("MACOSX") && !Catch::Contains("DS_Store"));
  CHECK_THAT(r.err,
             Catch::Contains("imported 4 activities from 1 file") && Catch::Contains("0 failed"));
  check_joined_runs(runs_json(db), zip.string() + "!");

  // A plain zip of tracks (no export), made on a Mac, the same.
  const auto plain =
      dir.write("mac_runs.zip", test::make_zip({{"runs/102.gpx", test::export_gpx_run()},
                                                {"__MACOSX/runs/._102.gpx", fork},
                                                {"runs/._103.tcx", fork}}));
  const auto r2 = run_runload({"--db", (dir / "plain.db").string(), "import", plain.string()});
  INFO(r2.err);
  CHECK(r2.exit_code == 0);
  CHECK_THAT(r2.err, Catch::Contains("imported 1 activity") && !Catch::Contains("._"));
}

TEST_CASE("e2e: an export whose activities.csv has an unreadable row imports the others",
          "[e2e][import][archives][rows]") {
  TempDir dir;
  auto members = test::strava_export_members();
  members[0].bytes += "105,\"Mar 10, 2024, 7:00:00 AM\",Unreadable,Run,1800,five km,,,1800\n";
  const auto zip = dir.write("export.zip", test::make_zip(members));
  const auto db = (dir / "rows.db").string();
  const auto r = run_runload({"--db", db, "import", zip.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains(zip.string() + "!activities.csv:6: row refused"));
  CHECK_THAT(r.err, Catch::Contains("5 rows, 4 imported, 1 refused"));
  check_joined_runs(runs_json(db), zip.string() + "!");
}

TEST_CASE("e2e: the corpus Strava-style .fit.gz imports through runload import",
          "[e2e][import][archives][corpus]") {
  const auto corpus = test::corpus_dir();
  if (corpus.empty()) {
    WARN("no corpus folder; the corpus .fit.gz is not tested");
    return;
  }
  const auto file = corpus / "fit/strava_export_style_fit_gz__gc_14582164182.fit.gz";
  REQUIRE(fs::exists(file));
  TempDir dir;
  const auto db = (dir / "c.db").string();
  const auto r = run_runload({"--db", db, "import", file.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const auto runs = runs_json(db);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["sources"][0]["format"] == "fit");
  CHECK(runs[0]["sources"][0]["file"] == file.string());
  CHECK(runs[0]["distance_km"].get<double>() > 1.0);
}

TEST_CASE("e2e: every corpus FIT and TCX file imports or is refused naming the file",
          "[e2e][import][archives][corpus]") {
  const auto corpus = test::corpus_dir();
  if (corpus.empty()) {
    WARN("no corpus folder; corpus files are not tested");
    return;
  }
  TempDir dir;
  std::vector<fs::path> files = corpus_files(corpus / "fit", ".fit");
  for (const auto& file : corpus_files(corpus / "fit", ".gz")) files.push_back(file);
  for (const auto& file : corpus_files(corpus / "tcx", ".tcx")) files.push_back(file);
  REQUIRE_FALSE(files.empty());
  int index = 0;
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const auto db = (dir / ("db" + std::to_string(index++) + ".db")).string();
    const auto r = run_runload({"--db", db, "import", "--json", file.string()});
    const auto doc = nlohmann::json::parse(r.out);
    if (r.exit_code == 0) {
      CHECK(doc["imported"].get<int>() + doc["merged"].get<int>() >= 1);
      continue;
    }
    CHECK(r.exit_code == 1);
    REQUIRE(doc["errors"].size() >= 1);
    CHECK(doc["errors"][0]["path"] == file.string());
    CHECK_THAT(r.err, Catch::Contains("runload: error: " + file.string()));
    const std::string message = doc["errors"][0]["message"];
    if (file.extension() == ".fit") CHECK_THAT(message, Catch::StartsWith("byte "));
    if (file.extension() == ".tcx") CHECK(doc["errors"][0]["line"].is_number());
  }
}
