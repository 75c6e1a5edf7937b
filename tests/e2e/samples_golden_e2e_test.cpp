#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <runload/text/layout.hpp>

#include "support/run_binary.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using runload::test::read_file;
using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::source_dir;
using runload::test::TempDir;

// The reports of the demo history, byte for byte, as tests/golden/samples
// holds them: the terminal and JSON report of every week from the lead-in
// (2026-W30) to the week after the last (2026-W47), the terminal report of
// the last week over 20 weeks, the HTML page of three weeks, and the
// clinician summary of the week after the pop as text and as a page, and
// a few of them again in imperial units. A change to
// what a report says shows here as a diff of the golden file; when the change
// is meant, regenerate them with
//   RUNLOAD_UPDATE_GOLDEN=1 build-ci/runload_tests '[golden]'
// and review the diff before committing it.

namespace {

struct Golden {
  std::string file;               // below tests/golden/samples
  std::vector<std::string> args;  // after --db ... report
  bool html = false;              // written to a file by --html, not to stdout
};

std::vector<Golden> goldens() {
  std::vector<Golden> all;
  for (int week = 30; week <= 47; ++week) {
    const auto iso = "2026-W" + std::to_string(week);
    all.push_back({iso + ".txt", {"report", "--week", iso}});
    all.push_back({iso + ".json", {"report", "--week", iso, "--json"}});
  }
  all.push_back({"2026-W46-weeks20.txt", {"report", "--week", "2026-W46", "--weeks", "20"}});
  all.push_back({"2026-W35.html", {"report", "--week", "2026-W35", "--html"}, true});
  all.push_back({"2026-W46.html", {"report", "--week", "2026-W46", "--html"}, true});
  all.push_back({"2026-W47.html", {"report", "--week", "2026-W47", "--html"}, true});
  all.push_back({"2026-W47-clinician.txt", {"report", "--week", "2026-W47", "--clinician"}});
  all.push_back(
      {"2026-W47-clinician.html", {"report", "--week", "2026-W47", "--clinician", "--html"}, true});
  return all;
}

// The same history read in miles and feet (`config set units imperial`),
// beside the metric goldens: the terminal report, the page, the clinician
// summary and the runs table.
std::vector<Golden> imperial_goldens() {
  return {
      {"2026-W46-imperial.txt", {"report", "--week", "2026-W46"}},
      {"2026-W46-imperial.html", {"report", "--week", "2026-W46", "--html"}, true},
      {"2026-W47-clinician-imperial.txt", {"report", "--week", "2026-W47", "--clinician"}},
      // Not .txt: the runs table is a wide listing (123 columns in either
      // units), not one of the report's 80-column pages.
      {"runs-imperial.table", {"runs", "--since", "2026-11-01"}},
  };
}

RunResult runload_in(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{
      "--db", (dir / "samples.db").string(), "--athlete", "Lena", "--tz", "Europe/Berlin", "-q"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

}  // namespace

TEST_CASE(
    "e2e samples golden: every report of the demo history is byte-identical to its golden file",
    "[e2e][report][samples][golden]") {
  TempDir dir;
  const auto samples = source_dir() / "samples";
  REQUIRE(runload_in(dir, {"import", (samples / "strava_export").string()}).exit_code == 0);
  REQUIRE(runload_in(dir, {"journal", "import", (samples / "journal.csv").string()}).exit_code ==
          0);
  for (const auto& edit : runload::test::sample_gear_edits())
    REQUIRE(runload_in(dir, edit).exit_code == 0);
  // `athletes set` names its athlete itself: no global --athlete or --tz.
  REQUIRE(run_runload({"--db", (dir / "samples.db").string(), "athletes", "set", "Lena", "--born",
                       "1979", "--sex", "female"})
              .exit_code == 0);
  const auto folder = source_dir() / "tests" / "golden" / "samples";
  const char* update = std::getenv("RUNLOAD_UPDATE_GOLDEN");
  auto all = goldens();
  all.push_back({"", {"config", "set", "units", "imperial"}});
  for (auto& golden : imperial_goldens()) all.push_back(golden);
  for (auto golden : all) {
    const auto html_file = dir / "page.html";
    if (golden.html) golden.args.push_back(html_file.string());
    const auto r = runload_in(dir, golden.args);
    INFO(golden.file << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    if (golden.file.empty()) continue;  // a step between the goldens
    const std::string actual = golden.html ? read_file(html_file) : r.out;
    // Every terminal page of the demo history fits 80 columns.
    if (golden.file.ends_with(".txt")) {
      std::istringstream lines(actual);
      for (std::string line; std::getline(lines, line);) {
        INFO(golden.file << ": " << line);
        CHECK(runload::text::display_width(line) <= 80);
      }
    }
    if (update != nullptr && std::string(update) == "1") {
      std::ofstream(folder / golden.file, std::ios::binary) << actual;
      continue;
    }
    CHECK(actual == read_file(folder / golden.file));
  }
}
