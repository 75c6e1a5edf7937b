#include <runload/rules/settings.hpp>

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace runload::rules {
namespace {

using T = Thresholds;
using K = SettingKind;

// The ranges keep every rule able to fire on the load it was written for:
// no key can switch a rule off, and where two keys are levels of one rule
// (small, moderate and large spikes; info and caution) their ranges do not
// overlap, so the levels stay in order. docs/SETTINGS.md gives each reason.
// The rupture warning (pain of 9 or more) is not a setting: it is never
// relaxed, and the morning check-in warns at the same level as the report.
constexpr std::array k_settings{
    SettingSpec{"units", K::units, "", 0, 0,
                "kilometres, metres and pace per km, or miles and feet"},
    SettingSpec{"fast_pace", K::pace, "/km", 150, 600,
                "fast running is at or faster than this pace (default: 1.15 x the median)"},
    SettingSpec{"fast_speed_factor", K::number, "", 1.05, 1.5,
                "without fast_pace: fast is this x the 90-day median moving speed",
                &T::fast_speed_factor},
    SettingSpec{"uphill_grade_pct", K::number, "%", 2, 10,
                "uphill distance is on this grade or more", &T::uphill_grade_pct},
    SettingSpec{"cold_run_below_c", K::number, "C", -30, 20,
                "cold_run: a run below this temperature", &T::cold_run_below_c},
    SettingSpec{"shoe_limit_km", K::number, "km", 300, 1500,
                "shoe_worn: the limit of a shoe without its own", &T::shoe_limit_m, nullptr,
                Scale::km},
    SettingSpec{"single_run_small_pct", K::number, "%", 5, 20,
                "single_run_spike: a small spike (caution) above this rise", &T::single_run_small,
                nullptr, Scale::rise_pct},
    SettingSpec{"single_run_moderate_pct", K::number, "%", 20, 60,
                "single_run_spike: a moderate spike (caution) above this rise",
                &T::single_run_moderate, nullptr, Scale::rise_pct},
    SettingSpec{"single_run_large_pct", K::number, "%", 60, 200,
                "single_run_spike: a large spike (high) above this rise", &T::single_run_large,
                nullptr, Scale::rise_pct},
    SettingSpec{"weekly_jump_pct", K::number, "%", 10, 50,
                "weekly_distance_jump: caution above this rise on last week", &T::weekly_jump,
                nullptr, Scale::rise_pct},
    SettingSpec{"acwr_info", K::number, "", 1.1, 1.4, "acwr_high: info above this ratio",
                &T::acwr_info},
    SettingSpec{"acwr_caution", K::number, "", 1.4, 2.0, "acwr_high: caution above this ratio",
                &T::acwr_caution},
    SettingSpec{"speed_spike_pct", K::number, "%", 10, 60, "speed_spike: caution above this rise",
                &T::speed_spike, nullptr, Scale::rise_pct},
    SettingSpec{"speed_spike_min_run_km", K::number, "km", 0.5, 3,
                "speed_spike: a run's fast distance must reach this", &T::speed_spike_min_run_m,
                nullptr, Scale::km},
    SettingSpec{"speed_spike_min_week_km", K::number, "km", 1, 5,
                "speed_spike: a week's fast distance must reach this", &T::speed_spike_min_week_m,
                nullptr, Scale::km},
    SettingSpec{"hill_spike_pct", K::number, "%", 10, 60, "hill_spike: caution above this rise",
                &T::hill_spike, nullptr, Scale::rise_pct},
    SettingSpec{"hill_spike_min_run_gain_m", K::number, "m", 50, 300,
                "hill_spike: a run's climb must reach this", &T::hill_spike_min_run_gain_m},
    SettingSpec{"hill_spike_min_week_gain_m", K::number, "m", 100, 600,
                "hill_spike: a week's climb must reach this", &T::hill_spike_min_week_gain_m},
    SettingSpec{"hill_spike_min_run_uphill_km", K::number, "km", 0.5, 3,
                "hill_spike: a run's uphill distance must reach this",
                &T::hill_spike_min_run_uphill_m, nullptr, Scale::km},
    SettingSpec{"hill_spike_min_week_uphill_km", K::number, "km", 1, 5,
                "hill_spike: a week's uphill distance must reach this",
                &T::hill_spike_min_week_uphill_m, nullptr, Scale::km},
    SettingSpec{"weekend_share_pct", K::number, "%", 50, 90,
                "weekend_warrior: this share or more on Saturday and Sunday", &T::weekend_share,
                nullptr, Scale::share_pct},
    SettingSpec{"weekend_max_weekday_runs", K::whole, "runs", 0, 3,
                "weekend_warrior: with at most this many weekday runs a week", nullptr,
                &T::weekend_max_weekday_runs_per_week},
    SettingSpec{"break_days", K::whole, "days", 7, 28,
                "return_after_break: a run after this many days or more without one", nullptr,
                &T::break_days},
    SettingSpec{"pain_run_caution", K::whole, "points", 3, 6,
                "pain_during_run, pain_after_run: caution above this pain", nullptr,
                &T::pain_run_caution},
    SettingSpec{"pain_run_high", K::whole, "points", 7, 9,
                "pain_during_run: high at this pain or more", nullptr, &T::pain_run_high},
    SettingSpec{"stiffness_not_settled", K::number, "points", 1, 3,
                "stiffness_not_settled: this much above the usual morning",
                &T::stiffness_not_settled},
    SettingSpec{"stiffness_rising", K::number, "points", 0.5, 2,
                "stiffness_rising: this much above last week's mean", &T::stiffness_rising},
    SettingSpec{"persistent_level", K::whole, "points", 2, 5,
                "persistent_pain: a morning of this stiffness or pain or more", nullptr,
                &T::persistent_level},
    SettingSpec{"persistent_days", K::whole, "days", 3, 7,
                "persistent_pain: on this many of the last 7 days", nullptr, &T::persistent_days},
    SettingSpec{"drop_lower_mm", K::number, "mm", 2, 8,
                "footwear_transition: a heel drop this much below the usual", &T::drop_lower_mm},
    SettingSpec{"transition_share_pct", K::number, "%", 20, 50,
                "footwear_transition: more than this share of the week in them",
                &T::transition_share, nullptr, Scale::share_pct},
    SettingSpec{"transition_before_share_pct", K::number, "%", 5, 20,
                "footwear_transition: while under this share of the 30 days before",
                &T::transition_before_share, nullptr, Scale::share_pct},
    SettingSpec{"minimalist_week_km", K::number, "km", 10, 50,
                "minimalist_volume: caution above this a week in minimalist shoes",
                &T::minimalist_week_m, nullptr, Scale::km},
    SettingSpec{"envelope_single_run_pct", K::number, "%", 0, 20,
                "next week: the longest run at most this much above the 30-day longest",
                &T::envelope_single_run, nullptr, Scale::rise_pct},
    SettingSpec{"envelope_week_low", K::number, "", 0.5, 1.0,
                "next week: distance from this x the mean of the last 3 weeks",
                &T::envelope_week_low},
    SettingSpec{"envelope_week_high", K::number, "", 1.0, 1.5,
                "next week: distance up to this x the mean of the last 3 weeks",
                &T::envelope_week_high},
};

double to_field(double value, Scale scale) noexcept {
  switch (scale) {
    case Scale::rise_pct:
      return 1.0 + value / 100.0;
    case Scale::share_pct:
      return value / 100.0;
    case Scale::km:
      return value * 1000.0;
    case Scale::same:
      break;
  }
  return value;
}

double from_field(double field, Scale scale) noexcept {
  switch (scale) {
    case Scale::rise_pct:
      return (field - 1.0) * 100.0;
    case Scale::share_pct:
      return field * 100.0;
    case Scale::km:
      return field / 1000.0;
    case Scale::same:
      break;
  }
  return field;
}

// A number as config writes it: at most 6 significant digits, no trailing
// zeros ("10", "1.15", "0.5"); the rounding removes the 1e-14 of (1.1 - 1) x 100.
std::string number_text(double value) {
  return fmt::format("{:g}", std::round(value * 1e6) / 1e6);
}

std::string pace_of(double seconds_per_km) {
  const auto total = std::lround(seconds_per_km);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

template <class Number>
std::optional<Number> whole_text_as(std::string_view text) {
  Number value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

// "4:30", "4:30/km" or "7:15/mi": seconds per km.
std::optional<double> pace_seconds_per_km(std::string_view text) {
  double per_unit = 1000.0;
  for (const auto& [suffix, metres] :
       {std::pair<std::string_view, double>{"/km", 1000.0}, {"/mi", model::k_metres_per_mile}}) {
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      text.remove_suffix(suffix.size());
      per_unit = metres;
    }
  }
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || text.size() - colon != 3) return std::nullopt;
  const auto minutes = whole_text_as<int>(text.substr(0, colon));
  const auto seconds = whole_text_as<int>(text.substr(colon + 1));
  if (!minutes || !seconds || *minutes < 0 || *seconds < 0 || *seconds > 59) return std::nullopt;
  return (*minutes * 60.0 + *seconds) * 1000.0 / per_unit;
}

// The value of `stored` in the key's unit (pace: seconds per km).
std::optional<double> number_of(const SettingSpec& spec, std::string_view text) {
  switch (spec.kind) {
    case K::units:
      return std::nullopt;
    case K::pace:
      return pace_seconds_per_km(text);
    case K::whole: {
      const auto value = whole_text_as<int>(text);
      return value ? std::optional<double>(*value) : std::nullopt;
    }
    case K::number:
      break;
  }
  const auto value = whole_text_as<double>(text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

double default_number(const SettingSpec& spec) {
  const Thresholds defaults;
  if (spec.whole) return defaults.*spec.whole;
  if (spec.number) return from_field(defaults.*spec.number, spec.scale);
  return 0.0;
}

}  // namespace

std::span<const SettingSpec> settings_catalogue() noexcept {
  return k_settings;
}

const SettingSpec* find_setting(std::string_view key) noexcept {
  for (const auto& spec : k_settings)
    if (spec.key == key) return &spec;
  return nullptr;
}

std::string default_text(const SettingSpec& spec) {
  switch (spec.kind) {
    case K::units:
      return std::string(model::to_string(model::Units::metric));
    case K::pace:
      return "derived";
    case K::number:
    case K::whole:
      break;
  }
  return number_text(default_number(spec));
}

std::string range_text(const SettingSpec& spec) {
  switch (spec.kind) {
    case K::units:
      return "metric or imperial";
    case K::pace:
      return fmt::format("{} to {} per km", pace_of(spec.min), pace_of(spec.max));
    case K::number:
    case K::whole:
      break;
  }
  if (spec.unit.empty())
    return fmt::format("{} to {}", number_text(spec.min), number_text(spec.max));
  return fmt::format("{} to {} {}", number_text(spec.min), number_text(spec.max), spec.unit);
}

std::optional<std::string> checked_value(const SettingSpec& spec, std::string_view text) {
  if (spec.kind == K::units) {
    const auto units = model::units_from_string(text);
    if (!units) return std::nullopt;
    return std::string(model::to_string(*units));
  }
  const auto value = number_of(spec, text);
  // The range is checked on the value as written (a pace on its whole
  // seconds), so the boundaries themselves are accepted.
  if (!value) return std::nullopt;
  const double checked = spec.kind == K::pace ? std::round(*value) : *value;
  if (!(checked >= spec.min && checked <= spec.max)) return std::nullopt;
  return spec.kind == K::pace ? pace_of(checked) : number_text(checked);
}

std::string value_text(const SettingSpec& spec, const std::string& stored) {
  return spec.kind == K::pace ? stored + "/km" : stored;
}

AppliedSettings apply_settings(const model::Settings& stored) {
  AppliedSettings applied;
  for (const auto& spec : k_settings) {
    const auto found = stored.values.find(std::string(spec.key));
    if (found == stored.values.end()) continue;
    const auto value = checked_value(spec, found->second);
    if (!value) continue;
    bool differs = true;
    if (spec.kind == K::units) {
      applied.units = *model::units_from_string(*value);
      differs = applied.units != model::Units::metric;
    } else if (spec.kind == K::pace) {
      applied.fast_threshold_mps = 1000.0 / *number_of(spec, *value);
    } else {
      const double number = *number_of(spec, *value);
      if (spec.whole) applied.thresholds.*spec.whole = static_cast<int>(number);
      if (spec.number) applied.thresholds.*spec.number = to_field(number, spec.scale);
      differs = std::fabs(number - default_number(spec)) > 1e-9;
    }
    if (differs)
      applied.changed.push_back({std::string(spec.key), value_text(spec, *value),
                                 default_text(spec),
                                 std::string(spec.kind == K::pace ? "" : spec.unit)});
  }
  return applied;
}

}  // namespace runload::rules
