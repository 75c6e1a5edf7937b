#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <runload/rules/catalogue.hpp>

using namespace runload;
using model::Rule;
using model::Severity;

TEST_CASE("catalogue: every rule has one entry with an id, a title, a source and advice",
          "[rules][catalogue]") {
  std::set<std::string> ids;
  REQUIRE(rules::catalogue().size() == static_cast<std::size_t>(model::k_rule_count));
  for (const auto& entry : rules::catalogue()) {
    INFO(entry.id);
    CHECK(&rules::spec(entry.rule) == &entry);
    CHECK_FALSE(entry.id.empty());
    CHECK_FALSE(entry.title.empty());
    CHECK_FALSE(entry.source.empty());
    CHECK_FALSE(entry.advice.empty());
    CHECK_FALSE(entry.numbers.empty());
    CHECK_FALSE(entry.numbers_alone.empty());
    CHECK(ids.insert(std::string(entry.id)).second);
    CHECK(rules::rule_from_id(entry.id) == entry.rule);
  }
  CHECK_FALSE(rules::rule_from_id("no_such_rule").has_value());
}

TEST_CASE("catalogue: a flag takes its rule's evidence, source and the advice of its severity",
          "[rules][catalogue]") {
  const date::sys_days day{date::year{2024} / 3 / 2};
  const auto caution = rules::make_flag(Rule::pain_during_run, Severity::caution, day);
  CHECK(caution.rule == Rule::pain_during_run);
  CHECK(caution.date == day);
  CHECK(caution.evidence == model::Evidence::rct);
  CHECK(caution.source == rules::spec(Rule::pain_during_run).source);
  CHECK(caution.advice == rules::spec(Rule::pain_during_run).advice);
  const auto high = rules::make_flag(Rule::pain_during_run, Severity::high, day);
  CHECK(high.advice == rules::spec(Rule::pain_during_run).advice_high);
  // A rule without a HIGH text keeps its one advice at every severity.
  const auto persistent = rules::make_flag(Rule::persistent_pain, Severity::high, day);
  CHECK(persistent.advice == rules::spec(Rule::persistent_pain).advice);
  CHECK(rules::advice_with_limit(Rule::single_run_spike, "13.7 km")
            .starts_with("Keep your next runs at or below 13.7 km"));
}

TEST_CASE("catalogue: units are the JSON names", "[rules][catalogue]") {
  CHECK(model::to_string(model::Unit::km) == "km");
  CHECK(model::to_string(model::Unit::m) == "m");
  CHECK(model::to_string(model::Unit::share) == "share");
  CHECK(model::to_string(model::Unit::days) == "days");
  CHECK(model::to_string(model::Unit::points) == "points");
  CHECK(rules::spec(Rule::rupture_warning).headline ==
        "possible Achilles tendon rupture: stop running and seek medical care now");
}

TEST_CASE("catalogue: the red flags that need a clinician stand until assessed",
          "[rules][catalogue]") {
  for (const auto& entry : rules::catalogue()) {
    INFO(entry.id);
    const bool stands = entry.rule == Rule::rupture_warning || entry.rule == Rule::persistent_pain;
    CHECK((entry.persistence == rules::Persistence::until_assessed) == stands);
    CHECK_FALSE(entry.headline.empty());
  }
  CHECK(rules::spec(Rule::single_run_spike).kind == rules::Kind::load);
  CHECK(rules::spec(Rule::pain_after_run).kind == rules::Kind::symptom);
  auto high = rules::make_flag(Rule::pain_during_run, Severity::high, {});
  CHECK(rules::headline(high) == rules::spec(Rule::pain_during_run).headline_high);
  auto caution = rules::make_flag(Rule::pain_during_run, Severity::caution, {});
  CHECK(rules::headline(caution) == rules::spec(Rule::pain_during_run).headline);
}
