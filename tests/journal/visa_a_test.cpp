#include <catch2/catch.hpp>

#include <runload/journal/visa_a.hpp>

using namespace runload;
using model::VisaBranch;

namespace {

int score_of(const char* answers) {
  const auto parsed = journal::parse_visa_answers(answers);
  REQUIRE(parsed);
  return parsed.value->score();
}

std::string error_of(const char* answers) {
  const auto parsed = journal::parse_visa_answers(answers);
  REQUIRE_FALSE(parsed);
  return parsed.error;
}

}  // namespace

TEST_CASE("visa-a: the score is the sum of the 8 items (the issue's examples)",
          "[journal][visa_a]") {
  CHECK(score_of("10,10,10,10,10,10,10,A30") == 100);
  CHECK(score_of("0,0,0,0,0,0,0,C0") == 0);
  // 5 + 6 + 7 + 4 + 3 + 2 + 4 + 10 = 41.
  CHECK(score_of("5,6,7,4,3,2,4,B10") == 41);
  // 10 + 9 + 8 + 10 + 7 + 6 + 7 + 14 = 71.
  CHECK(score_of("10,9,8,10,7,6,7,B14") == 71);
  CHECK(error_of("10,10,10,10,10,10,10,B30") ==
        "Q8: B tops at 20 (B takes 0, 4, 10, 14 or 20), not 30");
}

TEST_CASE("visa-a: every Q8 score of every branch is taken, the others refused",
          "[journal][visa_a]") {
  const std::vector<std::pair<VisaBranch, std::vector<int>>> branches{
      {VisaBranch::a, {0, 7, 14, 21, 30}},
      {VisaBranch::b, {0, 4, 10, 14, 20}},
      {VisaBranch::c, {0, 2, 5, 7, 10}},
  };
  for (const auto& [branch, scores] : branches) {
    const auto letter = std::string(model::to_string(branch));
    CAPTURE(letter);
    CHECK(std::vector<int>(journal::visa_q8_scores(branch).begin(),
                           journal::visa_q8_scores(branch).end()) == scores);
    for (int value = 0; value <= 31; ++value) {
      CAPTURE(value);
      const auto q8 = journal::parse_visa_q8(letter + std::to_string(value));
      const bool allowed = std::find(scores.begin(), scores.end(), value) != scores.end();
      CHECK(static_cast<bool>(q8) == allowed);
      if (allowed) {
        CHECK(q8.value->branch == branch);
        CHECK(q8.value->score == value);
      } else if (value > scores.back()) {
        CHECK_THAT(q8.error,
                   Catch::StartsWith(fmt::format("Q8: {} tops at {}", letter, scores.back())));
      } else {
        CHECK_THAT(q8.error, Catch::StartsWith(fmt::format("Q8: {} takes", letter)));
      }
    }
  }
  // Either case, and blanks around.
  CHECK(journal::parse_visa_q8(" b14 ").value->score == 14);
  CHECK(journal::parse_visa_q8(" b14 ").value->branch == VisaBranch::b);
}

TEST_CASE("visa-a: Q1-Q6 take 0 to 10, Q7 only 0, 4, 7 or 10, and errors name the item",
          "[journal][visa_a]") {
  for (std::size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(journal::parse_visa_item(i, "0").value == 0);
    CHECK(journal::parse_visa_item(i, "10").value == 10);
    const auto over = journal::parse_visa_item(i, "11");
    CHECK_FALSE(over);
    CHECK(over.error == fmt::format("Q{}: must be a whole number from 0 to 10, not '11'", i + 1));
    CHECK_FALSE(journal::parse_visa_item(i, "-1"));
    CHECK_FALSE(journal::parse_visa_item(i, "5.5"));
  }
  for (int q7 = 0; q7 <= 10; ++q7) {
    CAPTURE(q7);
    const bool allowed = q7 == 0 || q7 == 4 || q7 == 7 || q7 == 10;
    CHECK(static_cast<bool>(journal::parse_visa_item(6, std::to_string(q7))) == allowed);
  }
  CHECK(journal::parse_visa_item(6, "5").error == "Q7: takes 0, 4, 7 or 10, not '5'");
  CHECK(error_of("10,10,11,10,10,10,10,A30") ==
        "Q3: must be a whole number from 0 to 10, not '11'");
  CHECK(error_of("10,10,10,10,10,10,5,A30") == "Q7: takes 0, 4, 7 or 10, not '5'");
}

TEST_CASE("visa-a: the answers must be 8 items with a branch letter on Q8", "[journal][visa_a]") {
  CHECK_THAT(error_of("10,10,10,10,10,10,10"), Catch::Contains("takes 8 comma-separated items"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10"), Catch::EndsWith("not 7"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,A30,1"), Catch::EndsWith("not 9"));
  CHECK_THAT(error_of(""), Catch::EndsWith("not 1"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,30"), Catch::StartsWith("Q8: starts with its branch"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,D10"), Catch::StartsWith("Q8: starts with its branch"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,A"), Catch::StartsWith("Q8: A takes"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,A-7"), Catch::StartsWith("Q8: A takes"));
  CHECK_THAT(error_of("10,10,10,10,10,10,10,"), Catch::StartsWith("Q8: a branch letter"));
  CHECK_THAT(error_of("10,,10,10,10,10,10,A30"), Catch::StartsWith("Q2:"));
}

TEST_CASE("visa-a: the answers are written as they are read", "[journal][visa_a]") {
  for (const char* answers :
       {"10,9,8,10,7,6,7,B14", "0,0,0,0,0,0,0,C0", "10,10,10,10,10,10,10,A30"}) {
    const auto parsed = journal::parse_visa_answers(answers);
    REQUIRE(parsed);
    CHECK(journal::format_visa_answers(*parsed.value) == answers);
  }
}

TEST_CASE("visa-a: minutes of training pick the branch's score", "[journal][visa_a]") {
  // Bands: none, 1-10, 11-20, 21-30, more than 30 minutes.
  const std::vector<std::pair<int, std::size_t>> minutes{
      {0, 0}, {1, 1}, {10, 1}, {11, 2}, {20, 2}, {21, 3}, {30, 3}, {31, 4}, {600, 4}};
  for (const auto branch : {VisaBranch::a, VisaBranch::b, VisaBranch::c}) {
    for (const auto& [m, band] : minutes) {
      CAPTURE(model::to_string(branch), m);
      CHECK(journal::visa_q8_score_for_minutes(branch, m) == journal::visa_q8_scores(branch)[band]);
    }
  }
  CHECK(journal::visa_q8_score_for_minutes(VisaBranch::a, 45) == 30);
  CHECK(journal::visa_q8_score_for_minutes(VisaBranch::c, 15) == 5);
}

TEST_CASE("visa-a: the items are runload's own words, Q1 to Q7 in their domains",
          "[journal][visa_a]") {
  const auto items = journal::visa_items();
  REQUIRE(items.size() == 7);
  const std::vector<std::string_view> domains{"pain",     "pain",     "pain",    "function",
                                              "function", "function", "activity"};
  for (std::size_t i = 0; i < items.size(); ++i) {
    CAPTURE(i);
    CHECK(items[i].id == fmt::format("Q{}", i + 1));
    CHECK(items[i].domain == domains[i]);
    CHECK_FALSE(items[i].question.empty());
    CHECK_FALSE(items[i].scale.empty());
  }
}
