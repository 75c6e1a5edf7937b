#include <catch2/catch.hpp>

#include <runload/model/local_time.hpp>

using namespace runload;

TEST_CASE("local_time: parse_date takes exactly YYYY-MM-DD of a real day", "[model][time]") {
  CHECK(model::parse_date("2024-02-29") == date::sys_days{date::year{2024} / 2 / 29});
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-01", "2024-01-01x", " 2024-01-01",
                          "20240101", "", "yesterday", "2024-01-00"}) {
    CAPTURE(bad);
    CHECK_FALSE(model::parse_date(bad).has_value());
  }
}

TEST_CASE("local_time: dates and instants format as ISO 8601", "[model][time]") {
  const date::sys_days day{date::year{2024} / 1 / 7};
  CHECK(model::format_date(day) == "2024-01-07");
  CHECK(model::format_utc(day + std::chrono::hours{8} + std::chrono::seconds{5}) ==
        "2024-01-07T08:00:05Z");
}

TEST_CASE("local_time: a run belongs to the local day of its start", "[model][time]") {
  using namespace std::chrono_literals;
  // Sunday 2024-01-07 23:30 in Berlin is 22:30 UTC.
  const date::sys_seconds start = date::sys_days{date::year{2024} / 1 / 7} + 22h + 30min;
  CHECK(runload::model::local_day(start, 1h) == date::sys_days{date::year{2024} / 1 / 7});
  CHECK(runload::model::local_day(start, 2h) == date::sys_days{date::year{2024} / 1 / 8});
  const auto* berlin = date::locate_zone("Europe/Berlin");
  CHECK(runload::model::utc_offset_at(berlin, start) == 1h);
  CHECK(runload::model::utc_offset_at(nullptr, start) == 0s);
  // 02:30 on 2024-03-31 does not exist in Berlin: the transition instant.
  const auto skipped = date::local_days{date::year{2024} / 3 / 31} + 2h + 30min;
  CHECK(runload::model::local_to_utc(berlin, skipped) ==
        date::sys_days{date::year{2024} / 3 / 31} + 1h);
}
