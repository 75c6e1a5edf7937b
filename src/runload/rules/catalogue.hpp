#pragma once
// The one catalogue of rules: for every model::Rule its id, title, the unit
// of its numbers and how the terminal shows them, its evidence grade and
// source, what to do about it, and the headline the report's status opens
// with when the rule sets it. The analyzer, every renderer and the journal's
// urgent warning read it; none of them knows a rule by its name. Adding a
// rule is one model::Rule value, one entry here and one pure function in
// analyze/.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/model/flag.hpp>

namespace runload::rules {

// What a rule watches: the load (distance, speed, hills, how it is spread),
// the tendon's symptoms, or a risk modifier beside both (a medication, a
// prior Achilles episode, the cold). A CAUTION of a modifier asks not to
// increase the load (analyze/envelope.hpp).
enum class Kind { load, symptom, modifier };

// What a HIGH flag of the rule asks (analyze/status.hpp maps it to the
// status): to stop and see a clinician (the status is red), or to take the
// load back (amber). URGENT is always red.
enum class WhenHigh { reduce, stop };

// How long a flag stands: the week it is dated in, or, for the red flags
// that need a clinician (a possible rupture, persistent pain), every week
// after it until the runner records an assessment (`journal --assessed`).
enum class Persistence { week, until_assessed };

struct RuleSpec {
  model::Rule rule;
  std::string_view id;     // in JSON and in the terminal report
  std::string_view title;  // "Single-run spike"
  model::Evidence evidence;
  std::string_view source;
  Kind kind;
  WhenHigh when_high;
  Persistence persistence;
  model::Unit unit;  // of observed and baseline, unless the flag says otherwise
  // The numbers line: {observed} and {baseline} (in the flag's unit), {unit}
  // ("km", "m") and {ratio} (", ratio 1.36" or nothing); `numbers_alone`
  // when the flag has no baseline.
  std::string_view numbers;
  std::string_view numbers_alone;
  // What to do (may name {limit}, the rule's number for it), and the advice
  // of a HIGH flag when it differs.
  std::string_view advice;
  std::string_view advice_high;
  // The report's status line when this rule sets it ("possible Achilles
  // tendon rupture: stop running and seek medical care now"), and for a
  // HIGH flag when it differs. Also the journal's urgent warning.
  std::string_view headline;
  std::string_view headline_high;
};

// Every entry, in model::Rule order.
std::span<const RuleSpec> catalogue() noexcept;

const RuleSpec& spec(model::Rule rule) noexcept;
std::string_view id(model::Rule rule) noexcept;

// The rule whose catalogue id is `id`, or nullopt.
std::optional<model::Rule> rule_from_id(std::string_view id) noexcept;

// A flag of `rule` with its catalogue facts filled in: severity, evidence,
// source, unit, and the advice for that severity (advice_high for HIGH and
// worse when the rule has one). The caller adds the numbers and the message.
model::Flag make_flag(model::Rule rule, model::Severity severity, date::sys_days date);

// `spec(rule).advice` with {limit} replaced by `limit`.
std::string advice_with_limit(model::Rule rule, std::string_view limit);

// The headline of `flag` (headline_high for HIGH and worse when the rule
// has one).
std::string_view headline(const model::Flag& flag) noexcept;

}  // namespace runload::rules
