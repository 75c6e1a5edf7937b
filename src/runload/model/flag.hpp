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
};
inline constexpr int k_rule_count = static_cast<int>(Rule::rupture_warning) + 1;

std::string_view to_string(Severity severity) noexcept;
std::optional<Severity> severity_from_string(std::string_view text) noexcept;
std::string_view to_string(Evidence evidence) noexcept;

struct Flag {
  Rule rule = Rule::single_run_spike;
  Severity severity = Severity::info;
  Evidence evidence = Evidence::expert;
  date::sys_days date{};
  std::optional<std::int64_t> activity_id;
  std::optional<double> observed;
  std::optional<double> baseline;
  std::optional<double> ratio;
  std::string message;  // plain-language explanation with the numbers
  std::string advice;   // what to do about it
  std::string source;   // the rule's source (its catalogue entry)
};

}  // namespace runload::model
