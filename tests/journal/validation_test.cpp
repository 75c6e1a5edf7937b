#include <catch2/catch.hpp>

#include <date/tz.h>

#include <runload/journal/validation.hpp>

using namespace runload;
using namespace date::literals;
using journal::FutureDates;

namespace {

const date::sys_days k_today = date::sys_days{2024_y / date::March / 10};

}  // namespace

TEST_CASE("validation: the 0-10 scale takes whole numbers in range only", "[journal][validation]") {
  CHECK(*journal::parse_scale("0").value == 0);
  CHECK(*journal::parse_scale("10").value == 10);
  CHECK(*journal::parse_scale(" 7 ").value == 7);
  for (const char* bad : {"11", "-1", "3.5", "abc", "", "7x", "+3", "99999999999"}) {
    CAPTURE(bad);
    const auto result = journal::parse_scale(bad);
    CHECK_FALSE(result);
    CHECK_THAT(result.error, Catch::Contains("from 0 to 10"));
  }
}

TEST_CASE("validation: stiffness minutes run from 0 to 1440", "[journal][validation]") {
  CHECK(*journal::parse_stiffness_minutes("0").value == 0);
  CHECK(*journal::parse_stiffness_minutes("1440").value == 1440);
  CHECK_FALSE(journal::parse_stiffness_minutes("1441"));
  CHECK_FALSE(journal::parse_stiffness_minutes("-5"));
  CHECK_FALSE(journal::parse_stiffness_minutes("ten"));
}

TEST_CASE("validation: side is left, right or both", "[journal][validation]") {
  CHECK(*journal::parse_side("left").value == model::Side::left);
  CHECK(*journal::parse_side("Right").value == model::Side::right);
  CHECK(*journal::parse_side("both").value == model::Side::both);
  const auto bad = journal::parse_side("middle");
  CHECK_FALSE(bad);
  CHECK_THAT(bad.error, Catch::Contains("left, right or both") && Catch::Contains("middle"));
}

TEST_CASE("validation: yes/no answers in their usual spellings", "[journal][validation]") {
  for (const char* yes : {"yes", "Y", "true", "1", "YES"}) CHECK(*journal::parse_yes_no(yes).value);
  for (const char* no : {"no", "n", "FALSE", "0"}) CHECK_FALSE(*journal::parse_yes_no(no).value);
  CHECK_FALSE(journal::parse_yes_no("maybe"));
  CHECK_FALSE(journal::parse_yes_no(""));
}

TEST_CASE("validation: dates are YYYY-MM-DD, today or yesterday", "[journal][validation]") {
  CHECK(*journal::parse_day("2024-03-01", k_today).value ==
        date::sys_days{2024_y / date::March / 1});
  CHECK(*journal::parse_day("today", k_today).value == k_today);
  CHECK(*journal::parse_day("Yesterday", k_today).value == k_today - date::days{1});
  CHECK(*journal::parse_day("2024-02-29", k_today).value ==
        date::sys_days{2024_y / date::February / 29});
}

TEST_CASE("validation: impossible and malformed dates are refused", "[journal][validation]") {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31"}) {
    CAPTURE(bad);
    const auto result = journal::parse_day(bad, k_today);
    CHECK_FALSE(result);
    CHECK_THAT(result.error, Catch::Contains("not a calendar day"));
  }
  for (const char* bad : {"2024-3-1", "01/03/2024", "tomorrow", "", "2024-03-01x"}) {
    CAPTURE(bad);
    CHECK_FALSE(journal::parse_day(bad, k_today));
  }
}

TEST_CASE("validation: a future date is refused unless allowed", "[journal][validation]") {
  const auto result = journal::parse_day("2024-03-11", k_today);
  CHECK_FALSE(result);
  CHECK_THAT(result.error, Catch::Contains("future"));
  CHECK(journal::parse_day("2024-03-11", k_today, FutureDates::allow));
  CHECK(journal::parse_day("2024-03-10", k_today));
}

TEST_CASE("validation: today is the athlete's calendar day near midnight",
          "[journal][validation]") {
  using namespace std::chrono_literals;
  // 2024-03-09 23:30 UTC is already 2024-03-10 00:30 in Berlin (UTC+1) and still
  // 2024-03-09 18:30 in New York.
  const auto instant = date::sys_days{2024_y / date::March / 9} + 23h + 30min;
  const auto berlin = journal::local_today(instant, date::locate_zone("Europe/Berlin"));
  const auto new_york = journal::local_today(instant, date::locate_zone("America/New_York"));
  CHECK(berlin == date::sys_days{2024_y / date::March / 10});
  CHECK(new_york == date::sys_days{2024_y / date::March / 9});
  CHECK(*journal::parse_day("yesterday", berlin).value == date::sys_days{2024_y / date::March / 9});
  CHECK(*journal::parse_day("yesterday", new_york).value ==
        date::sys_days{2024_y / date::March / 8});
  // Just before midnight in Auckland (UTC+13 in March, daylight time).
  const auto auckland = journal::local_today(date::sys_days{2024_y / date::March / 9} + 10h + 59min,
                                             date::locate_zone("Pacific/Auckland"));
  CHECK(auckland == date::sys_days{2024_y / date::March / 9});
  const auto after = journal::local_today(date::sys_days{2024_y / date::March / 9} + 11h,
                                          date::locate_zone("Pacific/Auckland"));
  CHECK(after == date::sys_days{2024_y / date::March / 10});
  // In Berlin the day after a "today" just past midnight is refused as future.
  CHECK_FALSE(journal::parse_day("2024-03-11", berlin));
  CHECK_FALSE(journal::parse_day("2024-03-10", new_york));
}
