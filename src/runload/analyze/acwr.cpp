#include <runload/analyze/acwr.hpp>

#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

std::optional<double> ratio(double acute_mean, double chronic_mean) {
  if (chronic_mean <= 0.0) return std::nullopt;
  return acute_mean / chronic_mean;
}

}  // namespace

std::optional<double> acwr_uncoupled(const DailySeries& daily, date::sys_days t) {
  const double acute = daily.sum(t - date::days{6}, t) / 7.0;
  const double chronic = daily.sum(t - date::days{27}, t - date::days{7}) / 21.0;
  return ratio(acute, chronic);
}

std::optional<double> acwr_coupled(const DailySeries& daily, date::sys_days t) {
  const double acute = daily.sum(t - date::days{6}, t) / 7.0;
  const double chronic = daily.sum(t - date::days{27}, t) / 28.0;
  return ratio(acute, chronic);
}

std::optional<double> acwr_ewma(const DailySeries& daily, date::sys_days seed_day,
                                date::sys_days t) {
  if (t < seed_day) return std::nullopt;
  double acute = daily.at(seed_day);
  double chronic = acute;
  for (auto day = seed_day + date::days{1}; day <= t; day += date::days{1}) {
    const double load = daily.at(day);
    acute = rules::k_ewma_acute_lambda * load + (1.0 - rules::k_ewma_acute_lambda) * acute;
    chronic = rules::k_ewma_chronic_lambda * load + (1.0 - rules::k_ewma_chronic_lambda) * chronic;
  }
  return ratio(acute, chronic);
}

}  // namespace runload::analyze
