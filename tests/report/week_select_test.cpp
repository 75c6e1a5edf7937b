#include <catch2/catch.hpp>

#include <runload/report/week_select.hpp>

#include "analyze/builders.hpp"

using runload::analyze::test::ymd;
using runload::report::parse_iso_week;

TEST_CASE("week_select: ISO weeks, 53 only in long years", "[report][week]") {
  CHECK(parse_iso_week("2020-W53") == ymd(2020, 12, 28));
  CHECK(parse_iso_week("2021-W01") == ymd(2021, 1, 4));
  CHECK(parse_iso_week("2026-W46") == ymd(2026, 11, 9));
  CHECK_FALSE(parse_iso_week("2021-W53"));
  for (const char* bad : {"2021-W00", "2021-W54", "2021W01", "2021-w01", "2021-W1", "21-W01",
                          "2021-W01 ", "", "abcd-Wef"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_week(bad));
  }
}
