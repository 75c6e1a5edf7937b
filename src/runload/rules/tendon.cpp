#include <runload/rules/tendon.hpp>

namespace runload::rules {
namespace {

double tighten(double threshold, double factor) noexcept {
  return 1.0 + (threshold - 1.0) * factor;
}

}  // namespace

std::optional<HeelRiseNorm> heel_rise_norm(int age) noexcept {
  for (const auto& norm : k_heel_rise_norms)
    if (age >= norm.from_age && age <= norm.to_age) return norm;
  return std::nullopt;
}

int heel_rise_typical(const HeelRiseNorm& norm, model::Sex sex) noexcept {
  return sex == model::Sex::female ? norm.female : norm.male;
}

Thresholds tightened(const Thresholds& t, double factor) noexcept {
  Thresholds out = t;
  for (double Thresholds::*band :
       {&Thresholds::single_run_small, &Thresholds::single_run_moderate,
        &Thresholds::single_run_large, &Thresholds::weekly_jump, &Thresholds::speed_spike,
        &Thresholds::hill_spike, &Thresholds::envelope_single_run, &Thresholds::envelope_week_high})
    out.*band = tighten(t.*band, factor);
  return out;
}

}  // namespace runload::rules
