#include <runload/analyze/fitness.hpp>

#include <cmath>

namespace runload::analyze {

double ewma_factor(double tau_days) noexcept {
  return 1.0 - std::exp(-1.0 / tau_days);
}

std::vector<FitnessDay> fitness_series(const DailySeries& daily) {
  std::vector<FitnessDay> out;
  const double k_ctl = ewma_factor(k_ctl_days);
  const double k_atl = ewma_factor(k_atl_days);
  double ctl = 0.0;
  double atl = 0.0;
  for (auto day = daily.first(); day <= daily.last(); day += date::days{1}) {
    FitnessDay f;
    f.day = day;
    f.load_m = daily.at(day);
    f.tsb_m = ctl - atl;
    ctl += k_ctl * (f.load_m - ctl);
    atl += k_atl * (f.load_m - atl);
    f.ctl_m = ctl;
    f.atl_m = atl;
    out.push_back(f);
  }
  return out;
}

std::optional<double> ctl_ramp(const std::vector<FitnessDay>& series, date::sys_days day) {
  if (series.empty()) return std::nullopt;
  const auto index = [&](date::sys_days d) -> std::optional<std::size_t> {
    const auto offset = (d - series.front().day).count();
    if (offset < 0 || offset >= static_cast<long>(series.size())) return std::nullopt;
    return static_cast<std::size_t>(offset);
  };
  const auto now = index(day);
  const auto before = index(day - date::days{7});
  if (!now || !before) return std::nullopt;
  return series[*now].ctl_m - series[*before].ctl_m;
}

}  // namespace runload::analyze
