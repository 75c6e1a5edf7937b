#pragma once
// Reports for the renderer tests: one analysed from a small history with
// flags of every severity, and one built by hand with unknown values.

#include <vector>

#include <runload/analyze/analysis.hpp>
#include <runload/report/report_meta.hpp>

#include "analyze/builders.hpp"

namespace runload::report::test {

using analyze::test::morning;
using analyze::test::run_on;
using analyze::test::with_gain;
using analyze::test::with_grade;
using analyze::test::with_speed;
using analyze::test::ymd;

// 6 weeks of 3 runs from Monday 2024-01-01, then a week with a 2.5x long
// run, a hilly fast run, unsettled stiffness, pain 8 during a run and a pop.
inline analyze::Report analysed_report(int weeks = 8) {
  analyze::AnalysisInput input;
  const auto first = ymd(2024, 1, 1);
  for (int w = 0; w < 6; ++w) {
    const auto monday = first + date::weeks{w};
    input.activities.push_back(with_gain(run_on(monday + date::days{1}, 6.0), 40.0));
    input.activities.push_back(
        with_gain(with_grade(with_speed(run_on(monday + date::days{3}, 8.0), 800.0), 400.0), 60.0));
    input.activities.push_back(with_gain(run_on(monday + date::days{6}, 10.0), 80.0));
    for (int d = 0; d < 7; ++d) input.journal.push_back(morning(monday + date::days{d}, 1));
  }
  const auto monday = first + date::weeks{6};
  input.activities.push_back(with_gain(
      with_grade(with_speed(run_on(monday + date::days{1}, 8.0), 4000.0), 3000.0), 300.0));
  input.activities.push_back(with_gain(run_on(monday + date::days{2}, 25.0), 90.0));
  const std::vector<std::pair<int, int>> mornings{{0, 1}, {1, 1}, {2, 2}, {3, 5}, {4, 4}, {5, 4}};
  for (const auto& [d, s] : mornings) input.journal.push_back(morning(monday + date::days{d}, s));
  input.journal[input.journal.size() - 3].pain_run = 8;
  input.journal.back().pop = true;
  input.journal.back().note = "\x1b[31m sharp pain at the heel <b> on the stairs";
  input.week = monday;
  input.weeks = weeks;
  input.first_day = first;
  return analyze::analyze(input);
}

// One week, nothing known beyond the counts.
inline analyze::Report unknown_report() {
  analyze::Report r;
  r.week.summary.iso = "2024-W03";
  r.week.summary.start = ymd(2024, 1, 15);
  r.week.summary.end = ymd(2024, 1, 21);
  r.week.summary.runs = 1;
  r.week.summary.distance_m = 5000.0;
  r.week.summary.longest_run_m = 5000.0;
  r.weeks.push_back(r.week);
  for (int d = 0; d < 7; ++d)
    r.days.push_back({r.week.summary.start + date::days{d}, 0, 0.0, {}, {}});
  model::Flag f;
  f.rule = runload::model::Rule::return_after_break;
  f.severity = model::Severity::info;
  f.date = ymd(2024, 1, 16);
  f.message = "First run after a break.";
  f.source = "test";
  r.flags.push_back(f);
  r.warming_up = true;
  return r;
}

inline ReportMeta meta(std::string name = "Ada") {
  return {std::move(name), "Europe/Berlin", ymd(2024, 1, 1)};
}

}  // namespace runload::report::test
