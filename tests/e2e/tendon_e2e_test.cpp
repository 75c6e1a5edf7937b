#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/pty.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::PtyProcess;
using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;
using Json = nlohmann::json;

namespace {

// runload with a fresh database in `dir` and the athlete "ann" in UTC.
RunResult run(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", (dir / "t.db").string(), "--athlete", "ann", "--tz", "UTC"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

Json json_of(const RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

// Three runs a week for 6 weeks from Monday 2026-09-07, a runload CSV.
std::string steady_runs(const TempDir& dir) {
  std::string csv = "date,start_time,distance_km\n";
  date::sys_days monday{date::year{2026} / 9 / 7};
  for (int w = 0; w < 6; ++w, monday += date::weeks{1}) {
    csv += date::format("%F", monday + date::days{1}) + ",07:00,8\n";
    csv += date::format("%F", monday + date::days{3}) + ",07:00,8\n";
    csv += date::format("%F", monday + date::days{6}) + ",08:00,12\n";
  }
  return dir.write("runs.csv", csv).string();
}

}  // namespace

TEST_CASE("e2e tendon: visa-a --answers stores the sum and refuses a bad item by name",
          "[e2e][tendon]") {
  TempDir dir;
  const std::vector<std::pair<std::string, int>> stored{
      {"10,10,10,10,10,10,10,A30", 100}, {"0,0,0,0,0,0,0,C0", 0}, {"5,6,7,4,3,2,4,B10", 41}};
  int day = 1;
  for (const auto& [answers, score] : stored) {
    const auto r =
        run(dir, {"visa-a", "--date", fmt::format("2026-03-0{}", day++), "--answers", answers});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(fmt::format("stored VISA-A {}/100", score)));
  }
  const auto refused = run(dir, {"visa-a", "--answers", "10,10,10,10,10,10,10,B30"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("--answers Q8: B tops at 20"));
  const auto q7 = run(dir, {"visa-a", "--answers", "10,10,10,10,10,10,5,A30"});
  CHECK(q7.exit_code == 2);
  CHECK_THAT(q7.err, Catch::Contains("--answers Q7: takes 0, 4, 7 or 10, not '5'"));
  // Without answers and without a terminal: a usage error, nothing waits for input.
  CHECK(run(dir, {"visa-a"}).exit_code == 2);

  const auto list = json_of(run(dir, {"visa-a", "list", "--json"}));
  REQUIRE(list.size() == 3);
  CHECK(list[0]["date"] == "2026-03-01");
  CHECK(list[0]["score"] == 100);
  CHECK(list[2]["score"] == 41);
  CHECK(list[2]["answers"] == "5,6,7,4,3,2,4,B10");
  // A second questionnaire of a day replaces the first and says what it was.
  const auto again = run(dir, {"visa-a", "--date", "2026-03-03", "--answers", "0,0,0,0,0,0,0,C0"});
  CHECK_THAT(again.out, Catch::Contains("it was 41/100"));
  CHECK(json_of(run(dir, {"visa-a", "list", "--json"})).size() == 3);
}

TEST_CASE("e2e tendon: heel-rise 25 and 18 shows in report --json with symmetry 72%",
          "[e2e][tendon]") {
  TempDir dir;
  REQUIRE(run(dir, {"import", steady_runs(dir)}).exit_code == 0);
  const auto r = run(dir, {"heel-rise", "--date", "2026-10-14", "--left", "25", "--right", "18"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("right 72% of left"));
  const auto doc = json_of(run(dir, {"report", "--week", "2026-W42", "--json"}));
  const auto& heel = doc["tendon"]["heel_rise"];
  CHECK(heel["left"] == 25);
  CHECK(heel["right"] == 18);
  CHECK(heel["symmetry_pct"] == 72.0);
  CHECK(heel["date"] == "2026-10-14");
  CHECK(heel["weaker_side"] == "right");
  CHECK(doc["tendon"]["visa_a"].is_null());
  // Bad counts name the option; both legs are needed.
  auto bad = run(dir, {"heel-rise", "--left", "25", "--right", "x"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--right must be a whole number from 0 to 200, not 'x'"));
  CHECK(run(dir, {"heel-rise", "--left", "25"}).exit_code == 2);
  // With age and sex the norm appears.
  // `athletes set` names its athlete itself: no global --athlete.
  const auto set = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir / "t.db").string(), "athletes", "set"});
    return run_runload(args);
  };
  CHECK(set({"ann", "--born", "1979", "--sex", "female"}).exit_code == 0);
  const auto normed = json_of(run(dir, {"report", "--week", "2026-W42", "--json"}));
  CHECK(normed["tendon"]["heel_rise"]["norm"]["typical"] == 24);
  CHECK(normed["tendon"]["profile"]["born_year"] == 1979);
  const auto missing = set({"nobody", "--sex", "male"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("no athlete named 'nobody'"));
  CHECK(set({"ann", "--sex", "other"}).exit_code == 2);
}

TEST_CASE("e2e tendon: a fluoroquinolone course starting on a Wednesday makes the week amber",
          "[e2e][tendon][modifiers]") {
  TempDir dir;
  REQUIRE(run(dir, {"import", steady_runs(dir)}).exit_code == 0);
  // Wednesday 2026-10-07, in 2026-W41.
  const auto added = run(
      dir, {"medication", "add", "ciprofloxacin", "--from", "2026-10-07", "--to", "2026-10-13"});
  CHECK(added.exit_code == 0);
  CHECK_THAT(added.out, Catch::Contains("stored: ciprofloxacin (fluoroquinolone)"));
  const auto doc = json_of(run(dir, {"report", "--week", "2026-W41", "--json"}));
  CHECK(doc["status"]["level"] == "amber");
  CHECK(doc["status"]["rule"] == "fluoroquinolone_window");
  CHECK(doc["status"]["since"] == "2026-10-07");
  const auto& flag = doc["flags"][0];
  CHECK(flag["rule"] == "fluoroquinolone_window");
  CHECK(flag["severity"] == "caution");
  CHECK(flag["evidence"] == "cohort");
  CHECK(doc["tendon"]["medications"][0]["name"] == "ciprofloxacin");
  // The week before is green.
  CHECK(json_of(run(dir, {"report", "--week", "2026-W40", "--json"}))["status"]["level"] ==
        "green");
  // list, delete by id.
  const auto list = json_of(run(dir, {"medication", "list", "--json"}));
  REQUIRE(list.size() == 1);
  const auto id = std::to_string(list[0]["id"].get<int>());
  CHECK(run(dir, {"medication", "delete", "999"}).exit_code == 2);
  CHECK(run(dir, {"medication", "delete", "x"}).exit_code == 2);
  CHECK(run(dir, {"medication", "delete", id}).exit_code == 0);
  CHECK(json_of(run(dir, {"medication", "list", "--json"})).empty());
  CHECK(json_of(run(dir, {"report", "--week", "2026-W41", "--json"}))["status"]["level"] ==
        "green");
  const auto backwards =
      run(dir, {"medication", "add", "levofloxacin", "--from", "2026-10-07", "--to", "2026-10-01"});
  CHECK(backwards.exit_code == 2);
  CHECK_THAT(backwards.err, Catch::Contains("--to 2026-10-01 is before --from 2026-10-07"));
}

TEST_CASE("e2e tendon: rehab, episode and the clinician page", "[e2e][tendon]") {
  TempDir dir;
  REQUIRE(run(dir, {"import", steady_runs(dir)}).exit_code == 0);
  auto r = run(dir, {"rehab", "--date", "2026-10-13", "eccentric-heel-drop", "--sets", "3",
                     "--reps", "15", "--load-kg", "10", "--pain", "3"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Eccentric heel drop, 3 x 15, 10 kg, pain 3/10"));
  r = run(dir, {"rehab", "ecentric-heel-drop"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean 'eccentric-heel-drop'?"));
  CHECK(run(dir, {"rehab", "hops", "--pain", "11"}).exit_code == 2);
  CHECK(run(dir, {"rehab"}).exit_code == 2);
  CHECK_THAT(run(dir, {"rehab", "exercises"}).out, Catch::Contains("seated-calf-raise"));
  CHECK(json_of(run(dir, {"rehab", "list", "--json"}))[0]["load_kg"] == 10.0);

  r = run(dir, {"episode", "add", "--from", "2026-03-01", "--to", "2026-05-01", "--note",
                "right Achilles"});
  CHECK(r.exit_code == 0);
  const auto doc = json_of(run(dir, {"report", "--week", "2026-W42", "--json"}));
  CHECK(doc["tendon"]["rehab_sessions"][0]["exercise"] == "eccentric-heel-drop");
  CHECK(doc["tendon"]["episodes"][0]["note"] == "right Achilles");
  CHECK(doc["tendon"]["prior_episode"]["from"] == "2026-03-01");
  CHECK(std::any_of(doc["flags"].begin(), doc["flags"].end(),
                    [](const Json& f) { return f["rule"] == "prior_episode"; }));

  const auto page = run(dir, {"report", "--week", "2026-W42", "--clinician"});
  CHECK(page.exit_code == 0);
  CHECK_THAT(page.out, Catch::StartsWith("Clinician summary · ann · UTC"));
  CHECK_THAT(page.out, Catch::Contains("Load week by week"));
  CHECK(page.out.find('\x1b') == std::string::npos);
  const auto html = dir / "visit.html";
  CHECK(run(dir, {"report", "--clinician", "--html", html.string()}).exit_code == 0);
  CHECK_THAT(runload::test::read_file(html), Catch::Contains("Clinician summary"));
  CHECK(run(dir, {"report", "--clinician", "--json"}).exit_code == 2);
  CHECK(run(dir, {"report", "--cold-below", "hot"}).exit_code == 2);
}

TEST_CASE("e2e tendon: journal export then import carries every tendon record",
          "[e2e][tendon][journal]") {
  TempDir dir;
  REQUIRE(run(dir, {"journal", "--date", "2026-10-13", "--stiffness", "2"}).exit_code == 0);
  REQUIRE(
      run(dir, {"visa-a", "--date", "2026-10-13", "--answers", "10,9,8,10,7,6,7,B14"}).exit_code ==
      0);
  REQUIRE(
      run(dir, {"heel-rise", "--date", "2026-10-13", "--left", "25", "--right", "18"}).exit_code ==
      0);
  for (int i = 0; i < 2; ++i)
    REQUIRE(
        run(dir, {"rehab", "--date", "2026-10-13", "isometric-hold", "--sets", "5"}).exit_code ==
        0);
  REQUIRE(run(dir, {"medication", "add", "prednisolone", "--from", "2026-10-01"}).exit_code == 0);
  REQUIRE(run(dir, {"episode", "add", "--from", "2026-03-01"}).exit_code == 0);
  const auto exported = run(dir, {"journal", "export"});
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.out, Catch::StartsWith("date,record,stiffness,"));
  const auto file = dir.write("journal.csv", exported.out);

  TempDir other;
  auto imported = run_runload(
      {"--db", (other / "t.db").string(), "--tz", "UTC", "journal", "import", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Catch::Contains("imported 1 journal entry"));
  CHECK_THAT(imported.out, Catch::Contains("1 VISA-A, 1 heel-rise test, 2 rehab exercises, 1 "
                                           "medication course, 1 episode"));
  const auto again =
      run_runload({"--db", (other / "t.db").string(), "--tz", "UTC", "journal", "export"});
  CHECK(again.out == exported.out);
  // Importing it again adds nothing.
  imported = run_runload(
      {"--db", (other / "t.db").string(), "--tz", "UTC", "journal", "import", file.string()});
  CHECK_THAT(imported.out, Catch::Contains("0 new or changed"));
}

TEST_CASE("e2e tendon: visa-a asks the 8 questions on a terminal", "[e2e][tendon][pty]") {
  TempDir dir;
  PtyProcess p({"--tz", "UTC", "visa-a", "--date", "2026-03-01"},
               {{"RUNLOAD_DB", (dir / "t.db").string()}, {"NO_COLOR", "1"}, {"TERM", "xterm"}});
  REQUIRE(p.expect("Q1 of 8."));
  p.send("12\n");
  REQUIRE(p.expect("please answer again"));
  REQUIRE(p.expect("Q1 of 8."));
  for (const char* answer : {"10\n", "9\n", "8\n", "10\n", "7\n", "6\n"}) p.send(answer);
  REQUIRE(p.expect("Q7 of 8."));
  p.send("7\n");
  REQUIRE(p.expect("A = no pain"));
  p.send("b\n");
  REQUIRE(p.expect("Q8 of 8, B."));
  p.send("25\n");
  REQUIRE(p.expect("stored VISA-A"));
  CHECK(p.wait() == 0);
  INFO(p.output());
  const auto list =
      Json::parse(run_runload({"--db", (dir / "t.db").string(), "visa-a", "list", "--json"}).out);
  REQUIRE(list.size() == 1);
  // 10 + 9 + 8 + 10 + 7 + 6 + 7 + 14 (B, 21-30 minutes).
  CHECK(list[0]["score"] == 71);
  CHECK(list[0]["answers"] == "10,9,8,10,7,6,7,B14");
}

TEST_CASE("e2e tendon: Ctrl-D in the questionnaire stores nothing", "[e2e][tendon][pty]") {
  TempDir dir;
  PtyProcess p({"--tz", "UTC", "visa-a"},
               {{"RUNLOAD_DB", (dir / "t.db").string()}, {"NO_COLOR", "1"}, {"TERM", "xterm"}});
  REQUIRE(p.expect("Q1 of 8."));
  p.send("5\n");
  REQUIRE(p.expect("Q2 of 8."));
  p.send_eof();
  REQUIRE(p.expect("questionnaire cancelled"));
  CHECK(p.wait() == 1);
  // Nothing stored; nothing created either, not even the database.
  CHECK_FALSE(std::filesystem::exists(dir / "t.db"));
}
