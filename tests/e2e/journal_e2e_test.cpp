#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/pty.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::PtyProcess;
using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;

namespace {

// runload with a fresh database in `dir` and the athlete in UTC.
RunResult journal(const TempDir& dir, std::vector<std::string> args,
                  const runload::test::RunOptions& options = {}) {
  std::vector<std::string> full{"--db", (dir / "j.db").string(), "--tz", "UTC", "journal"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full, options);
}

nlohmann::json listed(const TempDir& dir) {
  const auto r = journal(dir, {"list", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

int history_rows(const TempDir& dir) {
  const auto r = run_runload({"--db", (dir / "j.db").string(), "doctor", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["row_counts"]["journal_history"].get<int>();
}

std::map<std::string, std::string> pty_env(const TempDir& dir) {
  return {{"RUNLOAD_DB", (dir / "j.db").string()}, {"NO_COLOR", "1"}, {"TERM", "xterm"}};
}

}  // namespace

TEST_CASE("e2e journal: values by flags are stored and listed as DESIGN section 6 JSON",
          "[e2e][journal]") {
  TempDir dir;
  auto r = journal(dir, {"--stiffness", "3"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("stiffness 3/10"));
  r = journal(
      dir, {"--date", "2024-03-01", "--stiffness", "2", "--stiffness-minutes", "15", "--pain-run",
            "4", "--pain-after", "5", "--swelling", "--side", "right", "--note", "ok"});
  REQUIRE(r.exit_code == 0);
  const auto doc = listed(dir);
  REQUIRE(doc.is_array());
  REQUIRE(doc.size() == 2);
  const auto& first = doc[0];
  CHECK(first["date"] == "2024-03-01");
  CHECK(first["stiffness"] == 2);
  CHECK(first["stiffness_minutes"] == 15);
  CHECK(first["pain_run"] == 4);
  CHECK(first["pain_after"] == 5);
  CHECK(first["swelling"] == true);
  CHECK(first["pop"].is_null());
  CHECK(first["side"] == "right");
  CHECK(first["note"] == "ok");
  const auto& today = doc[1];
  CHECK(today["stiffness"] == 3);
  for (const char* key :
       {"stiffness_minutes", "pain_run", "pain_after", "swelling", "pop", "side", "note"})
    CHECK(today[key].is_null());
}

TEST_CASE("e2e journal: bad values exit 2 naming the option, and nothing is stored",
          "[e2e][journal]") {
  TempDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--stiffness", "11"}, "--stiffness"},
      {{"--stiffness", "-1"}, "--stiffness"},
      {{"--stiffness", "three"}, "--stiffness"},
      {{"--stiffness-minutes", "1441"}, "--stiffness-minutes"},
      {{"--stiffness-minutes", "5.5"}, "--stiffness-minutes"},
      {{"--pain-run", "12"}, "--pain-run"},
      {{"--pain-run", "x"}, "--pain-run"},
      {{"--pain-after", "-3"}, "--pain-after"},
      {{"--pain-after", ""}, "--pain-after"},
      {{"--side", "middle"}, "--side"},
      {{"--date", "2024-02-30", "--stiffness", "1"}, "--date"},
      {{"--date", "2999-01-01", "--stiffness", "1"}, "--date"},
      {{"--date", "01/03/2024", "--stiffness", "1"}, "--date"},
      {{"--stiffness", "1", "--pain-run", "20"}, "--pain-run"},
  };
  for (const auto& [args, option] : cases) {
    CAPTURE(args);
    const auto r = journal(dir, args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("runload: error: " + option + " "));
    CHECK_THAT(r.err, !Catch::Contains("created database"));
  }
  // Nothing is created before the arguments are known to be valid.
  CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
}

TEST_CASE("e2e journal: a second entry for a date keeps the other fields and the history",
          "[e2e][journal]") {
  TempDir dir;
  REQUIRE(journal(dir, {"--date", "2024-03-01", "--stiffness", "4", "--side", "left"}).exit_code ==
          0);
  const auto r = journal(dir, {"--date", "2024-03-01", "--pain-run", "2", "--stiffness", "5"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("updated"));
  const auto doc = listed(dir);
  REQUIRE(doc.size() == 1);
  CHECK(doc[0]["stiffness"] == 5);
  CHECK(doc[0]["pain_run"] == 2);
  CHECK(doc[0]["side"] == "left");
  CHECK(history_rows(dir) == 1);
}

TEST_CASE("e2e journal: a pop or pain 9 prints URGENT at once and the entry is stored",
          "[e2e][journal]") {
  TempDir dir;
  auto r = journal(dir, {"--date", "2024-03-01", "--pop"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("URGENT") &&
                        Catch::Contains("possible Achilles tendon rupture: stop running and seek "
                                        "medical care now") &&
                        Catch::Contains("Mayo Clinic"));
  CHECK(r.out.find("URGENT") == std::string::npos);
  r = journal(dir, {"--date", "2024-03-02", "--pain-after", "9"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("URGENT"));
  r = journal(dir, {"--date", "2024-03-03", "--pain-run", "8"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("URGENT") == std::string::npos);
  const auto doc = listed(dir);
  REQUIRE(doc.size() == 3);
  CHECK(doc[0]["pop"] == true);
  CHECK(doc[1]["pain_after"] == 9);
}

TEST_CASE("e2e journal: notes are stored and printed verbatim, escaped in the table",
          "[e2e][journal]") {
  TempDir dir;
  const std::vector<std::string> notes{"it's \"quoted\"", "two\nlines", "emoji 🏃‍♀️🦶",
                                       "'); DROP TABLE journal_entries;--", "escape \x1b[31mred"};
  int day = 1;
  for (const auto& note : notes) {
    const auto r = journal(dir, {"--date", "2024-03-0" + std::to_string(day++), "--note", note});
    REQUIRE(r.exit_code == 0);
  }
  const auto doc = listed(dir);
  REQUIRE(doc.size() == notes.size());
  for (std::size_t i = 0; i < notes.size(); ++i) CHECK(doc[i]["note"] == notes[i]);
  const auto table = journal(dir, {"list"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find('\x1b') == std::string::npos);
  CHECK_THAT(table.out, Catch::Contains("escape \\e[31mred"));
  CHECK_THAT(table.out, Catch::Contains("DROP TABLE journal_entries"));
}

TEST_CASE("e2e journal: list prints a table with a stiffness sparkline", "[e2e][journal]") {
  TempDir dir;
  for (const auto& [day, stiffness] : std::vector<std::pair<std::string, std::string>>{
           {"2024-03-01", "0"}, {"2024-03-02", "10"}, {"2024-03-04", "5"}})
    REQUIRE(journal(dir, {"--date", day, "--stiffness", stiffness}).exit_code == 0);
  const auto r = journal(dir, {"list", "--since", "2024-03-01", "--until", "2024-03-05"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("2024-03-02"));
  CHECK_THAT(r.out, Catch::Contains("▁█·▅·"));
  const auto narrow =
      journal(dir, {"list", "--since", "2024-03-02", "--until", "2024-03-02", "--json"});
  REQUIRE(narrow.exit_code == 0);
  CHECK(nlohmann::json::parse(narrow.out).size() == 1);
  CHECK(journal(dir, {"list", "--since", "someday"}).exit_code == 2);
}

TEST_CASE("e2e journal: no values and no terminal is a usage error, not a hang", "[e2e][journal]") {
  TempDir dir;
  const auto r = journal(dir, {});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("not a terminal"));
  const auto piped = journal(dir, {}, {{}, "3\n0\nn\nn\n\n", ""});
  CHECK(piped.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
}

TEST_CASE("e2e journal: CSV import stores good files and refuses bad ones whole",
          "[e2e][journal]") {
  TempDir dir;
  const auto good = dir.write("good.csv",
                              "date,stiffness,pain_run,pop,note\n"
                              "2024-03-01,2,3,no,\"first, with comma\"\n"
                              "2024-03-02,4,,yes,\n");
  auto r = journal(dir, {"import", good.string()});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("imported 2"));
  CHECK_THAT(r.err, Catch::Contains("URGENT"));
  CHECK(listed(dir).size() == 2);

  const auto bad = dir.write("bad.csv",
                             "date,stiffness\n"
                             "2024-03-05,1\n"
                             "2024-03-06,eleven\n"
                             "2024-02-30,1\n");
  r = journal(dir, {"import", bad.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(bad.string() + ":3: stiffness"));
  CHECK_THAT(r.err, Catch::Contains(bad.string() + ":4: date"));
  CHECK_THAT(r.err, Catch::Contains("nothing from this file was stored"));
  CHECK(listed(dir).size() == 2);

  r = journal(dir, {"import", (dir / "missing.csv").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("missing.csv"));
}

TEST_CASE("e2e journal: export then import into a new database round-trips", "[e2e][journal]") {
  TempDir dir;
  REQUIRE(journal(dir, {"--date", "2024-03-01", "--stiffness", "3", "--stiffness-minutes", "10",
                        "--pain-run", "0", "--no-swelling", "--pop", "--side", "both", "--note",
                        "quote \" comma , newline\nend 🦶"})
              .exit_code == 0);
  REQUIRE(journal(dir, {"--date", "2024-03-02", "--pain-after", "6"}).exit_code == 0);
  const auto exported = journal(dir, {"export"});
  REQUIRE(exported.exit_code == 0);
  const auto file = dir.write("journal.csv", exported.out);

  TempDir other;
  REQUIRE(journal(other, {"import", file.string()}).exit_code == 0);
  CHECK(listed(other) == listed(dir));
  CHECK(journal(other, {"export"}).out == exported.out);
}

TEST_CASE("e2e journal: the interactive check-in on a terminal stores the answers",
          "[e2e][journal][pty]") {
  TempDir dir;
  REQUIRE(journal(dir, {"--date", "yesterday", "--stiffness", "2"}).exit_code == 0);
  PtyProcess p({"--tz", "UTC", "journal"}, pty_env(dir));
  REQUIRE(p.expect("first steps this morning"));
  REQUIRE(p.expect("[2]: "));
  p.send("12\n");
  REQUIRE(p.expect("from 0 to 10"));
  REQUIRE(p.expect("please answer again"));
  REQUIRE(p.expect("first steps this morning"));
  p.send("4\n");
  REQUIRE(p.expect("How many minutes"));
  p.send("20\n");
  REQUIRE(p.expect("Swelling"));
  p.send("n\n");
  REQUIRE(p.expect("A pop"));
  p.send("\n");
  REQUIRE(p.expect("Which side"));
  p.send("left\n");
  REQUIRE(p.expect("Note"));
  p.send("felt it on the stairs\n");
  REQUIRE(p.expect("stored "));
  CHECK(p.wait() == 0);
  INFO(p.output());
  const auto doc = listed(dir);
  REQUIRE(doc.size() == 2);
  CHECK(doc[1]["stiffness"] == 4);
  CHECK(doc[1]["stiffness_minutes"] == 20);
  CHECK(doc[1]["swelling"] == false);
  CHECK(doc[1]["pop"] == false);
  CHECK(doc[1]["side"] == "left");
  CHECK(doc[1]["note"] == "felt it on the stairs");
}

TEST_CASE("e2e journal: a pop in the check-in warns URGENT at once", "[e2e][journal][pty]") {
  TempDir dir;
  PtyProcess p({"--tz", "UTC", "journal"}, pty_env(dir));
  REQUIRE(p.expect("first steps this morning"));
  p.send("0\n");
  REQUIRE(p.expect("Swelling"));
  p.send("y\n");
  REQUIRE(p.expect("A pop"));
  p.send("y\n");
  REQUIRE(p.expect("URGENT"));
  REQUIRE(p.expect("Which side"));
  p.send("right\n");
  REQUIRE(p.expect("Note"));
  p.send("\n");
  CHECK(p.wait() == 0);
  const auto doc = listed(dir);
  REQUIRE(doc.size() == 1);
  CHECK(doc[0]["pop"] == true);
}

TEST_CASE("e2e journal: Ctrl-D in the check-in stores nothing and exits non-zero",
          "[e2e][journal][pty]") {
  TempDir dir;
  PtyProcess p({"--tz", "UTC", "journal"}, pty_env(dir));
  REQUIRE(p.expect("first steps this morning"));
  p.send("5\n");
  REQUIRE(p.expect("How many minutes"));
  p.send_eof();
  REQUIRE(p.expect("nothing was stored"));
  const int code = p.wait();
  CHECK(code != 0);
  CHECK(code != -1);
  // Nothing is created before the answers are stored: not even the database.
  CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
}

TEST_CASE("e2e journal: Ctrl-C in the check-in stores nothing and exits non-zero",
          "[e2e][journal][pty]") {
  TempDir dir;
  PtyProcess p({"--tz", "UTC", "journal"}, pty_env(dir));
  REQUIRE(p.expect("first steps this morning"));
  p.send("5\n");
  REQUIRE(p.expect("How many minutes"));
  p.send_interrupt();
  REQUIRE(p.expect("interrupted"));
  CHECK(p.wait() == 130);
  CHECK_FALSE(std::filesystem::exists(dir / "j.db"));
}
