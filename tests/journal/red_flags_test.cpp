#include <catch2/catch.hpp>

#include <runload/journal/red_flags.hpp>
#include <runload/rules/catalogue.hpp>

using namespace runload;
using namespace date::literals;

namespace {

model::JournalEntry entry_on_march_2() {
  model::JournalEntry entry;
  entry.date = date::sys_days{2024_y / date::March / 2};
  return entry;
}

}  // namespace

TEST_CASE("red flags: a pop raises the rupture warning", "[journal][red_flags]") {
  auto entry = entry_on_march_2();
  entry.pop = true;
  const auto reasons = journal::red_flag_reasons(entry);
  REQUIRE(reasons.size() == 1);
  CHECK_THAT(reasons[0], Catch::Contains("pop") && Catch::Contains("2024-03-02"));
}

TEST_CASE("red flags: pain 9 during or after a run raises it, pain 8 does not",
          "[journal][red_flags]") {
  auto entry = entry_on_march_2();
  entry.pain_run = 8;
  entry.pain_after = 8;
  CHECK(journal::red_flag_reasons(entry).empty());
  entry.pain_run = 9;
  CHECK(journal::red_flag_reasons(entry).size() == 1);
  entry.pain_after = 10;
  CHECK(journal::red_flag_reasons(entry).size() == 2);
}

TEST_CASE("red flags: no pop, high stiffness and swelling are not the rupture sign",
          "[journal][red_flags]") {
  auto entry = entry_on_march_2();
  entry.pop = false;
  entry.stiffness = 10;
  entry.swelling = true;
  CHECK(journal::red_flag_reasons(entry).empty());
}

TEST_CASE("red flags: the warning names the advice and its sources", "[journal][red_flags]") {
  CHECK(rules::spec(model::Rule::rupture_warning).headline ==
        "possible Achilles tendon rupture: stop running and seek medical care now");
  CHECK_THAT(std::string(journal::urgent_source()),
             Catch::Contains("Mayo Clinic") && Catch::Contains("physiotherapist"));
}
