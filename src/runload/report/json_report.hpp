#pragma once
// The `report --json` document of DESIGN.md section 6. Pure: values in, a
// string out.
//
// Keys, in this order: athlete, timezone, status {level, headline, rule,
// since}, week {iso, start, end, begun}, as_of, first_run_date, warming_up,
// pending_baselines [{rule, ready_on, why}], load {runs, distance_km,
// duration_s, longest_run_km, elevation_gain_m, fast_distance_km,
// uphill_distance_km, runs_with_fast, runs_with_uphill,
// fast_threshold_pace_s_per_km, prev_week_distance_km, week_change_pct,
// acwr_uncoupled, acwr_coupled, acwr_ewma, monotony, strain}, weeks [{iso,
// start, distance_km, longest_run_km, elevation_gain_m, fast_distance_km,
// uphill_distance_km, mean_morning_stiffness, runs, flags, acwr_uncoupled,
// strain, rehab_sessions}], symptoms {days_logged, mean_morning_stiffness,
// prev_mean_morning_stiffness, max_pain_run}, days [{date, runs,
// distance_km, stiffness, stiffness_minutes, pain_run, pain_after, swelling,
// pop, assessed, day_before {runs, distance_km, over_longest_pct,
// pace_s_per_km, elevation_gain_m} or null}], response {mornings,
// worse_mornings, findings [{trait, worse_with, worse, other_with, other,
// text}]}, flags [{rule, severity, evidence, date, activity_id, observed,
// baseline, ratio, unit, message, advice, source, ongoing, assessed_on}]
// worst first then by date, next_week {max_single_run_km, distance_km_low,
// distance_km_high, withheld, reason, limits, weeks_averaged}, tendon
// (report/tendon_json.hpp), disclaimer.
// The keys of DESIGN.md section 6 keep their names; the others are additions.
//
// Units and rounding: km to 3 decimals, metres of climb to 1, seconds as
// integers, ratios and monotony to 3, stiffness means to 2, percentages to
// 1. `strain` is weekly distance in km x monotony (Foster 1998 with distance
// as the load), to 1. A flag's observed and baseline are in its `unit`: "km"
// (distance), "m" (climb), "share" (0-1), "points" (0-10 scale) or "days".
// Unknown values are null, never 0; a withheld next week has null numbers.

#include <string>

#include <nlohmann/json.hpp>

#include <runload/analyze/analysis.hpp>
#include <runload/report/report_meta.hpp>

namespace runload::report {

nlohmann::ordered_json to_json(const ReportMeta& meta, const analyze::Report& report);

// to_json() as text, indented by 2, ending without a newline; bytes that are
// not UTF-8 in names or notes become U+FFFD.
std::string json_report(const ReportMeta& meta, const analyze::Report& report);

}  // namespace runload::report
