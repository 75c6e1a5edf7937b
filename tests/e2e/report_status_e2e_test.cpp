#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;

// The status, the standing red flags and the coherent plan, through the
// built binary on runload's own CSV (docs/REPORT.md).

namespace {

RunResult runload_in(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", (dir / "s.db").string(), "--tz", "UTC", "-q"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

nlohmann::json report_json(const TempDir& dir, const std::string& week) {
  const auto r = runload_in(dir, {"report", "--week", week, "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// Six weeks of three 8 km runs (Tuesday, Thursday, Sunday) from Mon
// 2024-04-01, then the week of Mon 2024-05-13.
std::string six_steady_weeks(const std::string& extra = "") {
  std::string csv = "date,distance_km\n";
  for (const char* day : {"2024-04-02", "2024-04-04", "2024-04-07", "2024-04-09", "2024-04-11",
                          "2024-04-14", "2024-04-16", "2024-04-18", "2024-04-21", "2024-04-23",
                          "2024-04-25", "2024-04-28", "2024-04-30", "2024-05-02", "2024-05-05",
                          "2024-05-07", "2024-05-09", "2024-05-12", "2024-05-14"})
    csv += std::string(day) + ",8\n";
  return csv + extra;
}

}  // namespace

TEST_CASE("e2e status: a pop on a Saturday is red, and stays red until it is assessed",
          "[e2e][report][status]") {
  TempDir dir;
  REQUIRE(
      runload_in(dir, {"import", dir.write("runs.csv", six_steady_weeks()).string()}).exit_code ==
      0);
  REQUIRE(
      runload_in(dir, {"journal", "--date", "2024-05-18", "--pop", "--stiffness", "2"}).exit_code ==
      0);
  for (const char* week : {"2024-W20", "2024-W21", "2024-W23"}) {
    INFO(week);
    const auto doc = report_json(dir, week);
    CHECK(doc["status"]["level"] == "red");
    CHECK(doc["status"]["rule"] == "rupture_warning");
    CHECK(doc["status"]["since"] == "2024-05-18");
    CHECK(doc["next_week"]["withheld"] == true);
    CHECK(doc["next_week"]["max_single_run_km"].is_null());
    CHECK_FALSE(doc["next_week"]["reason"].get<std::string>().empty());
    REQUIRE_FALSE(doc["flags"].empty());
    CHECK(doc["flags"][0]["rule"] == "rupture_warning");
  }
  // The terminal report says it first, in a word.
  const auto text = runload_in(dir, {"report", "--week", "2024-W21"});
  CHECK_THAT(text.out, Catch::StartsWith("RED · possible Achilles tendon rupture"));
  CHECK_THAT(text.out, Catch::Contains("not yet assessed"));

  // Assessed on Wednesday 2024-06-05 (week 23).
  auto r = runload_in(dir, {"journal", "--date", "2024-06-05", "--assessed"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("assessed"));
  const auto listed = nlohmann::json::parse(runload_in(dir, {"journal", "list", "--json"}).out);
  CHECK(listed.back()["assessed"] == true);
  // The reports up to the week before still said red; from the week of the
  // assessment on, it no longer sets the status.
  CHECK(report_json(dir, "2024-W22")["status"]["level"] == "red");
  for (const char* week : {"2024-W23", "2024-W24"}) {
    INFO(week);
    const auto doc = report_json(dir, week);
    CHECK(doc["status"]["level"] != "red");
    CHECK(doc["next_week"]["withheld"] == false);
  }
}

TEST_CASE("e2e status: a single-run spike's advice names the plan's longest run",
          "[e2e][report][status]") {
  TempDir dir;
  // Sunday 2024-05-19: 11 km after a longest of 8 km (+37.5%: a moderate
  // spike, caution).
  const auto csv = dir.write("runs.csv", six_steady_weeks("2024-05-16,8\n2024-05-19,11\n"));
  REQUIRE(runload_in(dir, {"import", csv.string()}).exit_code == 0);
  const auto doc = report_json(dir, "2024-W20");
  const nlohmann::json* spike = nullptr;
  for (const auto& f : doc["flags"])
    if (f["rule"] == "single_run_spike") spike = &f;
  REQUIRE(spike);
  CHECK((*spike)["severity"] == "caution");
  CHECK(doc["status"]["level"] == "amber");
  const double limit = doc["next_week"]["max_single_run_km"].get<double>();
  // 1.10 x 8 km, the longest run of the 30 days that was not a spike.
  CHECK(limit == Approx(8.8));
  CHECK_THAT((*spike)["advice"].get<std::string>(), Catch::Contains("at or below 8.8 km"));
}

TEST_CASE("e2e status: a history that begins with a 27 km week raises no load flag",
          "[e2e][report][status]") {
  TempDir dir;
  const auto csv =
      dir.write("first.csv", "date,distance_km\n2024-05-14,10\n2024-05-16,5\n2024-05-19,12\n");
  REQUIRE(runload_in(dir, {"import", csv.string()}).exit_code == 0);
  const auto doc = report_json(dir, "2024-W20");
  CHECK(doc["flags"].empty());
  CHECK(doc["status"]["level"] == "green");
  CHECK(doc["weeks"].size() == 1);
  CHECK(doc["next_week"]["distance_km_low"] == 21.6);
  CHECK(doc["next_week"]["distance_km_high"] == 35.1);
  CHECK_FALSE(doc["pending_baselines"].empty());
}

TEST_CASE("e2e status: pain after a run above 5/10 is a caution", "[e2e][report][status]") {
  TempDir dir;
  REQUIRE(
      runload_in(dir, {"import", dir.write("runs.csv", six_steady_weeks()).string()}).exit_code ==
      0);
  REQUIRE(runload_in(dir, {"journal", "--date", "2024-05-14", "--pain-after", "7"}).exit_code == 0);
  const auto doc = report_json(dir, "2024-W20");
  REQUIRE(doc["flags"].size() == 1);
  const auto& flag = doc["flags"][0];
  CHECK(flag["rule"] == "pain_after_run");
  CHECK(flag["severity"] == "caution");
  CHECK(flag["observed"] == 7);
  CHECK(flag["baseline"] == 5);
  CHECK(flag["unit"] == "points");
  CHECK(doc["status"]["level"] == "amber");
}

TEST_CASE("e2e status: --json with --html - is refused, and the page is written 0600",
          "[e2e][report]") {
  TempDir dir;
  REQUIRE(
      runload_in(dir, {"import", dir.write("runs.csv", six_steady_weeks()).string()}).exit_code ==
      0);
  auto r = runload_in(dir, {"report", "--week", "2024-W20", "--json", "--html", "-"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("--json and --html -"));
  const auto page = dir / "week.html";
  r = runload_in(dir, {"report", "--week", "2024-W20", "--html", page.string()});
  REQUIRE(r.exit_code == 0);
  struct stat st {};
  REQUIRE(::stat(page.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto html = runload::test::read_file(page);
  // The status block comes before the flags and the charts.
  const auto status = html.find("class=\"status");
  REQUIRE(status != std::string::npos);
  CHECK(status < html.find("<h2>Flags"));
  CHECK(html.find("<h2>Flags") < html.find("<svg"));
}

TEST_CASE("e2e status: a week that has not begun says so, and shows no future days",
          "[e2e][report]") {
  TempDir dir;
  REQUIRE(
      runload_in(dir, {"import", dir.write("runs.csv", six_steady_weeks()).string()}).exit_code ==
      0);
  const auto r = runload_in(dir, {"report", "--date", "2999-01-01", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["week"]["begun"] == false);
  CHECK(doc["days"].empty());
  const auto text = runload_in(dir, {"report", "--date", "2999-01-01"});
  CHECK_THAT(text.out, Catch::Contains("has not begun"));
}
