#include <catch2/catch.hpp>

#include <runload/report/clinician.hpp>
#include <runload/report/html_report.hpp>
#include <runload/report/json_report.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/report/terminal_report.hpp>
#include <runload/text/layout.hpp>

#include "report/reports.hpp"

using namespace runload;
using namespace runload::report;
using namespace runload::report::test;
using Json = nlohmann::json;

namespace {

// The report of analysed_report() with the tendon's records of its last week.
analyze::Report tendon_report() {
  analyze::AnalysisInput input;
  const auto first = ymd(2024, 1, 1);
  for (int w = 0; w < 6; ++w) {
    const auto monday = first + date::weeks{w};
    input.activities.push_back(run_on(monday + date::days{1}, 6.0));
    input.activities.push_back(run_on(monday + date::days{6}, 10.0));
  }
  const auto monday = first + date::weeks{5};
  input.week = monday;
  input.first_day = first;
  model::VisaA earlier;
  earlier.date = monday - date::weeks{2};
  earlier.items = {9, 9, 9, 9, 9, 9, 10};
  earlier.q8_branch = model::VisaBranch::a;
  earlier.q8 = 21;  // 85
  model::VisaA latest = earlier;
  latest.date = monday + date::days{6};
  latest.items = {6, 6, 6, 6, 6, 6, 4};
  latest.q8_branch = model::VisaBranch::b;
  latest.q8 = 10;  // 50
  input.tendon.visa_a = {earlier, latest};
  input.tendon.heel_rise = {{monday - date::days{14}, 24, 24}, {monday + date::days{2}, 25, 16}};
  model::RehabSession r;
  r.date = monday + date::days{3};
  r.exercise = "eccentric-heel-drop";
  r.sets = 3;
  r.reps = 15;
  r.pain = 6;
  input.tendon.rehab = {r};
  model::Medication m;
  m.id = 1;
  m.name = "levofloxacin";
  m.kind = model::MedicationKind::fluoroquinolone;
  m.from = monday + date::days{2};
  m.to = monday + date::days{8};
  input.tendon.medications = {m};
  model::Episode e;
  e.id = 1;
  e.from = ymd(2023, 3, 1);
  e.to = ymd(2023, 5, 1);
  e.note = "left \x1b[2J Achilles";
  input.tendon.episodes = {e};
  input.tendon.profile.born_year = 1980;
  input.tendon.profile.sex = model::Sex::male;
  return analyze::analyze(input);
}

void check_width(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const auto line = text.substr(start, end - start);
    INFO(line);
    CHECK(text::display_width(line) <= k_terminal_width);
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

}  // namespace

TEST_CASE("tendon text: the heel-rise in words: symmetry, noise and the norm", "[report][tendon]") {
  analyze::HeelRiseSummary s;
  s.latest = {ymd(2026, 11, 16), 25, 18};
  s.symmetry_pct = 72.0;
  s.weaker = model::Side::right;
  s.below_symmetry = true;
  s.baseline_tests = 1;
  s.left = analyze::heel_rise_change(25, 24.0);
  s.right = analyze::heel_rise_change(18, 25.0);
  s.norm = analyze::HeelRiseNormCheck{47, model::Sex::female, rules::k_heel_rise_norms[2], 24};
  const auto text = heel_rise_text(s);
  CHECK_THAT(text, Catch::StartsWith("left 25, right 18 on Mon 16 Nov: right 72% of left"));
  CHECK_THAT(text, Catch::Contains("below the 90% clinicians look for, a convention"));
  CHECK_THAT(text, Catch::Contains("left +1.0 (within the test's noise)"));
  CHECK_THAT(text, Catch::Contains("right -7.0 (beyond the test's noise)"));
  CHECK_THAT(text, Catch::Contains("Healthy women aged 40-49 reach about 24 (Hébert-Losier 2017)"));
  CHECK_THAT(text, Catch::Contains("left 25 reaches it"));
  CHECK_THAT(text, Catch::Contains("right 18 is 6 below it, within the test's noise"));
}

TEST_CASE("tendon text: the VISA-A against recovery and the change that matters",
          "[report][tendon]") {
  analyze::VisaSummary s;
  s.latest.date = ymd(2026, 11, 22);
  s.latest.items = {6, 6, 6, 6, 6, 6, 4};
  s.latest.q8_branch = model::VisaBranch::b;
  s.latest.q8 = 10;
  auto previous = s.latest;
  previous.date = ymd(2026, 11, 8);
  previous.q8 = 20;
  s.previous = previous;
  s.change = -10;
  const auto text = visa_a_text(s);
  CHECK_THAT(text, Catch::StartsWith("50/100 on Sun 22 Nov; 60 on Sun 8 Nov before it: 10 points "
                                     "worse, less than the 14 points that matter"));
  CHECK_THAT(text, Catch::EndsWith("About 90 marks recovery (Iversen 2012); 100 is no symptoms."));
}

TEST_CASE("tendon report: the terminal section, within 80 columns, notes escaped",
          "[report][tendon]") {
  const auto r = tendon_report();
  const auto text = terminal_report(meta(), r, Palette{});
  check_width(text);
  CHECK_THAT(text, Catch::Contains("\nTendon\n"));
  CHECK_THAT(text, Catch::Contains("  VISA-A        50/100 on Sun 11 Feb; 85 on Mon 22 Jan"));
  CHECK_THAT(text, Catch::Contains("35 points"));
  CHECK_THAT(text, Catch::Contains("worse, a change that matters"));
  CHECK_THAT(text, Catch::Contains("  Heel-rise     left 25, right 16"));
  CHECK_THAT(text,
             Catch::Contains("  Rehab         1 exercise on 1 day this week, pain up to 6/10"));
  CHECK_THAT(text, Catch::Contains("  Medication    levofloxacin (fluoroquinolone)"));
  CHECK_THAT(text, Catch::Contains("  Context       born 1980, male (44 this year)"));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK_THAT(text, Catch::Contains("fluoroquinolone_window"));
  // A history without tendon records has no Tendon section.
  const auto plain = terminal_report(meta(), analysed_report(), Palette{});
  CHECK(plain.find("\nTendon\n") == std::string::npos);
}

TEST_CASE("tendon report: JSON tendon, null where nothing is recorded", "[report][tendon][json]") {
  const auto doc = Json::parse(json_report(meta(), tendon_report()));
  const auto& t = doc["tendon"];
  CHECK(t["visa_a"]["score"] == 50);
  CHECK(t["visa_a"]["previous_score"] == 85);
  CHECK(t["visa_a"]["date"] == "2024-02-11");
  CHECK(t["visa_a"]["change_matters"] == true);
  CHECK(t["heel_rise"]["left"] == 25);
  CHECK(t["heel_rise"]["right"] == 16);
  CHECK(t["heel_rise"]["symmetry_pct"] == 64.0);
  CHECK(t["heel_rise"]["weaker_side"] == "right");
  CHECK(t["heel_rise"]["change_right"] == -8.0);
  CHECK(t["heel_rise"]["right_beyond_noise"] == true);
  CHECK(t["heel_rise"]["norm"]["typical"] == 28);  // men aged 40-49
  REQUIRE(t["rehab_sessions"].is_array());
  CHECK(t["rehab_sessions"][0]["exercise"] == "eccentric-heel-drop");
  REQUIRE(t["medications"].is_array());
  CHECK(t["medications"][0]["phase"] == "course");
  CHECK(t["episodes"][0]["from"] == "2023-03-01");
  CHECK(t["profile"]["age"] == 44);
  CHECK(doc["weeks"].back()["rehab_sessions"] == 1);

  const auto plain = Json::parse(json_report(meta(), analysed_report()));
  for (const char* key :
       {"visa_a", "heel_rise", "rehab_sessions", "medications", "episodes", "prior_episode"}) {
    CAPTURE(key);
    CHECK(plain["tendon"][key].is_null());
  }
}

TEST_CASE("tendon report: the HTML page draws the VISA-A, heel-rise and rehab trends",
          "[report][tendon][html]") {
  const auto page = html_report(meta(), tendon_report());
  CHECK_THAT(page, Catch::Contains("<h2>Tendon</h2>"));
  CHECK_THAT(page, Catch::Contains("aria-label=\"VISA-A score of each week"));
  CHECK_THAT(page, Catch::Contains("aria-label=\"Heel raises to fatigue of each week"));
  CHECK_THAT(page, Catch::Contains("aria-label=\"Rehab exercises logged each week\""));
  CHECK(page.find("\x1b") == std::string::npos);
  CHECK(html_report(meta(), analysed_report()).find("<h2>Tendon</h2>") == std::string::npos);
}

TEST_CASE("clinician summary: one page of status, load, flags, symptoms and the tendon",
          "[report][clinician]") {
  const auto r = tendon_report();
  const auto text = clinician_text(meta(), r);
  check_width(text);
  CHECK_THAT(text, Catch::StartsWith("Clinician summary · Ada · Europe/Berlin\n"));
  CHECK_THAT(text, Catch::Contains("Status  AMBER · "));
  for (const char* section : {"\nLoad week by week\n", "\nFlags in force, worst first\n",
                              "\nSymptoms over the weeks shown\n", "\nTendon\n"})
    CHECK_THAT(text, Catch::Contains(section));
  CHECK_THAT(text, Catch::Contains("  2024-W05"));
  CHECK_THAT(text, Catch::Contains("  Adherence     1 exercise on 1 of 42 days"));
  CHECK_THAT(text, Catch::Contains("Fluoroquinolone antibiotic"));
  // 8 weeks fit a printed page of about 66 lines.
  CHECK(std::count(text.begin(), text.end(), '\n') <= 66);

  const auto page = clinician_html(meta(), r);
  CHECK_THAT(page, Catch::Contains("@page{size:A4"));
  CHECK_THAT(page, Catch::Contains("<h2>Load week by week</h2>"));
  CHECK_THAT(page, Catch::Contains("class=\"status amber\""));
  CHECK(page.find('\x1b') == std::string::npos);
}
