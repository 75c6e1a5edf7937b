#include <catch2/catch.hpp>

#include <algorithm>

#include <runload/analyze/analysis.hpp>
#include <runload/rules/catalogue.hpp>

#include "analyze/builders.hpp"

namespace model = runload::model;
using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Rule;
using runload::model::Severity;

namespace {

const auto k_first = ymd(2026, 6, 1);  // a Monday

// 20 weeks of the same week: Tuesday 8 km, Thursday 8 km, Sunday 12 km.
std::vector<model::Activity> steady_weeks() {
  std::vector<model::Activity> acts;
  for (int w = 0; w < 20; ++w) {
    const auto monday = k_first + date::weeks{w};
    acts.push_back(run_on(monday + date::days{1}, 8.0));
    acts.push_back(run_on(monday + date::days{3}, 8.0));
    acts.push_back(run_on(monday + date::days{6}, 12.0));
  }
  return acts;
}

AnalysisInput steady_input(date::sys_days week) {
  AnalysisInput input;
  input.activities = steady_weeks();
  input.first_day = k_first;
  input.week = week;
  return input;
}

const model::Flag* find(const Report& r, Rule rule) {
  const auto it = std::find_if(r.flags.begin(), r.flags.end(),
                               [rule](const model::Flag& f) { return f.rule == rule; });
  return it == r.flags.end() ? nullptr : &*it;
}

model::Medication fluoroquinolone(date::sys_days from, date::sys_days to) {
  model::Medication m;
  m.name = "ciprofloxacin";
  m.kind = model::MedicationKind::fluoroquinolone;
  m.from = from;
  m.to = to;
  return m;
}

}  // namespace

TEST_CASE("analysis: a fluoroquinolone course starting on a Wednesday makes the week amber",
          "[analyze][modifiers]") {
  const auto monday = k_first + date::weeks{10};
  auto input = steady_input(monday);
  REQUIRE(analyze(input).status.level == StatusLevel::green);
  const auto wednesday = monday + date::days{2};
  input.tendon.medications.push_back(fluoroquinolone(wednesday, wednesday + date::days{6}));
  const auto report = analyze(input);
  CHECK(report.status.level == StatusLevel::amber);
  REQUIRE(report.status.rule);
  CHECK(*report.status.rule == Rule::fluoroquinolone_window);
  CHECK(report.status.since == wednesday);
  const auto* flag = find(report, Rule::fluoroquinolone_window);
  REQUIRE(flag);
  CHECK(flag->severity == Severity::caution);

  // Next week: no increase at all, the long run held at the recent longest.
  const auto& env = report.next_week;
  CHECK_FALSE(env.withheld);
  REQUIRE(env.distance_high_m);
  CHECK(*env.distance_high_m == Approx(28000.0));
  REQUIRE(env.max_single_run_m);
  CHECK(*env.max_single_run_m == Approx(12000.0));
  CHECK(std::any_of(env.limits.begin(), env.limits.end(), [](const std::string& l) {
    return l.find("longest run: no longer than your longest") != std::string::npos;
  }));
  // The week before the course is as it was.
  input.week = monday - date::weeks{1};
  CHECK(analyze(input).status.level == StatusLevel::green);
}

TEST_CASE("analysis: a prior episode tightens the spike bands and the plan",
          "[analyze][modifiers]") {
  const auto monday = k_first + date::weeks{10};
  auto input = steady_input(monday);
  // This week's long run is 8% over the longest of the 30 days before.
  for (auto& a : input.activities)
    if (a.local_date() == monday + date::days{6}) a.distance_m = 12960.0;
  auto report = analyze(input);
  CHECK(find(report, Rule::single_run_spike) == nullptr);
  CHECK(find(report, Rule::prior_episode) == nullptr);
  // 1.10 x 12.96 km (not a spike at the usual bands), rounded down.
  REQUIRE(report.next_week.max_single_run_m);
  CHECK(*report.next_week.max_single_run_m == Approx(14200.0));

  model::Episode episode;
  episode.from = monday - date::days{200};
  episode.to = monday - date::days{100};
  input.tendon.episodes.push_back(episode);
  report = analyze(input);
  const auto* spike = find(report, Rule::single_run_spike);
  REQUIRE(spike);
  CHECK(spike->severity == Severity::caution);
  const auto* prior = find(report, Rule::prior_episode);
  REQUIRE(prior);
  CHECK(prior->severity == Severity::info);
  CHECK(prior->date == monday);
  CHECK(prior->observed == 100.0);
  REQUIRE(report.tendon.prior_episode);
  // The plan names the spike's own limit: 1.05 x the longest that was not a spike.
  REQUIRE(report.next_week.max_single_run_m);
  CHECK(*report.next_week.max_single_run_m == Approx(12600.0));
  CHECK_THAT(spike->advice, Catch::Contains("12.6 km"));

  // A year and a day later it no longer counts.
  input.tendon.episodes.front().to = monday - date::days{366};
  input.tendon.episodes.front().from = monday - date::days{400};
  report = analyze(input);
  CHECK(find(report, Rule::single_run_spike) == nullptr);
  CHECK(find(report, Rule::prior_episode) == nullptr);
}

TEST_CASE(
    "analysis: persistent pain of ten months ago, from the year's journal, is a prior "
    "episode",
    "[analyze][modifiers]") {
  const auto monday = k_first + date::weeks{19};
  auto input = steady_input(monday);
  // Seven mornings of stiffness 4, 300 days before the reported Monday: long
  // before the report's own journal window.
  for (int d = 0; d < 7; ++d)
    input.tendon.episode_journal.push_back(morning(monday - date::days{300 - d}, 4));
  const auto report = analyze(input);
  const auto* prior = find(report, Rule::prior_episode);
  REQUIRE(prior);
  CHECK_THAT(prior->message, Catch::Contains("persistent pain"));
  // The old flag itself is not reported: only weeks shown have flags.
  CHECK(find(report, Rule::persistent_pain) == nullptr);
}

TEST_CASE("analysis: a cold run is INFO and leaves the status green", "[analyze][modifiers]") {
  const auto monday = k_first + date::weeks{10};
  auto input = steady_input(monday);
  for (auto& a : input.activities)
    if (a.local_date() == monday + date::days{3})
      a.temperature = model::Temperature{-2.0, model::TemperatureSource::weather};
  auto report = analyze(input);
  const auto* cold = find(report, Rule::cold_run);
  REQUIRE(cold);
  CHECK(cold->date == monday + date::days{3});
  CHECK(report.status.level == StatusLevel::green);
  input.settings.thresholds.cold_run_below_c = -5.0;
  CHECK(find(analyze(input), Rule::cold_run) == nullptr);
}

TEST_CASE("analysis: the tendon records of the weeks shown reach the report", "[analyze][tendon]") {
  const auto monday = k_first + date::weeks{10};
  auto input = steady_input(monday);
  input.weeks = 3;
  model::VisaA before;
  before.date = monday - date::weeks{5};  // before the weeks shown
  before.items = {9, 9, 9, 9, 9, 9, 10};
  before.q8_branch = model::VisaBranch::a;
  before.q8 = 21;
  model::VisaA now = before;
  now.date = monday + date::days{6};
  now.items = {10, 10, 10, 10, 10, 10, 10};
  now.q8 = 30;
  input.tendon.visa_a = {before, now};
  input.tendon.heel_rise = {{monday - date::days{20}, 24, 20}, {monday + date::days{2}, 25, 18}};
  model::RehabSession rehab;
  rehab.date = monday + date::days{1};
  rehab.exercise = "eccentric-heel-drop";
  input.tendon.rehab = {rehab};
  input.tendon.profile.born_year = 1979;
  input.tendon.profile.sex = model::Sex::female;
  const auto report = analyze(input);
  const auto& t = report.tendon;
  REQUIRE(t.visa_a);
  CHECK(t.visa_a->latest.score() == 100);
  CHECK(t.visa_a->previous->score() == 85);
  CHECK(t.visa_a->change == 15);
  CHECK(t.visa_a->change_matters);
  CHECK(t.visa_a_history.size() == 1);  // only the weeks shown
  REQUIRE(t.heel_rise);
  CHECK(t.heel_rise->symmetry_pct.value() == Approx(72.0));
  CHECK(t.heel_rise->baseline_tests == 1);
  CHECK(t.heel_rise->norm->typical == 24);
  CHECK(t.heel_rise_history.size() == 1);  // the earlier test lies before the weeks shown
  CHECK(t.any_rehab);
  CHECK(t.rehab_sessions.size() == 1);
  REQUIRE(t.rehab_weeks.size() == 3);
  CHECK(t.rehab_weeks.back().sessions == 1);
  CHECK(report.weeks.back().rehab_sessions == 1);
  CHECK(t.age == 47);
}
