#include <catch2/catch.hpp>

#include <runload/journal/visa_a_checkin.hpp>

using namespace runload;

namespace {

const date::sys_days k_day{date::year{2026} / 8 / 2};

// Answers every question with the lines given; each must be accepted.
journal::VisaCheckin answered(const std::vector<std::string>& lines) {
  journal::VisaCheckin q(k_day);
  for (const auto& line : lines) {
    REQUIRE_FALSE(q.done());
    const auto outcome = q.answer(line);
    INFO(line << ": " << outcome.reason);
    REQUIRE(outcome.accepted);
  }
  return q;
}

}  // namespace

TEST_CASE("visa-a check-in: nine questions, Q8 as its branch and minutes",
          "[journal][visa_a][checkin]") {
  auto q = answered({"10", "9", "8", "10", "7", "6", "7", "B", "15"});
  REQUIRE(q.done());
  const auto& visa = q.result();
  CHECK(visa.date == k_day);
  CHECK(visa.items == std::array<int, 7>{10, 9, 8, 10, 7, 6, 7});
  CHECK(visa.q8_branch == model::VisaBranch::b);
  // 15 minutes on branch B: the third band, 10 points.
  CHECK(visa.q8 == 10);
  CHECK(visa.score() == 67);
}

TEST_CASE("visa-a check-in: the prompts count the questions and name the scale",
          "[journal][visa_a][checkin]") {
  journal::VisaCheckin q(k_day);
  CHECK_THAT(q.prompt(), Catch::StartsWith("Q1 of 8. "));
  CHECK_THAT(q.prompt(), Catch::Contains("0 = 100 minutes or more, 10 = not stiff at all"));
  CHECK_THAT(q.prompt(), Catch::EndsWith("): "));
  for (int i = 0; i < 7; ++i) REQUIRE(q.answer("10").accepted);
  CHECK_THAT(q.prompt(), Catch::StartsWith("Q8 of 8. "));
  CHECK_THAT(q.prompt(), Catch::Contains("A = no pain"));
  REQUIRE(q.answer("c").accepted);
  CHECK_THAT(q.prompt(), Catch::StartsWith("Q8 of 8, C. "));
  CHECK_THAT(q.prompt(), Catch::Contains("before the pain stops you"));
  REQUIRE(q.answer("0").accepted);
  CHECK(q.done());
  CHECK(q.result().q8 == 0);
  CHECK(q.result().score() == 70);
}

TEST_CASE("visa-a check-in: a bad or empty answer is refused and asked again",
          "[journal][visa_a][checkin]") {
  journal::VisaCheckin q(k_day);
  auto outcome = q.answer("");
  CHECK_FALSE(outcome.accepted);
  CHECK_THAT(outcome.reason, Catch::StartsWith("Q1: must be a whole number from 0 to 10"));
  outcome = q.answer("11");
  CHECK_FALSE(outcome.accepted);
  CHECK_THAT(q.prompt(), Catch::StartsWith("Q1 of 8."));
  for (int i = 0; i < 6; ++i) REQUIRE(q.answer("5").accepted);
  outcome = q.answer("5");  // Q7 takes 0, 4, 7 or 10
  CHECK_FALSE(outcome.accepted);
  CHECK(outcome.reason == "Q7: takes 0, 4, 7 or 10, not '5'");
  REQUIRE(q.answer("4").accepted);
  outcome = q.answer("D");
  CHECK_FALSE(outcome.accepted);
  CHECK(outcome.reason == "Q8: must be A, B or C, not 'D'");
  REQUIRE(q.answer("A").accepted);
  outcome = q.answer("-5");
  CHECK_FALSE(outcome.accepted);
  CHECK_THAT(outcome.reason, Catch::StartsWith("Q8: minutes must be a whole number from 0 to"));
  REQUIRE(q.answer("45").accepted);
  CHECK(q.done());
  // 6 x 5 + 4 + 30 (branch A, more than 30 minutes).
  CHECK(q.result().score() == 64);
}
