#pragma once
// Banister's training impulse (TRIMP), the heart-rate load of a run, from
// the time-by-heart-rate histogram kept at import (model/histogram.hpp), so
// that the athlete's resting and maximum heart rate can be set or changed at
// any time without a re-import:
//
//   TRIMP = sum over bins of minutes x HRr x a x e^(b x HRr),
//   HRr = (HR - HRrest) / (HRmax - HRrest), clamped to [0, 1],
//
// with a = 0.64, b = 1.92 for men and a = 0.86, b = 1.67 for women (Morton,
// Fitz-Clarke and Banister 1990, J Appl Physiol 69:1171-1177; Banister 1991,
// "Modeling elite athletic performance", in Physiological Testing of the
// High-Performance Athlete, Human Kinetics). The weighting follows the rise
// of blood lactate with the heart-rate reserve, so an hour near threshold
// counts several times an hour of easy running.
//
// When the athlete's sex is unknown the men's factor is used: the one of the
// original derivation, and the lower of the two at every HRr (the women's
// is 5 to 34% higher), so an unknown sex never adds load.

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>
#include <runload/analyze/fitness.hpp>
#include <runload/model/activity.hpp>
#include <runload/model/histogram.hpp>
#include <runload/model/tendon.hpp>

namespace runload::analyze {

// The athlete's resting and maximum heart rate, beats per minute.
// REQUIRES: rest_bpm < max_bpm.
struct HeartRateReserve {
  double rest_bpm = 0.0;
  double max_bpm = 0.0;
};

// The reserve of `profile` when both rates are set and rest < max.
std::optional<HeartRateReserve> heart_rate_reserve(const model::AthleteProfile& profile) noexcept;

// a x e^(b x HRr) of Banister's weighting.
struct TrimpFactor {
  double a = 0.0;
  double b = 0.0;
  std::string_view name;  // "men", "women"
};
inline constexpr TrimpFactor k_trimp_men{0.64, 1.92, "men"};
inline constexpr TrimpFactor k_trimp_women{0.86, 1.67, "women"};

// The factor for `sex`; k_trimp_men when it is unknown.
const TrimpFactor& trimp_factor(std::optional<model::Sex> sex) noexcept;

// (hr - rest) / (max - rest), clamped to [0, 1].
double reserve_fraction(double hr_bpm, const HeartRateReserve& reserve) noexcept;

// TRIMP of a time-by-heart-rate histogram (seconds per bin; each bin at its
// centre, the whole beat its readings had).
double banister_trimp(const model::Histogram& time_by_heart_rate, const HeartRateReserve& reserve,
                      const TrimpFactor& factor) noexcept;

// The heart-rate load of a history: TRIMP a day, the runs of each day and
// whether each had heart rate. A run without a heart-rate histogram adds 0:
// nothing is guessed for it, and the coverage says how many there were.
struct TrimpHistory {
  DailySeries daily;  // TRIMP a day (DailySeries' "metres" hold TRIMP here)
  struct RunDay {
    date::sys_days day{};
    bool heart_rate = false;
  };
  std::vector<RunDay> runs;  // every run of [first, last], in input order
};

// The running activities of `activities` whose local day is in [first, last].
// REQUIRES: first <= last.
TrimpHistory trimp_history(std::span<const model::Activity> activities, date::sys_days first,
                           date::sys_days last, const HeartRateReserve& reserve,
                           const TrimpFactor& factor);

// The days the coverage counts runs over, ending on the reported day: the
// CTL's time constant.
inline constexpr int k_trimp_coverage_days = 42;

// Fitness, fatigue and form on TRIMP at the end of a day, and what they rest on.
struct HeartRateFitness {
  FitnessDay fitness;  // in TRIMP a day (the fields named _m hold TRIMP here)
  std::optional<double> ctl_ramp;
  HeartRateReserve reserve;
  std::string_view factor;       // "men" or "women"
  bool sex_known = false;        // false: the men's factor stood in
  int runs = 0;                  // runs of the k_trimp_coverage_days ending the day
  int runs_with_heart_rate = 0;  // of which with a heart-rate histogram
};

// The runs of the `days` days ending on `day` (inclusive): how many, and how
// many with heart rate.
std::pair<int, int> trimp_coverage(const TrimpHistory& history, date::sys_days day,
                                   int days = k_trimp_coverage_days) noexcept;

}  // namespace runload::analyze
