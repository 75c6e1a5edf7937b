#include <catch2/catch.hpp>

#include <vector>

#include <runload/analyze/status.hpp>
#include <runload/rules/catalogue.hpp>

using namespace runload;
using analyze::StatusLevel;
using model::Rule;
using model::Severity;

namespace {

const date::sys_days k_day{date::year{2024} / 3 / 14};

model::Flag flag(Rule rule, Severity severity, int day_offset = 0) {
  return rules::make_flag(rule, severity, k_day + date::days{day_offset});
}

}  // namespace

TEST_CASE("status: each severity maps to one level, HIGH by what the rule asks",
          "[analyze][status]") {
  CHECK(analyze::level_of(flag(Rule::rupture_warning, Severity::urgent)) == StatusLevel::red);
  // HIGH that asks to stop and see a clinician: red.
  CHECK(analyze::level_of(flag(Rule::persistent_pain, Severity::high)) == StatusLevel::red);
  CHECK(analyze::level_of(flag(Rule::pain_during_run, Severity::high)) == StatusLevel::red);
  // HIGH that asks to take the load back: amber.
  CHECK(analyze::level_of(flag(Rule::single_run_spike, Severity::high)) == StatusLevel::amber);
  CHECK(analyze::level_of(flag(Rule::load_symptom_link, Severity::high)) == StatusLevel::amber);
  CHECK(analyze::level_of(flag(Rule::weekly_distance_jump, Severity::caution)) ==
        StatusLevel::amber);
  CHECK(analyze::level_of(flag(Rule::return_after_break, Severity::info)) == StatusLevel::green);
}

TEST_CASE("status: the worst level wins, then the most severe, then the earliest",
          "[analyze][status]") {
  std::vector<model::Flag> flags{flag(Rule::acwr_high, Severity::caution, 2),
                                 flag(Rule::stiffness_rising, Severity::caution, 1),
                                 flag(Rule::return_after_break, Severity::info, 0)};
  auto s = analyze::status_of(flags);
  CHECK(s.level == StatusLevel::amber);
  CHECK(s.rule == Rule::stiffness_rising);  // the earlier of the two cautions
  CHECK(s.since == k_day + date::days{1});
  CHECK(s.headline == rules::spec(Rule::stiffness_rising).headline);

  flags.push_back(flag(Rule::single_run_spike, Severity::high, 3));
  s = analyze::status_of(flags);
  CHECK(s.level == StatusLevel::amber);
  CHECK(s.rule == Rule::single_run_spike);  // HIGH beats CAUTION at the same level
  CHECK(s.headline == rules::spec(Rule::single_run_spike).headline_high);

  flags.push_back(flag(Rule::rupture_warning, Severity::urgent, 4));
  s = analyze::status_of(flags);
  CHECK(s.level == StatusLevel::red);
  CHECK(s.rule == Rule::rupture_warning);
  CHECK(s.since == k_day + date::days{4});
}

TEST_CASE("status: green without a flag above INFO, and an assessed flag sets nothing",
          "[analyze][status]") {
  CHECK(analyze::status_of(std::vector<model::Flag>{}).level == StatusLevel::green);
  const std::vector<model::Flag> info{flag(Rule::return_after_break, Severity::info)};
  const auto s = analyze::status_of(info);
  CHECK(s.level == StatusLevel::green);
  CHECK_FALSE(s.rule.has_value());
  CHECK_FALSE(s.since.has_value());
  CHECK_FALSE(s.headline.empty());

  auto pop = flag(Rule::rupture_warning, Severity::urgent);
  pop.assessed_on = k_day + date::days{2};
  CHECK_FALSE(analyze::in_force(pop));
  const std::vector<model::Flag> assessed{pop};
  CHECK(analyze::status_of(assessed).level == StatusLevel::green);
  CHECK(analyze::to_string(StatusLevel::amber) == "amber");
}
