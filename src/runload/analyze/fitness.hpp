#pragma once
// Fitness, fatigue and form (Banister's impulse-response model as the
// performance-management charts of GoldenCheetah and TrainingPeaks draw it):
// CTL and ATL are exponentially weighted averages of the daily load with
// time constants of 42 and 7 days and the smoothing factor
// k = 1 - exp(-1 / tau),
//   CTL(d) = CTL(d-1) + k42 * (load(d) - CTL(d-1)), from 0 before history;
// TSB, "form", is dated the TrainingPeaks way: the form you start a day with,
// TSB(d) = CTL(d-1) - ATL(d-1). The load is the day's running distance, or,
// for the series on heart rate, the day's Banister TRIMP (trimp.hpp): the
// same function over a DailySeries of TRIMP, whose FitnessDay then holds
// TRIMP where it says metres.
//
// This is a convention for describing training, not a measure of injury
// risk: runload shows it as context and raises no flag on it.

#include <optional>
#include <vector>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>

namespace runload::analyze {

inline constexpr double k_ctl_days = 42.0;
inline constexpr double k_atl_days = 7.0;

// 1 - exp(-1 / tau).
double ewma_factor(double tau_days) noexcept;

struct FitnessDay {
  date::sys_days day{};
  double load_m = 0.0;  // the day's running distance
  double ctl_m = 0.0;   // fitness, metres a day, after the day
  double atl_m = 0.0;   // fatigue, metres a day, after the day
  double tsb_m = 0.0;   // form at the start of the day: CTL - ATL of the day before
};

// One value per day of `daily`, first to last.
std::vector<FitnessDay> fitness_series(const DailySeries& daily);

// The change of CTL over the 7 days ending on `day` (the weekly ramp):
// CTL(day) - CTL(day - 7); nullopt when the series does not hold both.
std::optional<double> ctl_ramp(const std::vector<FitnessDay>& series, date::sys_days day);

}  // namespace runload::analyze
