#pragma once
// A flag raised by one rule of DESIGN.md section 2, with the numbers behind it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace runload::model {

// Ordered: a comparison `severity >= Severity::high` means "high or worse".
enum class Severity { info = 0, caution = 1, high = 2, urgent = 3 };
enum class Evidence { cohort, rct, expert, plausible };

// The unit a flag's observed and baseline values are shown in (in JSON, the
// values are in it): distances in km, climb in m, a share from 0 to 1, a
// count of days, a 0-10 symptom scale, a temperature in degrees Celsius.
// Flag itself keeps distances in metres, like every other value of the
// analysis.
enum class Unit { km, m, share, days, points, celsius };
std::string_view to_string(Unit unit) noexcept;

// The rules of DESIGN.md section 2. Each has one entry in the catalogue
// (rules/catalogue.hpp: id, title, unit, evidence, source, advice), in this
// order, and one pure function in analyze/.
enum class Rule {
  single_run_spike,
  weekly_distance_jump,
  acwr_high,
  speed_spike,
  hill_spike,
  weekend_warrior,
  return_after_break,
  pain_during_run,
  stiffness_not_settled,
  stiffness_rising,
  persistent_pain,
  load_symptom_link,
  rupture_warning,
  pain_after_run,
  footwear_transition,
  minimalist_volume,
  shoe_worn,
  // The risk modifiers beside the load (docs/TENDON.md): a medication window,
  // a prior Achilles episode, running in the cold.
  fluoroquinolone_window,
  corticosteroid_window,
  prior_episode,
  cold_run,
};
inline constexpr int k_rule_count = static_cast<int>(Rule::cold_run) + 1;

std::string_view to_string(Severity severity) noexcept;
std::optional<Severity> severity_from_string(std::string_view text) noexcept;
std::string_view to_string(Evidence evidence) noexcept;

struct Flag {
  Rule rule = Rule::single_run_spike;
  Severity severity = Severity::info;
  Evidence evidence = Evidence::expert;
  date::sys_days date{};
  std::optional<std::int64_t> activity_id;
  Unit unit = Unit::km;  // how observed and baseline are shown
  std::optional<double> observed;
  std::optional<double> baseline;
  std::optional<double> ratio;
  std::string message;  // plain-language explanation with the numbers
  std::string advice;   // what to do about it
  std::string source;   // the rule's source (its catalogue entry)
  // A flag that stays until a clinician has assessed the tendon (a possible
  // rupture, persistent pain): `ongoing` when it was raised before the
  // reported week and still stands; `assessed_on` when an assessment recorded
  // since has settled it (it no longer sets the status).
  bool ongoing = false;
  std::optional<date::sys_days> assessed_on;
};

}  // namespace runload::model
