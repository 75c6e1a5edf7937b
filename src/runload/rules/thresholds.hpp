#pragma once
// The numbers the rules of DESIGN.md section 2 compare against, with the
// source each comes from. Ratios are "observed / baseline": a rise of more
// than 10% is a ratio above 1.10.
//
// Two kinds: Thresholds holds the levels a flag fires at (defaults from the
// sources; a later version lets a runner adjust them within safe ranges),
// and the constants below hold the windows and definitions of DESIGN.md
// section 3, which tests and other tools depend on and nobody adjusts.

namespace runload::rules {

struct Thresholds {
  // --- single_run_spike: Frandsen et al. 2025 (hazard ratios 1.64, 1.52, 2.28)
  double single_run_small = 1.10;     // > 10%: caution (small spike)
  double single_run_moderate = 1.30;  // > 30%: caution (moderate spike)
  double single_run_large = 2.00;     // > 100%: high (large spike)

  // --- weekly_distance_jump: Nielsen et al. 2014
  double weekly_jump = 1.30;  // > 30%: caution

  // --- acwr_high: Gabbett 2016 ("sweet spot" to 1.3, "danger zone" past 1.5)
  double acwr_info = 1.3;
  double acwr_caution = 1.5;

  // --- speed_spike and hill_spike: the seeds; single-session framing after
  // Frandsen 2025. A spike also needs a floor, so tiny amounts never flag.
  double speed_spike = 1.30;
  double speed_spike_min_run_m = 1000.0;
  double speed_spike_min_week_m = 2000.0;
  double hill_spike = 1.30;
  double hill_spike_min_run_gain_m = 100.0;
  double hill_spike_min_week_gain_m = 200.0;
  // DESIGN.md gives the 100 m / 200 m floors for elevation gain. For uphill
  // distance a floor in metres of climb would be met by a few hundred metres
  // of gentle slope, so the speed spike's distance floors are reused.
  double hill_spike_min_run_uphill_m = 1000.0;
  double hill_spike_min_week_uphill_m = 2000.0;

  // Fast distance (DESIGN.md section 3): at or above 1.15 x the median moving
  // speed of the runs of the 90 days before, unless a threshold is set.
  double fast_speed_factor = 1.15;
  // Uphill distance: a grade of 4% or more.
  double uphill_grade_pct = 4.0;

  // --- weekend_warrior: the seeds
  double weekend_share = 0.70;  // >= 70% of the distance on Saturday and Sunday
  int weekend_max_weekday_runs_per_week = 1;

  // --- return_after_break: chronic load is near zero after a break
  int break_days = 14;  // 14 or more days without running

  // --- symptoms: Silbernagel et al. 2007 (pain-monitoring model)
  int pain_run_caution = 5;            // pain above 5 of 10, during or after: caution
  int pain_run_high = 8;               // pain of 8 or more: high
  double stiffness_not_settled = 2.0;  // >= 2 points above the usual median
  double stiffness_rising = 1.0;       // >= 1 point above last week's mean

  // --- persistent_pain: Mayo Clinic (persistent pain: call your doctor)
  int persistent_level = 3;  // stiffness or pain of 3 or more
  int persistent_days = 5;   // on 5 of the last 7 days

  // --- rupture_warning: Mayo Clinic; physiotherapist
  int rupture_pain = 9;  // pain of 9 or more during or after a run

  // --- footwear_transition: the seeds (a rapid change towards a lower heel
  // drop); Malisoux et al. 2016 for what drop alone does
  double drop_lower_mm = 4.0;             // a drop at least 4 mm below the usual shoes'
  double transition_share = 0.30;         // more than 30% of the week in them ...
  double transition_before_share = 0.10;  // ... while under 10% of the 30 days before

  // --- minimalist_volume: Fuller et al. 2017 (pain rose above 35 km a week
  // in a 26-week transition trial)
  double minimalist_week_m = 35000.0;

  // --- shoe_worn: lab cushioning studies (not injury trials); a shoe's own
  // limit wins
  double shoe_limit_m = 800000.0;

  // --- the next-week envelope (DESIGN.md section 3)
  double envelope_single_run = 1.10;  // the longest run of the last 30 days x 1.10
  double envelope_week_low = 0.8;     // the mean of the last 3 weeks x 0.8 ...
  double envelope_week_high = 1.3;    // ... to x 1.3

  // --- cold_run: Mayo Clinic (cold weather); Milgrom et al. 2003. No study
  // gives a temperature: 5 degrees C is runload's choice (report --cold-below).
  double cold_run_below_c = 5.0;  // a run below it: info
};

// --- definitions (DESIGN.md section 3) ------------------------------------------
constexpr int k_single_run_lookback_days = 30;
constexpr int k_acwr_acute_days = 7;
constexpr int k_acwr_chronic_days = 28;
// Williams et al. 2017: lambda = 2 / (N + 1).
constexpr double k_ewma_acute_lambda = 2.0 / (7.0 + 1.0);
constexpr double k_ewma_chronic_lambda = 2.0 / (28.0 + 1.0);
// Fewer days of history than this and the report says the ratios are warming up.
constexpr int k_warm_up_days = 28;
// The week forms of the spike rules compare with the mean of this many weeks.
constexpr int k_week_baseline_weeks = 3;
constexpr int k_fast_lookback_days = 90;
constexpr int k_weekend_window_weeks = 4;
constexpr int k_stiffness_baseline_days = 14;
// Fewer logged mornings than this in the 14 and there is no baseline to trust.
constexpr int k_stiffness_baseline_min_entries = 3;
constexpr int k_stiffness_rising_min_entries = 3;
constexpr int k_persistent_window_days = 7;
constexpr int k_link_window_days = 3;
constexpr int k_envelope_lookback_days = 30;
constexpr int k_envelope_weeks = 3;
// footwear_transition compares a week with the shoes of the 30 days before it.
constexpr int k_footwear_lookback_days = 30;
// The rotation context: the share of the last 8 weeks in the main shoe.
constexpr int k_rotation_weeks = 8;
// A run's moving speed enters the 90-day median of the fast threshold only
// between these: faster than 7 m/s (2:23/km, beyond the 5000 m world-record
// pace of 6.6 m/s) is a sparse track or a tiny moving time, slower than
// 1 m/s (16:40/km) a GPS logger left running; either would move every later
// run's threshold.
constexpr double k_plausible_run_speed_min_mps = 1.0;
constexpr double k_plausible_run_speed_max_mps = 7.0;
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

}  // namespace runload::rules
