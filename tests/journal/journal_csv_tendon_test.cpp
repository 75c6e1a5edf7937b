#include <catch2/catch.hpp>

#include <runload/journal/journal_csv.hpp>

using namespace runload;
using namespace date::literals;

namespace {

const date::sys_days k_today = date::sys_days{2026_y / date::November / 22};

date::sys_days november(unsigned day) {
  return date::sys_days{2026_y / date::November / day};
}

std::vector<std::string> problems_of(const journal::CsvJournal& parsed) {
  std::vector<std::string> out;
  for (const auto& p : parsed.problems) out.push_back(fmt::format("{}: {}", p.line, p.message));
  return out;
}

}  // namespace

TEST_CASE("journal csv: record rows hold the VISA-A, heel-rise, rehab, medication and episode",
          "[journal][csv][tendon]") {
  const auto parsed = journal::parse_journal_csv(
      "date,record,stiffness,visa_a,heel_rise_left,heel_rise_right,exercise,sets,reps,load_kg,"
      "exercise_pain,medication,until,note\n"
      "2026-11-16,,3,,,,,,,,,,,seen by the physio\n"
      "2026-11-16,visa_a,,\"5,6,7,4,3,2,4,B10\",,,,,,,,,,\n"
      "2026-11-16,heel_rise,,,25,18,,,,,,,,\n"
      "2026-11-16,rehab,,,,,isometric-hold,5,1,,2,,,\n"
      "2026-11-16,rehab,,,,,isometric-hold,5,1,,2,,,\n"
      "2026-11-17,REHAB,,,,,Seated-Calf-Raise,3,15,12.5,,,,\n"
      "2026-10-21,medication,,,,,,,,,,Ciprofloxacin,2026-10-27,\n"
      "2026-11-22,medication,,,,,,,,,,prednisolone,2026-11-30,\n"
      "2025-06-02,episode,,,,,,,,,,,2025-08-02,right Achilles\n",
      k_today);
  INFO(fmt::format("{}", fmt::join(problems_of(parsed), "\n")));
  REQUIRE(parsed.ok());
  REQUIRE(parsed.entries.size() == 1);
  CHECK(parsed.entries[0].stiffness == 3);
  CHECK(parsed.entries[0].note == "seen by the physio");
  const auto& t = parsed.tendon;
  REQUIRE(t.visa_a.size() == 1);
  CHECK(t.visa_a[0].date == november(16));
  CHECK(t.visa_a[0].score() == 41);
  REQUIRE(t.heel_rise.size() == 1);
  CHECK(t.heel_rise[0].left == 25);
  CHECK(t.heel_rise[0].right == 18);
  REQUIRE(t.rehab.size() == 3);  // two equal sessions stay two
  CHECK(t.rehab[2].exercise == "seated-calf-raise");
  CHECK(t.rehab[2].load_kg == 12.5);
  CHECK_FALSE(t.rehab[2].pain);
  CHECK(t.rehab[0].pain == 2);
  REQUIRE(t.medications.size() == 2);
  CHECK(t.medications[0].name == "ciprofloxacin");
  CHECK(t.medications[0].kind == model::MedicationKind::fluoroquinolone);
  CHECK(t.medications[0].to == date::sys_days{2026_y / date::October / 27});
  // A medication's last day may lie in the future (a course still to finish).
  CHECK(t.medications[1].to == date::sys_days{2026_y / date::November / 30});
  CHECK(t.medications[1].kind == model::MedicationKind::corticosteroid);
  REQUIRE(t.episodes.size() == 1);
  CHECK(t.episodes[0].note == "right Achilles");
  CHECK(t.episodes[0].to == date::sys_days{2025_y / date::August / 2});
}

TEST_CASE("journal csv: a cell of another record's column, a missing cell, a repeat are refused",
          "[journal][csv][tendon]") {
  const auto parsed = journal::parse_journal_csv(
      "date,record,stiffness,visa_a,heel_rise_left,heel_rise_right,exercise,medication,until,note\n"
      "2026-11-16,visa_a,3,\"10,10,10,10,10,10,10,A30\",,,,,,\n"  // 2: stiffness on visa_a
      "2026-11-16,heel_rise,,,25,,,,,\n"                          // 3: no right
      "2026-11-16,rehab,,,,,,,,\n"                                // 4: no exercise
      "2026-11-16,medication,,,,,,,,\n"                           // 5: no name
      "2026-11-17,visa_a,,\"10,10,10,10,10,10,10,B30\",,,,,,\n"   // 6: B tops at 20
      "2026-11-17,plan,,,,,,,,\n"                                 // 7: unknown record
      "2026-11-18,visa_a,,\"0,0,0,0,0,0,0,C0\",,,,,,\n"           // good
      "2026-11-18,visa_a,,\"0,0,0,0,0,0,0,C2\",,,,,,\n"           // 9: repeat
      "2026-11-18,medication,,,,,,cipro fl,2026-11-17,\n"         // 10: until before
      "2026-11-18,episode,,,,,squats,,,\n"                        // 11: exercise on episode
      "2026-11-18,day,,,,,,,2026-11-19,\n"                        // 12: until on a day
      "2026-11-19,episode,,,,,,,2099-01-01,\n"                    // 13: future end
      "2026-11-20,rehab,,,,,squats,,,\n",                         // 14: unknown exercise
      k_today);
  CHECK_FALSE(parsed.ok());
  const auto problems = problems_of(parsed);
  INFO(fmt::format("{}", fmt::join(problems, "\n")));
  REQUIRE(problems.size() == 12);
  CHECK(problems[0] == "2: stiffness belongs to day rows, not to a visa_a row");
  CHECK(problems[1] == "3: a heel_rise row needs heel_rise_left and heel_rise_right");
  CHECK(problems[2] == "4: a rehab row needs its exercise");
  CHECK(problems[3] == "5: a medication row needs its medication name");
  CHECK_THAT(problems[4], Catch::StartsWith("6: visa_a Q8: B tops at 20"));
  CHECK_THAT(problems[5], Catch::StartsWith("7: record must be day, visa_a, heel_rise"));
  CHECK(problems[6] == "9: the visa_a of 2026-11-18 is already given on line 8");
  CHECK(problems[7] == "10: until 2026-11-17 is before the date, 2026-11-18");
  CHECK(problems[8] == "11: exercise belongs to rehab rows, not to an episode row");
  CHECK(problems[9] == "12: until belongs to medication and episode rows, not to a day row");
  CHECK_THAT(problems[10], Catch::StartsWith("13: until '2099-01-01' is in the future"));
  CHECK_THAT(problems[11], Catch::StartsWith("14: exercise must be one of"));
}

TEST_CASE("journal csv: days and records written, then read back the same",
          "[journal][csv][tendon]") {
  std::vector<model::JournalEntry> days(1);
  days[0].date = november(16);
  days[0].stiffness = 3;
  days[0].assessed = true;
  journal::CsvTendon t;
  model::VisaA v;
  v.date = november(22);
  v.items = {6, 5, 7, 6, 4, 3, 4};
  v.q8_branch = model::VisaBranch::c;
  v.q8 = 7;
  t.visa_a = {v};
  t.heel_rise = {{november(16), 25, 18}, {november(20), 26, 20}};
  model::RehabSession r;
  r.date = november(17);
  r.exercise = "heavy-slow-resistance";
  r.sets = 3;
  r.reps = 15;
  r.load_kg = 22.5;
  r.pain = 3;
  t.rehab = {r, r};
  model::Medication m;
  m.name = "ciprofloxacin";
  m.kind = model::MedicationKind::fluoroquinolone;
  m.from = date::sys_days{2026_y / date::October / 21};
  m.to = date::sys_days{2026_y / date::October / 27};
  model::Medication ongoing = m;
  ongoing.name = "prednisolone";
  ongoing.kind = model::MedicationKind::corticosteroid;
  ongoing.to.reset();
  t.medications = {m, ongoing};
  model::Episode e;
  e.from = date::sys_days{2025_y / date::June / 2};
  e.to = date::sys_days{2025_y / date::August / 2};
  e.note = "right Achilles, \"tendinopathy\", 12 weeks of rehab";
  t.episodes = {e};

  const auto text = journal::write_journal_csv(days, t);
  CHECK_THAT(text, Catch::StartsWith(std::string(journal::k_csv_header) + "\n"));
  CHECK_THAT(text, Catch::Contains("2026-11-22,visa_a,,,,,,,,,,\"6,5,7,6,4,3,4,C7\","));
  const auto parsed = journal::parse_journal_csv(text, k_today);
  INFO(text);
  REQUIRE(parsed.ok());
  REQUIRE(parsed.entries.size() == 1);
  CHECK(parsed.entries[0].assessed == true);
  const auto& back = parsed.tendon;
  REQUIRE(back.visa_a.size() == 1);
  CHECK(back.visa_a[0].items == v.items);
  CHECK(back.visa_a[0].q8 == 7);
  CHECK(back.visa_a[0].date == v.date);
  REQUIRE(back.heel_rise.size() == 2);
  CHECK(back.heel_rise[1].right == 20);
  REQUIRE(back.rehab.size() == 2);
  CHECK(back.rehab[1].load_kg == 22.5);
  CHECK(back.rehab[1].pain == 3);
  CHECK(back.rehab[1].sets == 3);
  REQUIRE(back.medications.size() == 2);
  CHECK(back.medications[0].to == m.to);
  CHECK_FALSE(back.medications[1].to);
  CHECK(back.medications[1].kind == model::MedicationKind::corticosteroid);
  REQUIRE(back.episodes.size() == 1);
  CHECK(back.episodes[0].note == e.note);
  CHECK(back.episodes[0].to == e.to);
  // A journal of days alone still reads as it did, with or without the record column.
  const auto old = journal::parse_journal_csv("date,stiffness\n2026-11-16,2\n", k_today);
  REQUIRE(old.ok());
  CHECK(old.entries.size() == 1);
  CHECK(old.tendon.empty());
}
