#include <runload/analyze/trimp.hpp>

#include <algorithm>
#include <cmath>

#include <runload/model/sport.hpp>

namespace runload::analyze {

std::optional<HeartRateReserve> heart_rate_reserve(const model::AthleteProfile& profile) noexcept {
  if (!profile.hr_rest_bpm || !profile.hr_max_bpm || *profile.hr_rest_bpm >= *profile.hr_max_bpm)
    return std::nullopt;
  return HeartRateReserve{static_cast<double>(*profile.hr_rest_bpm),
                          static_cast<double>(*profile.hr_max_bpm)};
}

const TrimpFactor& trimp_factor(std::optional<model::Sex> sex) noexcept {
  return sex == model::Sex::female ? k_trimp_women : k_trimp_men;
}

double reserve_fraction(double hr_bpm, const HeartRateReserve& reserve) noexcept {
  return std::clamp((hr_bpm - reserve.rest_bpm) / (reserve.max_bpm - reserve.rest_bpm), 0.0, 1.0);
}

double banister_trimp(const model::Histogram& time_by_heart_rate, const HeartRateReserve& reserve,
                      const TrimpFactor& factor) noexcept {
  double trimp = 0.0;
  for (std::size_t i = 0; i < time_by_heart_rate.metres.size(); ++i) {
    const double seconds = time_by_heart_rate.metres[i];
    if (seconds <= 0.0) continue;
    const double x = reserve_fraction(model::bin_centre(time_by_heart_rate, i), reserve);
    trimp += seconds / 60.0 * x * factor.a * std::exp(factor.b * x);
  }
  return trimp;
}

TrimpHistory trimp_history(std::span<const model::Activity> activities, date::sys_days first,
                           date::sys_days last, const HeartRateReserve& reserve,
                           const TrimpFactor& factor) {
  TrimpHistory history{DailySeries(first, last), {}};
  for (const auto& activity : activities) {
    if (!model::is_running(activity.sport)) continue;
    const auto day = activity.local_date();
    if (day < first || day > last) continue;
    const auto& histogram = activity.heart_rate_histogram;
    history.runs.push_back({day, histogram.has_value()});
    if (histogram) history.daily.add(day, banister_trimp(*histogram, reserve, factor));
  }
  return history;
}

std::pair<int, int> trimp_coverage(const TrimpHistory& history, date::sys_days day,
                                   int days) noexcept {
  const auto from = day - date::days{days - 1};
  int runs = 0;
  int with_heart_rate = 0;
  for (const auto& run : history.runs) {
    if (run.day < from || run.day > day) continue;
    ++runs;
    if (run.heart_rate) ++with_heart_rate;
  }
  return {runs, with_heart_rate};
}

}  // namespace runload::analyze
