#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/run_binary.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::sample_gear_edits;
using runload::test::source_dir;
using runload::test::TempDir;

namespace {

// The rules samples/README.md promises fire at least once in the demo history:
// all of DESIGN.md section 2 but minimalist_volume and shoe_worn (no sample
// shoe is minimalist or past its limit; their unit tests cover them).
const std::set<std::string> k_implemented_rules{
    "single_run_spike",      "weekly_distance_jump", "acwr_high",
    "speed_spike",           "hill_spike",           "weekend_warrior",
    "return_after_break",    "pain_during_run",      "pain_after_run",
    "stiffness_not_settled", "stiffness_rising",     "persistent_pain",
    "load_symptom_link",     "rupture_warning",      "fluoroquinolone_window",
    "corticosteroid_window", "prior_episode",        "cold_run",
    "footwear_transition",
};

// The flags of the last sample week, 2026-W46, as samples/README.md lists them
// (date, rule, severity), in the report's order: worst first, then by date.
const std::vector<std::vector<std::string>> k_last_week{
    {"2026-11-14", "rupture_warning", "urgent"},
    {"2026-11-09", "persistent_pain", "high"},
    {"2026-11-09", "fluoroquinolone_window", "high"},
    {"2026-11-09", "corticosteroid_window", "caution"},
    {"2026-11-12", "pain_during_run", "caution"},
    {"2026-11-13", "stiffness_not_settled", "caution"},
    {"2026-11-14", "pain_during_run", "caution"},
    {"2026-11-14", "pain_after_run", "caution"},
    {"2026-11-15", "acwr_high", "caution"},
    {"2026-11-15", "stiffness_not_settled", "caution"},
    {"2026-11-15", "stiffness_rising", "caution"},
    {"2026-11-10", "cold_run", "info"},
    {"2026-11-12", "cold_run", "info"},
};

// The status of every sample week, as samples/README.md lists it (level and
// the rule that sets it; "" for green).
const std::map<int, std::pair<std::string, std::string>> k_status{
    {31, {"green", ""}},
    {32, {"green", ""}},
    {33, {"green", ""}},
    {34, {"amber", "single_run_spike"}},
    {35, {"amber", "load_symptom_link"}},
    {36, {"amber", "hill_spike"}},
    {37, {"amber", "hill_spike"}},
    {38, {"amber", "footwear_transition"}},
    {39, {"amber", "speed_spike"}},
    {40, {"green", ""}},
    {41, {"green", ""}},
    {42, {"amber", "weekend_warrior"}},
    {43, {"amber", "fluoroquinolone_window"}},
    {44, {"amber", "fluoroquinolone_window"}},
    {45, {"amber", "fluoroquinolone_window"}},
    {46, {"red", "rupture_warning"}},
    {47, {"amber", "fluoroquinolone_window"}},
};

RunResult runload_in(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{
      "--db", (dir / "samples.db").string(), "--athlete", "Lena", "--tz", "Europe/Berlin"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

}  // namespace

TEST_CASE("e2e samples: every implemented rule fires, and the last week is as promised",
          "[e2e][report][samples]") {
  TempDir dir;
  const auto samples = source_dir() / "samples";
  const auto imported = runload_in(dir, {"import", (samples / "strava_export").string()});
  if (imported.exit_code != 0 && imported.err.find("unknown format") != std::string::npos) {
    WARN("this build's importer does not read Strava CSV and GPX yet; samples not checked");
    return;
  }
  REQUIRE(imported.exit_code == 0);
  REQUIRE(runload_in(dir, {"journal", "import", (samples / "journal.csv").string()}).exit_code ==
          0);
  for (const auto& edit : sample_gear_edits()) REQUIRE(runload_in(dir, edit).exit_code == 0);
  // `athletes set` names its athlete itself: no global --athlete or --tz.
  REQUIRE(run_runload({"--db", (dir / "samples.db").string(), "athletes", "set", "Lena", "--born",
                       "1979", "--sex", "female"})
              .exit_code == 0);

  std::set<std::string> fired;
  std::map<std::string, std::set<std::string>> by_week;
  nlohmann::json last;
  for (int week = 31; week <= 47; ++week) {
    const auto iso = "2026-W" + std::to_string(week);
    const auto r = runload_in(dir, {"report", "--week", iso, "--json"});
    REQUIRE(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["week"]["iso"] == iso);
    INFO(iso);
    const auto& [level, rule] = k_status.at(week);
    CHECK(doc["status"]["level"] == level);
    CHECK(doc["status"]["rule"] == (rule.empty() ? nlohmann::json() : nlohmann::json(rule)));
    // A HIGH or URGENT flag in force withholds the plan; otherwise it stands.
    const bool serious = std::any_of(doc["flags"].begin(), doc["flags"].end(), [](const auto& f) {
      return (f["severity"] == "high" || f["severity"] == "urgent") && f["assessed_on"].is_null();
    });
    CHECK(doc["next_week"]["withheld"] == serious);
    if (week == 47) {
      // The pop of W46 stands into the next week, assessed by the
      // physiotherapist on Monday: listed, it sets the status no more.
      REQUIRE_FALSE(doc["flags"].empty());
      CHECK(doc["flags"][0]["rule"] == "rupture_warning");
      CHECK(doc["flags"][0]["ongoing"] == false);
      CHECK(doc["flags"][0]["assessed_on"] == "2026-11-16");
      // The heel-rise tests after the pop and the VISA-A of every other Sunday.
      const auto& tendon = doc["tendon"];
      CHECK(tendon["heel_rise"]["left"] == 26);
      CHECK(tendon["heel_rise"]["right"] == 20);
      CHECK(tendon["heel_rise"]["symmetry_pct"] == 76.9);
      CHECK(tendon["heel_rise"]["baseline_tests"] == 1);
      CHECK(tendon["heel_rise"]["right_beyond_noise"] == false);
      CHECK(tendon["heel_rise"]["norm"]["typical"] == 24);
      CHECK(tendon["visa_a"]["score"] == 47);
      CHECK(tendon["visa_a"]["previous_score"] == 72);
      CHECK(tendon["visa_a"]["change_matters"] == true);
      CHECK(tendon["rehab_sessions"].size() == 12);
      CHECK(tendon["prior_episode"]["from"] == "2026-11-14");
      for (const auto& flag : doc["flags"]) by_week[iso].insert(flag["rule"].get<std::string>());
      continue;
    }
    for (const auto& flag : doc["flags"]) {
      fired.insert(flag["rule"].get<std::string>());
      by_week[iso].insert(flag["rule"].get<std::string>());
    }
    if (week == 46) last = doc;
  }
  CHECK(fired == k_implemented_rules);
  CHECK(by_week["2026-W34"] == std::set<std::string>{"single_run_spike", "weekly_distance_jump"});
  CHECK(by_week["2026-W35"] == std::set<std::string>{"stiffness_not_settled", "load_symptom_link"});
  CHECK(by_week["2026-W36"] == std::set<std::string>{"hill_spike"});
  CHECK(by_week["2026-W38"] == std::set<std::string>{"footwear_transition"});
  CHECK(by_week["2026-W39"] == std::set<std::string>{"speed_spike"});
  CHECK(by_week["2026-W42"] == std::set<std::string>{"weekend_warrior"});
  CHECK(by_week["2026-W45"].count("return_after_break") == 1);
  // The earlier episode (June-August 2025) counts in the first week only.
  CHECK(by_week["2026-W31"] == std::set<std::string>{"prior_episode"});
  for (const char* calm : {"2026-W32", "2026-W33", "2026-W40", "2026-W41"})
    CHECK(by_week[calm].empty());
  // Prednisolone from Tuesday and ciprofloxacin from Wednesday of W43.
  CHECK(by_week["2026-W43"] == std::set<std::string>{"corticosteroid_window",
                                                     "fluoroquinolone_window", "weekend_warrior"});
  CHECK(by_week["2026-W45"].count("cold_run") == 1);
  CHECK(by_week["2026-W47"].count("prior_episode") == 1);

  std::vector<std::vector<std::string>> last_flags;
  for (const auto& flag : last["flags"]) {
    last_flags.push_back({flag["date"].get<std::string>(), flag["rule"].get<std::string>(),
                          flag["severity"].get<std::string>()});
  }
  CHECK(last_flags == k_last_week);
  CHECK(last["load"]["runs"] == 3);
  CHECK(last["weeks"].size() == 8);
  CHECK(last["warming_up"] == false);
  CHECK(last["next_week"]["withheld"] == true);
  CHECK(last["status"]["level"] == "red");

  const auto text = runload_in(dir, {"report", "--week", "2026-W46", "--fail-on", "urgent"});
  CHECK(text.exit_code == 4);
  CHECK_THAT(text.out, Catch::Contains("URGENT"));
  CHECK(text.out.find('\x1b') == std::string::npos);
}
