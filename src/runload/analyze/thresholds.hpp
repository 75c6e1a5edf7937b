#pragma once
// Every default threshold of the rules of DESIGN.md section 2, in one place,
// with the source each one comes from. Ratios are "observed / baseline": a
// rise of more than 10% is a ratio above 1.10.

#include <string_view>

namespace runload::analyze {

// --- Single-run spike: Frandsen et al., Br J Sports Med 2025 --------------------
// Hazard ratios 1.64 (small), 1.52 (moderate) and 2.28 (large spike).
constexpr std::string_view k_source_frandsen = "Frandsen et al., Br J Sports Med 2025";
constexpr int k_single_run_lookback_days = 30;
constexpr double k_single_run_small_spike = 1.10;     // Frandsen 2025: >10%, caution
constexpr double k_single_run_moderate_spike = 1.30;  // Frandsen 2025: >30%, caution
constexpr double k_single_run_large_spike = 2.00;     // Frandsen 2025: >100%, high

// --- Weekly distance jump: Nielsen et al., JOSPT 2014 ---------------------------
constexpr std::string_view k_source_nielsen = "Nielsen et al., JOSPT 2014";
constexpr double k_weekly_distance_jump = 1.30;  // Nielsen 2014: >30%, caution

// --- ACWR: Gabbett, Br J Sports Med 2016; contested --------------------------------
constexpr std::string_view k_source_acwr =
    "Gabbett, Br J Sports Med 2016; contested (Impellizzeri et al. 2020; Frandsen et al. 2025)";
constexpr double k_acwr_info = 1.3;     // Gabbett 2016: above the "sweet spot"
constexpr double k_acwr_caution = 1.5;  // Gabbett 2016: the "danger zone"
constexpr int k_acwr_acute_days = 7;
constexpr int k_acwr_chronic_days = 28;
// Williams et al. 2017: lambda = 2 / (N + 1).
constexpr double k_ewma_acute_lambda = 2.0 / (7.0 + 1.0);
constexpr double k_ewma_chronic_lambda = 2.0 / (28.0 + 1.0);
// Fewer days of history than this and the report says the ratios are warming up.
constexpr int k_warm_up_days = 28;

// --- Speed and hill spikes: the seed sources (Mayo Clinic; physiotherapist) -------
// Biomechanically plausible (Achilles force rises with speed and incline), not
// validated against injury outcomes. Single-session framing after Frandsen 2025.
constexpr std::string_view k_source_speed =
    "Mayo Clinic; sports physiotherapist (rapid increase in speed); single-session framing after "
    "Frandsen et al. 2025";
constexpr std::string_view k_source_hill =
    "Mayo Clinic; sports physiotherapist (rapid increase in uphill running); single-session "
    "framing after Frandsen et al. 2025";
constexpr double k_speed_spike = 1.30;
constexpr double k_speed_spike_min_run_m = 1000.0;
constexpr double k_speed_spike_min_week_m = 2000.0;
constexpr double k_hill_spike = 1.30;
constexpr double k_hill_spike_min_run_gain_m = 100.0;
constexpr double k_hill_spike_min_week_gain_m = 200.0;
// DESIGN.md gives the 100 m / 200 m floors for elevation gain. For uphill
// distance a floor in metres of climb would be met by a few hundred metres of
// gentle slope, so the speed spike's distance floors are reused.
constexpr double k_hill_spike_min_run_uphill_m = 1000.0;
constexpr double k_hill_spike_min_week_uphill_m = 2000.0;
constexpr int k_week_baseline_weeks = 3;

// Fast distance (DESIGN.md section 3): 1.15 x the median moving speed of the
// runs of the 90 days before, unless the athlete configured a threshold.
constexpr double k_fast_speed_factor = 1.15;
constexpr int k_fast_lookback_days = 90;
// Uphill distance: grade of 4% or more.
constexpr double k_uphill_grade_pct = 4.0;

// --- Weekend warrior: the seed sources ------------------------------------------
constexpr std::string_view k_source_seeds = "Mayo Clinic; sports physiotherapist";
constexpr double k_weekend_share = 0.70;  // >= 70% of the distance on Saturday and Sunday
constexpr int k_weekend_max_weekday_runs_per_week = 1;
constexpr int k_weekend_window_weeks = 4;

// --- Return after a break ---------------------------------------------------------
constexpr std::string_view k_source_break =
    "Chronic load is near zero after a break (acute:chronic reasoning, Gabbett 2016)";
constexpr int k_break_days = 14;  // 14 or more days without running

// --- Symptoms: Silbernagel et al., Am J Sports Med 2007 (pain-monitoring model) ---
constexpr std::string_view k_source_silbernagel =
    "Silbernagel et al., Am J Sports Med 2007 (pain-monitoring model)";
constexpr int k_pain_run_caution = 5;            // pain above 5 of 10: caution
constexpr int k_pain_run_high = 8;               // pain of 8 or more: high
constexpr double k_stiffness_not_settled = 2.0;  // >= 2 points above the median
constexpr int k_stiffness_baseline_days = 14;
// Fewer logged mornings than this in the 14 and there is no baseline to trust.
constexpr int k_stiffness_baseline_min_entries = 3;
constexpr double k_stiffness_rising = 1.0;  // >= 1 point above last week's mean
constexpr int k_stiffness_rising_min_entries = 3;

// --- Persistent pain: Mayo Clinic (persistent pain: call your doctor) ----------------
constexpr std::string_view k_source_mayo = "Mayo Clinic (persistent pain around the Achilles)";
constexpr int k_persistent_level = 3;  // stiffness or pain of 3 or more
constexpr int k_persistent_days = 5;   // on 5 of the last 7 days
constexpr int k_persistent_window_days = 7;

// --- Load and symptoms together ----------------------------------------------------
constexpr std::string_view k_source_link =
    "Frandsen et al., Br J Sports Med 2025; Silbernagel et al., Am J Sports Med 2007";
constexpr int k_link_window_days = 3;

// --- Rupture warning: Mayo Clinic; sports physiotherapist ---------------------------
constexpr std::string_view k_source_rupture =
    "Mayo Clinic; sports physiotherapist (a pop or a kick at the back of the heel)";
constexpr int k_rupture_pain = 9;

// --- Next-week envelope (DESIGN.md section 3) ------------------------------------
constexpr double k_envelope_single_run = 1.10;
constexpr int k_envelope_lookback_days = 30;
constexpr double k_envelope_week_low = 0.8;
constexpr double k_envelope_week_high = 1.3;
constexpr int k_envelope_weeks = 3;

// Monotony (Foster 1998) when the daily loads do not vary, and its upper bound.
constexpr double k_monotony_cap = 10.0;

// Ratios are compared with this relative tolerance so that a rise of exactly
// 10% (a ratio that is 1.1 up to rounding) is not "more than 10%".
constexpr double k_ratio_tolerance = 1e-9;

// True when `ratio` is above `threshold` by more than rounding.
constexpr bool above(double ratio, double threshold) noexcept {
  return ratio > threshold * (1.0 + k_ratio_tolerance);
}
// True when `value` reaches `threshold` up to rounding.
constexpr bool at_least(double value, double threshold) noexcept {
  return value >= threshold - 1e-9 * (threshold < 0 ? -threshold : threshold) - 1e-12;
}

}  // namespace runload::analyze
