#pragma once
// The one catalogue of rules: for every model::Rule its id, title, the unit
// of its numbers and how the terminal shows them, its evidence grade and
// source, and what to do about it. The analyzer, every renderer and the
// journal's urgent warning read it; none of them knows a rule by its name.
// Adding a rule is one model::Rule value, one entry here and one pure
// function in analyze/.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/model/flag.hpp>

namespace runload::rules {

// The unit of a flag's observed and baseline values in JSON.
enum class Unit {
  metres,  // distances and climb
  share,   // a fraction from 0 to 1
  days,    // a count of days
  points,  // a 0-10 symptom scale
};
std::string_view to_string(Unit unit) noexcept;

// How the terminal and HTML write a flag's observed and baseline values.
enum class Display {
  km,        // metres as "12.3" (kilometres, one decimal)
  metres,    // "234"
  percent,   // a share as "75"
  count,     // "5"
  points,    // "4" or "4.5"
  points_1,  // "4.0"
};

struct RuleSpec {
  model::Rule rule;
  std::string_view id;     // in JSON and in the terminal report
  std::string_view title;  // "Single-run spike"
  model::Evidence evidence;
  std::string_view source;
  Unit unit;
  Display display;
  // The numbers line: {observed}, {baseline} (values in `display`) and
  // {ratio} (", ratio 1.36" or nothing); `numbers_alone` when the flag has
  // no baseline.
  std::string_view numbers;
  std::string_view numbers_alone;
  // What to do (may name {limit}, the rule's number for it), and the advice
  // of a HIGH flag when it differs.
  std::string_view advice;
  std::string_view advice_high;
  // One line for an URGENT flag, said at once wherever it is raised.
  std::string_view headline;
};

// Every entry, in model::Rule order.
std::span<const RuleSpec> catalogue() noexcept;

const RuleSpec& spec(model::Rule rule) noexcept;
std::string_view id(model::Rule rule) noexcept;

// The rule whose catalogue id is `id`, or nullopt.
std::optional<model::Rule> rule_from_id(std::string_view id) noexcept;

// A flag of `rule` with its catalogue facts filled in: severity, evidence,
// source, and the advice for that severity (advice_high for HIGH and worse
// when the rule has one). The caller adds the numbers and the message.
model::Flag make_flag(model::Rule rule, model::Severity severity, date::sys_days date);

// `spec(rule).advice` with {limit} replaced by `limit`.
std::string advice_with_limit(model::Rule rule, std::string_view limit);

}  // namespace runload::rules
