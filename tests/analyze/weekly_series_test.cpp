#include <catch2/catch.hpp>

#include <runload/analyze/analysis.hpp>
#include <runload/analyze/fast_threshold.hpp>
#include <runload/analyze/weekly_series.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Activity;

TEST_CASE("weekly_series: ISO weeks across the 2020/2021 boundary", "[analyze][weeks]") {
  CHECK(iso_week_label(ymd(2020, 12, 28)) == "2020-W53");
  CHECK(iso_week_label(ymd(2021, 1, 3)) == "2020-W53");
  CHECK(iso_week_label(ymd(2021, 1, 4)) == "2021-W01");
  CHECK(iso_week_label(ymd(2024, 1, 17)) == "2024-W03");
  CHECK(week_monday(ymd(2021, 1, 1)) == ymd(2020, 12, 28));
  CHECK(week_monday(ymd(2021, 1, 4)) == ymd(2021, 1, 4));
  CHECK(week_monday(ymd(2021, 1, 10)) == ymd(2021, 1, 4));
}

TEST_CASE("weekly_series: a run keeps its local day across midnight UTC", "[analyze][weeks]") {
  // Sunday 2021-01-03 23:30 at UTC+1 is 22:30 UTC: it stays in 2020-W53.
  auto late = run_on(ymd(2021, 1, 3), 10.0, 22);
  late.start_utc += std::chrono::minutes{30};
  late.utc_offset = std::chrono::hours{1};
  // Monday 2021-01-04 00:30 at UTC+2 is Sunday 22:30 UTC: it belongs to 2021-W01.
  auto early = run_on(ymd(2021, 1, 3), 5.0, 22);
  early.start_utc += std::chrono::minutes{30};
  early.utc_offset = std::chrono::hours{2};

  AnalysisInput input;
  input.activities = {late, early};
  input.week = ymd(2021, 1, 4);
  input.weeks = 2;
  input.first_day = ymd(2021, 1, 3);
  const auto report = analyze(input);
  REQUIRE(report.weeks.size() == 2);
  CHECK(report.weeks[0].summary.iso == "2020-W53");
  CHECK(report.weeks[0].summary.distance_m == Approx(10000.0));
  CHECK(report.weeks[1].summary.iso == "2021-W01");
  CHECK(report.weeks[1].summary.distance_m == Approx(5000.0));
  CHECK(report.week.summary.start == ymd(2021, 1, 4));
  CHECK(report.week.summary.end == ymd(2021, 1, 10));
  // 5 km against 10 km: -50%.
  CHECK(*report.week.week_change_pct == Approx(-50.0));
}

TEST_CASE("weekly_series: days are zero-filled and weeks without runs are 0", "[analyze][weeks]") {
  AnalysisInput input;
  input.activities = {run_on(ymd(2024, 1, 10), 8.0), run_on(ymd(2024, 1, 12), 4.0),
                      run_on(ymd(2024, 1, 12), 2.0, 18)};
  input.week = ymd(2024, 1, 8);
  input.weeks = 3;
  // History began before the weeks shown (weeks before it are not shown).
  input.first_day = ymd(2023, 12, 20);
  const auto report = analyze(input);

  REQUIRE(report.days.size() == 7);
  CHECK(report.days[0].date == ymd(2024, 1, 8));
  CHECK(report.days[0].distance_m == 0.0);
  CHECK(report.days[0].runs == 0);
  CHECK(report.days[2].distance_m == Approx(8000.0));
  CHECK(report.days[4].distance_m == Approx(6000.0));
  CHECK(report.days[4].runs == 2);
  CHECK(report.days[6].distance_m == 0.0);

  REQUIRE(report.weeks.size() == 3);
  const auto& empty = report.weeks[0].summary;
  CHECK(empty.iso == "2023-W52");
  CHECK(empty.runs == 0);
  CHECK(empty.distance_m == 0.0);
  CHECK(*empty.fast_distance_m == 0.0);
  CHECK_FALSE(report.weeks[0].monotony.has_value());

  const auto& week = report.week.summary;
  CHECK(week.runs == 3);
  CHECK(week.distance_m == Approx(14000.0));
  CHECK(week.longest_run_m == Approx(8000.0));
  // 14000 m at 3 m/s: 4666 s, summed per run as 2666 + 1333 + 666.
  CHECK(week.duration->count() == 2666 + 1333 + 666);
  // Runs without tracks or elevation: unknown, not 0.
  CHECK_FALSE(week.fast_distance_m.has_value());
  CHECK_FALSE(week.uphill_distance_m.has_value());
  CHECK_FALSE(week.elevation_gain_m.has_value());
  CHECK_FALSE(week.mean_morning_stiffness.has_value());
  CHECK_FALSE(report.week.week_change_pct.has_value());
  CHECK(report.warming_up);
}

TEST_CASE("fast_threshold: 1.15 x the median moving speed of the 90 days before",
          "[analyze][fast]") {
  auto slow = run_on(ymd(2024, 3, 1), 10.0);
  slow.moving = std::chrono::seconds{4000};  // 2.5 m/s
  auto mid = run_on(ymd(2024, 3, 2), 9.0);   // 3.0 m/s
  auto quick = run_on(ymd(2024, 3, 3), 7.0);
  quick.moving = std::chrono::seconds{2000};  // 3.5 m/s
  auto old = run_on(ymd(2023, 12, 1), 7.0);   // more than 90 days before
  old.moving = std::chrono::seconds{1000};    // 7 m/s, would move the median
  // The run: 1000 m at 3.4 m/s (below 3.45) and 1000 m at 3.5 m/s.
  auto target = run_on(ymd(2024, 3, 5), 2.0);
  auto h = runload::model::make_speed_histogram();
  h.add(3.4, 1000.0, runload::model::k_speed_max_bins);
  h.add(3.5, 1000.0, runload::model::k_speed_max_bins);
  target.speed_histogram = h;

  const std::vector<Activity> acts{old, slow, mid, quick, target};
  const auto runs = collect_runs(acts, std::nullopt);
  REQUIRE(runs.size() == 5);
  // median(2.5, 3.0, 3.5) = 3.0; x 1.15 = 3.45.
  CHECK(*runs[4].fast_threshold_mps == Approx(3.45));
  CHECK(*runs[4].fast_distance_m == Approx(1000.0));
  // The first run has no run before it: no threshold, no fast distance.
  CHECK_FALSE(runs[0].fast_threshold_mps.has_value());

  const auto configured = collect_runs(acts, 3.3);
  CHECK(*configured[4].fast_distance_m == Approx(2000.0));
  const std::vector<double> even{1.0, 4.0, 2.0, 3.0};
  CHECK(*median(even) == Approx(2.5));
}

TEST_CASE("weekly_series: uphill distance is the distance at grade 4% or more",
          "[analyze][weeks]") {
  auto a = run_on(ymd(2024, 1, 9), 10.0);
  auto g = runload::model::make_grade_histogram();
  g.add(3.9, 4000.0, runload::model::k_grade_max_bins);
  g.add(4.0, 1500.0, runload::model::k_grade_max_bins);
  g.add(12.0, 500.0, runload::model::k_grade_max_bins);
  g.add(-6.0, 4000.0, runload::model::k_grade_max_bins);
  a.grade_histogram = g;
  a.speed_histogram = runload::model::make_speed_histogram();
  const std::vector<Activity> acts{a};
  const auto runs = collect_runs(acts, std::nullopt);
  const JournalDays journal;
  const auto week = summarize_week(runs, journal, ymd(2024, 1, 8));
  CHECK(*week.uphill_distance_m == Approx(2000.0));
  // A track but no earlier run for a threshold: fast distance stays unknown.
  CHECK_FALSE(week.fast_distance_m.has_value());
}
