#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include <runload/analyze/analysis.hpp>
#include <runload/rules/catalogue.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Activity;
using runload::model::JournalEntry;
using runload::model::Severity;

namespace {

const auto k_first = ymd(2024, 1, 1);  // a Monday

// 20 weeks of 4 runs, the weekly distance growing 5% a week from 20 km:
// Tuesday 20%, Thursday 25%, Saturday 20%, Sunday (the long run) 35%; each
// with a track (10% of it fast, 5% uphill) and 10 m of climb per km. History
// opens on the first Monday with a run as long as the week before's long run
// would have been (0.35 x 20 / 1.05 km), so that no run of the first week is
// a jump from a shorter one.
std::vector<Activity> steady_build() {
  std::vector<Activity> acts;
  const double lead_km = 0.35 * 20.0 / 1.05;
  acts.push_back(
      with_gain(with_grade(with_speed(run_on(k_first, lead_km), lead_km * 100.0), lead_km * 50.0),
                lead_km * 10.0));
  for (int w = 0; w < 20; ++w) {
    const double week_km = 20.0 * std::pow(1.05, w);
    const auto monday = k_first + date::weeks{w};
    for (const auto& [offset, share] :
         {std::pair{1, 0.20}, std::pair{3, 0.25}, std::pair{5, 0.20}, std::pair{6, 0.35}}) {
      const double km = week_km * share;
      auto a =
          with_grade(with_speed(run_on(monday + date::days{offset}, km), km * 100.0), km * 50.0);
      acts.push_back(with_gain(a, km * 10.0));
    }
  }
  return acts;
}

}  // namespace

TEST_CASE("analysis: a steady +5% a week build raises no flag", "[analyze]") {
  AnalysisInput input;
  input.activities = steady_build();
  input.first_day = k_first;
  for (int w = 0; w < 20; ++w) {
    input.week = k_first + date::weeks{w};
    const auto report = analyze(input);
    INFO("week " << report.week.summary.iso);
    CHECK(report.flags.empty());
    for (const auto& row : report.weeks) CHECK(row.flag_count == 0);
    // Sunday of week w is day 7w + 7 of history: warming up below 28 days.
    CHECK(report.warming_up == (w < 3));
  }
  input.week = k_first + date::weeks{19};
  const auto report = analyze(input);
  const double week_km = 20.0 * std::pow(1.05, 19);
  CHECK(report.week.summary.runs == 4);
  CHECK(report.week.summary.distance_m == Approx(week_km * 1000.0));
  CHECK(report.week.summary.longest_run_m == Approx(week_km * 350.0));
  CHECK(*report.week.summary.fast_distance_m == Approx(week_km * 100.0));
  CHECK(*report.week.summary.uphill_distance_m == Approx(week_km * 50.0));
  CHECK(*report.week.summary.elevation_gain_m == Approx(week_km * 10.0));
  CHECK(*report.week.week_change_pct == Approx(5.0));
  // 1.05^3 / mean(1, 1.05, 1.05^2) = 1.157625 / 1.050833 = 1.1016
  CHECK(*report.week.acwr_uncoupled == Approx(1.157625 / (3.1525 / 3.0)));
  REQUIRE(report.weeks.size() == 8);
  CHECK(report.weeks.front().summary.iso == "2024-W13");
  CHECK(report.weeks.back().summary.iso == "2024-W20");
  // Envelope: 1.10 x this week's long run; 0.8 / 1.3 x mean(1.05^17..19) x 20 km,
  // named to 0.1 km (the upper limits rounded down, the lower to the nearest).
  const auto down = [](double m) { return std::floor(m / 100.0) * 100.0; };
  const auto nearest = [](double m) { return std::round(m / 100.0) * 100.0; };
  CHECK(*report.next_week.max_single_run_m == Approx(down(1.10 * week_km * 350.0)));
  const double mean_m = 20000.0 * (std::pow(1.05, 17) + std::pow(1.05, 18) + week_km / 20.0) / 3.0;
  CHECK(*report.next_week.distance_low_m == Approx(nearest(0.8 * mean_m)));
  CHECK(*report.next_week.distance_high_m == Approx(down(1.3 * mean_m)));
  // No journal: symptoms unknown, not 0.
  CHECK(report.symptoms.days_logged == 0);
  CHECK_FALSE(report.symptoms.mean_morning_stiffness.has_value());
  CHECK_FALSE(report.symptoms.max_pain_run.has_value());
}

TEST_CASE(
    "analysis: a spike then unsettled stiffness links, the week's flags and a standing pop, worst "
    "first",
    "[analyze]") {
  AnalysisInput input;
  std::vector<JournalEntry> journal;
  // Four weeks of 10 km every other day, stiffness 1 every morning.
  const auto monday = k_first + date::weeks{4};
  for (auto day = k_first; day < monday + date::days{5}; day += date::days{1}) {
    if ((day - k_first).count() % 2 == 0) input.activities.push_back(run_on(day, 10.0));
    journal.push_back(morning(day, 1));
  }
  // A 14 km run on Saturday (+40%: moderate spike), stiffness 4 on Sunday.
  const auto saturday = monday + date::days{5};
  input.activities.push_back(run_on(saturday, 14.0));
  journal.push_back(morning(saturday, 1));
  journal.push_back(morning(saturday + date::days{1}, 4, 6));
  // A pop in the week before, outside the reported week.
  auto pop = morning(monday - date::days{3}, 1);
  pop.pop = true;
  journal.push_back(pop);
  input.journal = journal;
  input.week = monday;
  input.weeks = 2;
  input.first_day = k_first;
  const auto report = analyze(input);

  std::vector<std::string> rules;
  for (const auto& flag : report.flags) rules.emplace_back(runload::rules::id(flag.rule));
  CHECK(std::count(rules.begin(), rules.end(), "single_run_spike") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "stiffness_not_settled") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "load_symptom_link") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "pain_during_run") == 1);
  // The pop of the week before stands until an assessment: it comes first,
  // as an ongoing flag, and makes the status red.
  REQUIRE(std::count(rules.begin(), rules.end(), "rupture_warning") == 1);
  CHECK(report.flags.front().rule == runload::model::Rule::rupture_warning);
  CHECK(report.flags.front().ongoing);
  CHECK(report.flags.front().date == monday - date::days{3});
  CHECK(report.status.level == StatusLevel::red);
  CHECK(report.next_week.withheld);
  for (const auto& flag : report.flags) {
    if (flag.ongoing) continue;
    CHECK(flag.date >= monday);
    CHECK(flag.date <= monday + date::days{6});
  }
  // Worst first, then by date.
  CHECK(std::is_sorted(report.flags.begin(), report.flags.end(), [](const auto& a, const auto& b) {
    return a.severity > b.severity || (a.severity == b.severity && a.date < b.date);
  }));
  REQUIRE(report.weeks.size() == 2);
  CHECK(report.weeks[0].flag_count == 1);  // the pop
  CHECK(report.weeks[1].flag_count == static_cast<int>(report.flags.size()) - 1);
  CHECK(report.symptoms.days_logged == 7);
  CHECK(*report.symptoms.max_pain_run == 6);
  // (6 x 1 + 4) / 7
  CHECK(*report.symptoms.mean_morning_stiffness == Approx(10.0 / 7.0));
  CHECK(*report.symptoms.prev_mean_morning_stiffness == Approx(1.0));
  CHECK(report.days[6].journal->stiffness == 4);
  CHECK_FALSE(report.warming_up);
}

TEST_CASE("analysis: the history window the caller passes", "[analyze]") {
  // Reported week 2024-W20 (Monday 2024-05-13), 8 weeks: first shown Monday
  // 2024-03-25; activities from 365 days before it, journal from 14 days.
  CHECK(history_start(ymd(2024, 5, 15), 8) == ymd(2024, 3, 25) - date::days{365});
  CHECK(journal_start(ymd(2024, 5, 15), 8) == ymd(2024, 3, 11));
}

TEST_CASE("analysis: the EWMA from a 365-day window matches the full history", "[analyze]") {
  AnalysisInput full;
  full.first_day = ymd(2020, 1, 1);
  for (auto day = full.first_day; day < ymd(2024, 5, 20); day += date::days{1}) {
    const auto n = (day - full.first_day).count();
    if (n % 3 != 0) full.activities.push_back(run_on(day, 5.0 + static_cast<double>(n % 7)));
  }
  full.week = ymd(2024, 5, 13);
  full.weeks = 1;
  AnalysisInput window = full;
  const auto start = history_start(full.week, full.weeks);
  std::erase_if(window.activities, [&](const Activity& a) { return a.local_date() < start; });
  const auto exact = analyze(full).week.acwr_ewma;
  const auto windowed = analyze(window).week.acwr_ewma;
  REQUIRE(exact);
  REQUIRE(windowed);
  CHECK(*windowed == Approx(*exact).epsilon(1e-6));
}

namespace {

using runload::model::Rule;

std::vector<std::string> rule_ids(const Report& report) {
  std::vector<std::string> ids;
  for (const auto& f : report.flags) ids.emplace_back(runload::rules::id(f.rule));
  return ids;
}

}  // namespace

TEST_CASE("analysis: a history that begins with a 27 km week raises no load flag in it",
          "[analyze][warm_up]") {
  AnalysisInput input;
  const auto monday = ymd(2024, 5, 13);
  input.activities = {run_on(monday + date::days{1}, 10.0), run_on(monday + date::days{3}, 5.0),
                      run_on(monday + date::days{6}, 12.0)};
  input.week = monday;
  input.first_day = monday + date::days{1};
  const auto report = analyze(input);
  CHECK(report.flags.empty());
  CHECK(report.status.level == StatusLevel::green);
  REQUIRE(report.weeks.size() == 1);  // nothing drawn before the history
  // The envelope is the first week's own: 0.8-1.3 x 27 km, not x 9.
  CHECK(report.next_week.weeks_averaged == 1);
  CHECK(*report.next_week.distance_low_m == Approx(21'600.0));
  CHECK(*report.next_week.distance_high_m == Approx(35'100.0));
  CHECK_FALSE(report.pending.empty());
}

TEST_CASE(
    "analysis: fast distance counts the runs with a track, and a sparse track moves no "
    "threshold",
    "[analyze][fast]") {
  AnalysisInput input;
  const auto monday = ymd(2024, 5, 13);
  // Eight weeks of 10 km runs at 3 m/s without a track set the threshold:
  // 1.15 x 3.0 = 3.45 m/s.
  for (int w = -8; w < 0; ++w) input.activities.push_back(run_on(monday + date::weeks{w}, 10.0));
  // The reported week: one run with a track (2 km at 4.5 m/s, fast), two
  // without.
  input.activities.push_back(with_speed(run_on(monday, 10.0), 2000.0));
  input.activities.push_back(run_on(monday + date::days{2}, 8.0));
  // A sparse track: 9 km in 30 s of moving time (300 m/s).
  auto sparse = run_on(monday + date::days{4}, 9.0);
  sparse.moving = std::chrono::seconds{30};
  input.activities.push_back(sparse);
  input.week = monday;
  input.first_day = monday - date::weeks{8};
  const auto report = analyze(input);
  const auto& week = report.week.summary;
  CHECK(week.runs == 3);
  CHECK(week.runs_with_fast == 1);
  CHECK(*week.fast_distance_m == Approx(2000.0));
  REQUIRE(report.week.fast_threshold_mps);
  // The sparse run's 300 m/s never enters the 90-day median.
  CHECK(*report.week.fast_threshold_mps == Approx(1.15 * 3.0).epsilon(0.001));
}

TEST_CASE("analysis: a pop stands in every later report until an assessment", "[analyze][status]") {
  const auto monday = ymd(2024, 5, 13);
  const auto saturday = monday + date::days{5};
  AnalysisInput input;
  for (int w = -6; w <= 1; ++w) input.activities.push_back(run_on(monday + date::weeks{w}, 8.0));
  auto pop = morning(saturday, 2);
  pop.pop = true;
  input.first_day = monday - date::weeks{6};
  const auto at = [&](date::sys_days week, std::vector<JournalEntry> journal,
                      std::vector<JournalEntry> before = {}) {
    input.week = week;
    input.journal = std::move(journal);
    input.red_flag_history = std::move(before);
    return analyze(input);
  };
  // The week of the pop: red, plan withheld.
  auto report = at(monday, {pop});
  CHECK(report.status.level == StatusLevel::red);
  CHECK(report.status.rule == Rule::rupture_warning);
  CHECK(report.status.since == saturday);
  CHECK(report.next_week.withheld);
  // Three weeks later, the pop outside the journal window, from the red-flag
  // history: still red, the flag ongoing.
  report = at(monday + date::weeks{3}, {}, {pop});
  CHECK(report.status.level == StatusLevel::red);
  REQUIRE_FALSE(report.flags.empty());
  CHECK(report.flags.front().ongoing);
  CHECK(report.flags.front().date == saturday);
  // Assessed on the Tuesday after: the week after that is no longer red.
  auto assessed = morning(monday + date::days{8}, 1);
  assessed.assessed = true;
  report = at(monday + date::weeks{2}, {}, {pop, assessed});
  CHECK(report.status.level == StatusLevel::green);
  const auto ids = rule_ids(report);  // one vector: begin and end of two temporaries was UB
  CHECK(std::count(ids.begin(), ids.end(), "rupture_warning") == 0);
  CHECK_FALSE(report.next_week.withheld);
  // The week holding the assessment speaks as of its Sunday: settled, the
  // flag listed as assessed.
  report = at(monday + date::weeks{1}, {pop, assessed});
  CHECK(report.status.level == StatusLevel::green);
  REQUIRE_FALSE(report.flags.empty());
  CHECK(report.flags.front().rule == Rule::rupture_warning);
  CHECK(report.flags.front().assessed_on == monday + date::days{8});
  // The week of the pop itself stays what it said on its Sunday: red.
  report = at(monday, {pop, assessed});
  CHECK(report.status.level == StatusLevel::red);
}

TEST_CASE("analysis: days after today are not reported, and a week not begun says so",
          "[analyze]") {
  AnalysisInput input;
  const auto monday = ymd(2024, 5, 13);
  input.activities = {run_on(monday - date::weeks{2}, 8.0)};
  input.first_day = monday - date::weeks{2};
  input.week = monday;
  input.today = monday + date::days{2};  // Wednesday
  auto report = analyze(input);
  CHECK(report.days.size() == 3);
  CHECK(report.as_of == monday + date::days{2});
  CHECK_FALSE(report.not_begun);
  input.today = monday - date::days{1};
  report = analyze(input);
  CHECK(report.not_begun);
  CHECK(report.days.empty());
}
