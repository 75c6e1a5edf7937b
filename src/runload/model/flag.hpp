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

std::string_view to_string(Severity severity) noexcept;
std::optional<Severity> severity_from_string(std::string_view text) noexcept;
std::string_view to_string(Evidence evidence) noexcept;

struct Flag {
  std::string rule;  // rule id, e.g. "single_run_spike"
  Severity severity = Severity::info;
  Evidence evidence = Evidence::expert;
  date::sys_days date{};
  std::optional<std::int64_t> activity_id;
  std::optional<double> observed;
  std::optional<double> baseline;
  std::optional<double> ratio;
  std::string message;  // plain-language explanation with the numbers
  std::string advice;   // what to do about it
  std::string source;   // e.g. "Frandsen et al., Br J Sports Med 2025"
};

}  // namespace runload::model
