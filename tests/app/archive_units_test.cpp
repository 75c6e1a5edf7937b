#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <runload/app/archive_units.hpp>
#include <runload/app/import_pipeline.hpp>
#include <runload/import/read_any.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>

#include "support/archives.hpp"
#include "support/strava_export.hpp"
#include "support/temp_dir.hpp"

using namespace runload;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace fit = runload::test::fit;
using test::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  store::Database db = store::Database::open_in_memory();
  store::Athlete athlete =
      store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")}).athlete;
  app::ImportOptions options;

  app::ImportSummary run(const std::vector<fs::path>& paths) {
    app::Importer importer(db, {athlete.id, athlete.timezone}, &import::read_file_bytes, options);
    return importer.run(paths);
  }
  std::int64_t count(const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
  std::vector<model::Activity> activities() {
    return store::ActivityRepository(db).list(athlete.id, {}, store::WithHistograms::yes);
  }
};

std::vector<std::string> formats(const model::Activity& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sources) out.push_back(s.format);
  return out;
}

std::string messages(const std::vector<app::Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += import::describe(p) + "\n";
  return out;
}

// The four runs of support/strava_export.hpp, each one activity with the
// CSV's name, type and gear and the track's metrics.
void check_export_runs(const std::vector<model::Activity>& runs, const std::string& prefix) {
  REQUIRE(runs.size() == 4);
  const auto& fit_run = runs[0];
  CHECK(fit_run.name == "Easy FIT run");
  CHECK(fit_run.gear == "Pegasus 40");
  CHECK(fit_run.sport == model::Sport::run);
  CHECK(fit_run.distance_m == Approx(10000.0));  // the FIT session, not the CSV's 9.90 km
  CHECK(fit_run.elevation_gain_m == Approx(55.0));
  CHECK(fit_run.has_track());
  CHECK(formats(fit_run) == std::vector<std::string>{"strava_csv", "fit"});
  CHECK(fit_run.sources[0].file == prefix + "activities.csv");
  CHECK(fit_run.sources[0].line == 2);
  CHECK(fit_run.sources[1].file == prefix + "activities/101.fit.gz");

  const auto& gpx_run = runs[1];
  CHECK(gpx_run.name == "Hill GPX run");
  CHECK(gpx_run.sport == model::Sport::trail_run);
  CHECK(gpx_run.gear == "Speedgoat 5");
  CHECK(gpx_run.distance_m == Approx(5400.0).epsilon(0.01));
  REQUIRE(gpx_run.grade_histogram);
  CHECK(formats(gpx_run) == std::vector<std::string>{"strava_csv", "gpx"});

  // Joined by Filename although CSV and track disagree beyond the tolerance.
  const auto& tcx_run = runs[2];
  CHECK(tcx_run.name == "Tempo TCX");
  CHECK(tcx_run.distance_m == Approx(4000.0));
  CHECK(tcx_run.elapsed == 1500s);
  CHECK(formats(tcx_run) == std::vector<std::string>{"strava_csv", "tcx"});

  const auto& treadmill = runs[3];
  CHECK(treadmill.name == "Treadmill");
  CHECK_FALSE(treadmill.has_track());
  CHECK(formats(treadmill) == std::vector<std::string>{"strava_csv"});
}

bool has_warning(const app::ImportSummary& s, const std::string& text) {
  return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const app::Problem& p) {
    return import::describe(p).find(text) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("strava_export: a zip export imports one activity per run with CSV and track joined",
          "[import][strava_export]") {
  Fixture f;
  const auto zip = f.dir.write("export.zip", test::make_zip(test::strava_export_members()));
  const auto summary = f.run({zip});
  INFO(messages(summary.errors));
  CHECK(summary.ok());
  CHECK(summary.files == 1);
  CHECK(summary.imported == 4);
  CHECK(summary.merged == 0);
  check_export_runs(f.activities(), zip.string() + "!");
  // Strava's other files (CSVs, photos, planned routes) are not read, and not
  // mentioned: they hold no activities.
  CHECK(summary.warnings.empty());
}

TEST_CASE("strava_export: re-importing the same zip is skipped by its hash and adds nothing",
          "[import][strava_export]") {
  Fixture f;
  const auto zip = f.dir.write("export.zip", test::make_zip(test::strava_export_members()));
  REQUIRE(f.run({zip}).ok());
  const auto files = f.count("imported_files");
  const auto again = f.run({zip});
  CHECK(again.ok());
  CHECK(again.imported == 0);
  CHECK(again.merged == 0);
  CHECK(again.duplicates == 1);
  CHECK(f.count("activities") == 4);
  CHECK(f.count("imported_files") == files);
}

TEST_CASE("strava_export: the unpacked folder imports the same, and again adds nothing",
          "[import][strava_export]") {
  Fixture f;
  const auto folder = test::write_export_folder(f.dir, "export", test::strava_export_members());
  const auto summary = f.run({folder});
  INFO(messages(summary.errors));
  CHECK(summary.ok());
  CHECK(summary.imported == 4);
  CHECK(summary.files == 4);  // activities.csv and three tracks
  check_export_runs(f.activities(), folder.string() + "/");
  CHECK(summary.warnings.empty());  // Strava's other files: not read, not mentioned

  const auto again = f.run({folder});
  CHECK(again.ok());
  CHECK(again.imported == 0);
  CHECK(again.merged == 0);
  CHECK(again.duplicates == 3);  // each track skipped by its hash
  CHECK(f.count("activities") == 4);
}

TEST_CASE("strava_export: a folder holding the export never imports its tracks twice",
          "[import][strava_export]") {
  Fixture f;
  test::write_export_folder(f.dir, "downloads/strava_2024", test::strava_export_members());
  f.dir.write("downloads/other/loose.gpx", test::export_gpx_run());
  const auto summary = f.run({f.dir / "downloads"});
  INFO(messages(summary.errors));
  CHECK(summary.ok());
  // The loose GPX is the same run as row 102: merged, not doubled.
  const auto runs = f.activities();
  REQUIRE(runs.size() == 4);
  CHECK(summary.merged == 1);
  CHECK(runs[1].name == "Hill GPX run");
  CHECK(formats(runs[1]) == std::vector<std::string>{"gpx", "strava_csv", "gpx"});
  CHECK(runs[1].sources[0].file == (f.dir / "downloads/other/loose.gpx").string());
  CHECK(formats(runs[0]) == std::vector<std::string>{"strava_csv", "fit"});
}

TEST_CASE("strava_export: the folder after the zip of the same export adds nothing",
          "[import][strava_export]") {
  Fixture f;
  const auto members = test::strava_export_members();
  REQUIRE(f.run({f.dir.write("export.zip", test::make_zip(members))}).ok());
  const auto folder = test::write_export_folder(f.dir, "export", members);
  const auto summary = f.run({folder});
  CHECK(summary.ok());
  CHECK(summary.imported == 0);
  CHECK(summary.merged == 0);
  CHECK(f.count("activities") == 4);
}

TEST_CASE("strava_export: a newer export adds its new run and joins it with its row",
          "[import][strava_export]") {
  Fixture f;
  auto members = test::strava_export_members();
  REQUIRE(f.run({f.dir.write("old.zip", test::make_zip(members))}).ok());
  members[0].bytes +=
      "105,\"Mar 10, 2024, 7:00:00 AM\",Sunday long,Run,1800,5.40,Pegasus 40,"
      "activities/105.gpx,1800\n";
  auto gpx = test::export_gpx_run();
  for (std::size_t pos = 0; (pos = gpx.find("2024-03-06", pos)) != std::string::npos;)
    gpx.replace(pos, 10, "2024-03-10");
  members.push_back({"activities/105.gpx", gpx});
  const auto summary = f.run({f.dir.write("new.zip", test::make_zip(members))});
  INFO(messages(summary.errors));
  CHECK(summary.ok());
  CHECK(summary.imported == 1);
  CHECK(summary.merged == 0);
  const auto runs = f.activities();
  REQUIRE(runs.size() == 5);
  CHECK(runs[4].name == "Sunday long");
  CHECK(formats(runs[4]) == std::vector<std::string>{"strava_csv", "gpx"});
}

TEST_CASE("strava_export: a row whose track is missing is imported alone with a warning",
          "[import][strava_export]") {
  Fixture f;
  auto members = test::strava_export_members();
  members.erase(members.begin() + 2);  // activities/102.gpx.gz
  const auto summary = f.run({f.dir.write("export.zip", test::make_zip(members))});
  CHECK(summary.ok());
  CHECK(summary.imported == 4);
  CHECK(has_warning(summary, "activities.csv:3: its track file 'activities/102.gpx.gz' is not in"));
  const auto runs = f.activities();
  REQUIRE(runs.size() == 4);
  CHECK(formats(runs[1]) == std::vector<std::string>{"strava_csv"});
}

TEST_CASE("strava_export: hostile members fail alone, nothing is written outside",
          "[import][strava_export]") {
  Fixture f;
  fit::FileOptions bad_crc;
  bad_crc.bad_header_crc = true;
  const auto gz = test::gzip(test::export_gpx_run());
  auto members = test::strava_export_members();
  members[1].bytes = test::gzip(test::export_fit_run(bad_crc));  // 101.fit.gz
  members[2].bytes = gz.substr(0, gz.size() / 2);                // 102.gpx.gz truncated
  members.push_back({"../evil.gpx", test::export_gpx_run()});
  members.push_back({"/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"});
  members.push_back({"activities/bomb.gpx.gz", test::gzip_zeros(import::k_max_inflated_bytes + 1)});
  const auto zip = f.dir.write("in/hostile.zip", test::make_zip(members));

  const auto summary = f.run({zip});
  const auto errors = messages(summary.errors);
  INFO(errors);
  CHECK_FALSE(summary.ok());
  CHECK(summary.failed == 5);
  CHECK_THAT(errors, Catch::Contains(zip.string() + "!activities/101.fit.gz: byte "));
  CHECK_THAT(errors, Catch::Contains(zip.string() + "!activities/102.gpx.gz: byte "));
  CHECK_THAT(errors, Catch::Contains("truncated"));
  CHECK_THAT(errors, Catch::Contains(zip.string() + "!../evil.gpx: refused: a '..' component"));
  CHECK_THAT(errors, Catch::Contains(zip.string() + "!/etc/passwd: refused: an absolute path"));
  CHECK_THAT(errors, Catch::Contains(zip.string() + "!activities/bomb.gpx.gz") &&
                         Catch::Contains("inflates to more than"));
  // Rows 101 and 102 are kept from the CSV alone; the TCX run and the
  // treadmill are whole.
  const auto runs = f.activities();
  REQUIRE(runs.size() == 4);
  CHECK(formats(runs[0]) == std::vector<std::string>{"strava_csv"});
  CHECK(formats(runs[2]) == std::vector<std::string>{"strava_csv", "tcx"});
  CHECK_FALSE(fs::exists(f.dir / "evil.gpx"));
  CHECK_FALSE(fs::exists(f.dir / "in/evil.gpx"));
  std::vector<fs::path> written;
  for (const auto& entry : fs::recursive_directory_iterator(f.dir.path()))
    written.push_back(entry.path());
  CHECK(written == std::vector<fs::path>{f.dir / "in", zip});

  // Remembered as failed: the same zip again is counted, not read.
  const auto quiet = f.run({zip});
  CHECK(quiet.ok());
  CHECK(quiet.failed_before == 1);
  CHECK(quiet.errors.empty());

  // Not recorded whole: read again when asked, its stored members skipped,
  // the bad ones failing again, nothing doubled.
  f.options.retry_failed = true;
  const auto again = f.run({zip});
  CHECK(again.failed == 5);
  CHECK(again.imported == 0);
  CHECK(again.merged == 0);
  CHECK(f.count("activities") == 4);
}

TEST_CASE("strava_export: a zip that is not a zip (truncated) fails whole and names the file",
          "[import][strava_export]") {
  Fixture f;
  const auto zip = test::make_zip(test::strava_export_members());
  const auto path = f.dir.write("cut.zip", zip.substr(0, zip.size() - 40));
  const auto summary = f.run({path});
  CHECK(summary.failed == 1);
  REQUIRE(summary.errors.size() == 1);
  CHECK(summary.errors[0].file == path.string());
  CHECK_THAT(summary.errors[0].message, Catch::Contains("central directory"));
  CHECK(f.count("activities") == 0);
  CHECK(f.count("imported_files") == 0);
}

TEST_CASE("strava_export: a zip of loose tracks imports each member on its own",
          "[import][strava_export]") {
  Fixture f;
  const auto zip = f.dir.write(
      "tracks.zip", test::make_zip({{"run.gpx", test::export_gpx_run()},
                                    {"sub/run.tcx.gz", test::gzip(test::export_tcx_run())},
                                    {"notes.txt", "not read"}}));
  const auto summary = f.run({zip});
  INFO(messages(summary.errors));
  CHECK(summary.ok());
  CHECK(summary.imported == 2);
  const auto runs = f.activities();
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].sources.at(0).file == zip.string() + "!sub/run.tcx.gz");
}

TEST_CASE("strava_export: is_strava_export_folder wants activities.csv beside activities/",
          "[import][strava_export]") {
  TempDir dir;
  dir.write("a/activities.csv", "x");
  CHECK_FALSE(app::is_strava_export_folder(dir / "a"));
  fs::create_directories(dir / "a/activities");
  CHECK(app::is_strava_export_folder(dir / "a"));
  CHECK_FALSE(app::is_strava_export_folder(dir / "a/activities"));
}

TEST_CASE("strava_export: of two members with one name the first is read, the second refused",
          "[import][strava_export]") {
  Fixture f;
  auto other = test::export_gpx_run();
  for (std::size_t pos = 0; (pos = other.find("2024-03-06", pos)) != std::string::npos;)
    other.replace(pos, 10, "2024-03-12");
  const auto zip = f.dir.write(
      "twice.zip", test::make_zip({{"run.gpx", test::export_gpx_run()}, {"run.gpx", other}}));
  const auto summary = f.run({zip});
  CHECK(summary.imported == 1);
  CHECK(summary.failed == 1);
  CHECK_THAT(messages(summary.errors),
             Catch::Contains(zip.string() + "!run.gpx: refused: a second member"));
  const auto runs = f.activities();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].local_date() == date::sys_days{date::year{2024} / 3 / 6});
}
