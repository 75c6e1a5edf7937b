#include <catch2/catch.hpp>

#include <runload/journal/checkin.hpp>

using namespace runload;
using namespace date::literals;
using journal::Question;

namespace {

const date::sys_days k_day = date::sys_days{2024_y / date::March / 10};
const date::sys_days k_yesterday = k_day - date::days{1};

// Answers every question in turn; returns the questions asked.
std::vector<Question> answer_all(journal::Checkin& checkin, const std::vector<std::string>& lines) {
  std::vector<Question> asked;
  for (const auto& line : lines) {
    REQUIRE_FALSE(checkin.done());
    asked.push_back(checkin.question());
    const auto outcome = checkin.answer(line);
    INFO(outcome.reason);
    REQUIRE(outcome.accepted);
  }
  return asked;
}

}  // namespace

TEST_CASE("checkin: after a run every question is asked, pain goes on yesterday's entry",
          "[journal][checkin]") {
  journal::Checkin checkin({k_day, std::nullopt, std::nullopt, true});
  const auto asked = answer_all(checkin, {"4", "15", "3", "5", "n", "n", "left", "tight calf"});
  CHECK(asked == std::vector<Question>{Question::stiffness, Question::stiffness_minutes,
                                       Question::pain_run, Question::pain_after, Question::swelling,
                                       Question::pop, Question::side, Question::note});
  REQUIRE(checkin.done());
  const auto entries = checkin.entries();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].date == k_yesterday);
  CHECK(entries[0].pain_run == 3);
  CHECK(entries[0].pain_after == 5);
  CHECK_FALSE(entries[0].stiffness);
  CHECK(entries[1].date == k_day);
  CHECK(entries[1].stiffness == 4);
  CHECK(entries[1].stiffness_minutes == 15);
  CHECK(entries[1].swelling == false);
  CHECK(entries[1].pop == false);
  CHECK(entries[1].side == model::Side::left);
  CHECK(entries[1].note == "tight calf");
  CHECK_FALSE(entries[1].pain_run);
}

TEST_CASE("checkin: no run yesterday skips the pain questions, stiffness 0 skips minutes and side",
          "[journal][checkin]") {
  journal::Checkin checkin({k_day, std::nullopt, std::nullopt, false});
  const auto asked = answer_all(checkin, {"0", "n", "n", ""});
  CHECK(asked == std::vector<Question>{Question::stiffness, Question::swelling, Question::pop,
                                       Question::note});
  const auto entries = checkin.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].stiffness == 0);
  CHECK(entries[0].stiffness_minutes == 0);
  CHECK_FALSE(entries[0].side);
  CHECK_FALSE(entries[0].note);
}

TEST_CASE("checkin: a bad answer is refused with a reason and asked again", "[journal][checkin]") {
  journal::Checkin checkin({k_day, std::nullopt, std::nullopt, false});
  CHECK_THAT(checkin.prompt(), Catch::Contains("0 (none) to 10"));
  auto outcome = checkin.answer("11");
  CHECK_FALSE(outcome.accepted);
  CHECK_THAT(outcome.reason, Catch::Contains("from 0 to 10"));
  CHECK(checkin.question() == Question::stiffness);
  outcome = checkin.answer("");
  CHECK_FALSE(outcome.accepted);
  CHECK(checkin.question() == Question::stiffness);
  CHECK(checkin.answer("2").accepted);
  CHECK_FALSE(checkin.answer("two hours").accepted);
  CHECK(checkin.question() == Question::stiffness_minutes);
  CHECK(checkin.answer("5").accepted);
  CHECK_FALSE(checkin.answer("perhaps").accepted);
  CHECK(checkin.question() == Question::swelling);
  CHECK(checkin.answer("y").accepted);
  CHECK(checkin.answer("n").accepted);
  CHECK_FALSE(checkin.answer("up").accepted);
  CHECK(checkin.question() == Question::side);
}

TEST_CASE("checkin: Enter keeps yesterday's values, shown in brackets", "[journal][checkin]") {
  model::JournalEntry yesterday;
  yesterday.date = k_yesterday;
  yesterday.stiffness = 3;
  yesterday.stiffness_minutes = 20;
  yesterday.swelling = true;
  yesterday.pop = true;
  yesterday.side = model::Side::right;
  yesterday.note = "not carried over";
  journal::Checkin checkin({k_day, std::nullopt, yesterday, false});
  CHECK_THAT(checkin.prompt(), Catch::EndsWith("[3]: "));
  answer_all(checkin, {"", ""});
  CHECK_THAT(checkin.prompt(), Catch::EndsWith("[y]: "));
  answer_all(checkin, {""});
  // A pop is an event of its morning: the default is no, not yesterday's yes.
  CHECK_THAT(checkin.prompt(), Catch::EndsWith("[n]: "));
  answer_all(checkin, {"", "", ""});
  const auto entries = checkin.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].stiffness == 3);
  CHECK(entries[0].stiffness_minutes == 20);
  CHECK(entries[0].swelling == true);
  CHECK(entries[0].pop == false);
  CHECK(entries[0].side == model::Side::right);
  CHECK_FALSE(entries[0].note);
}

TEST_CASE("checkin: repeating the check-in offers the day's own stored values",
          "[journal][checkin]") {
  model::JournalEntry today;
  today.date = k_day;
  today.stiffness = 6;
  model::JournalEntry yesterday;
  yesterday.date = k_yesterday;
  yesterday.stiffness = 2;
  yesterday.pain_run = 4;
  journal::Checkin checkin({k_day, today, yesterday, true});
  CHECK_THAT(checkin.prompt(), Catch::EndsWith("[6]: "));
  answer_all(checkin, {"", "10"});
  CHECK(checkin.question() == Question::pain_run);
  CHECK_THAT(checkin.prompt(), Catch::EndsWith("[4]: "));
}

TEST_CASE("checkin: a pop or pain 9 raises the red flag with the answer, pain 8 does not",
          "[journal][checkin]") {
  journal::Checkin checkin({k_day, std::nullopt, std::nullopt, true});
  answer_all(checkin, {"5", "30"});
  auto outcome = checkin.answer("8");
  CHECK(outcome.accepted);
  CHECK(outcome.red_flags.empty());
  outcome = checkin.answer("9");
  CHECK(outcome.red_flags.size() == 1);
  CHECK_THAT(outcome.red_flags[0], Catch::Contains("2024-03-09"));
  CHECK(checkin.answer("n").red_flags.empty());
  outcome = checkin.answer("y");
  REQUIRE(outcome.red_flags.size() == 1);
  CHECK_THAT(outcome.red_flags[0], Catch::Contains("pop") && Catch::Contains("2024-03-10"));
}

TEST_CASE("checkin: notes are kept verbatim", "[journal][checkin]") {
  journal::Checkin checkin({k_day, std::nullopt, std::nullopt, false});
  const std::string note =
      "\"quoted\", 'single', emoji 🏃‍♀️, '); DROP TABLE journal_entries;--";
  answer_all(checkin, {"1", "2", "n", "n", "both", note});
  CHECK(checkin.entries().back().note == note);
}
