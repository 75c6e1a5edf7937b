#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include <runload/import/localized_date.hpp>

using namespace runload::import;
using namespace std::chrono_literals;

namespace {

const date::local_seconds k_10_oct_2016_205548 =
    date::local_days{date::October / 10 / 2016} + 20h + 55min + 48s;

}  // namespace

TEST_CASE("localized dates: the Strava date in every language of the export", "[import][dates]") {
  for (const char* text : {
           "Oct 10, 2016, 8:55:48 PM",       // English (US)
           "Oct 10, 2016, 8:55:48\u202FPM",  // a narrow no-break space (newer CLDR)
           "10 Oct 2016, 20:55:48",          // English (UK)
           "10.10.2016, 20:55:48",           // German
           "10 oct. 2016, 20:55:48",         // French
           "10 octobre 2016 à 20:55:48",     // French, the form quoted from an export
           "10 oct 2016, 20:55:48",          // Spanish
           "10 ott 2016, 20:55:48",          // Italian
           "10 okt 2016, 20:55:48",          // Dutch
           "10 de out. de 2016 20:55:48",    // Portuguese
           "2016. okt. 10. 20:55:48",        // Hungarian
           "2016-10-10 20:55:48",            // Strava before 2019, Garmin
           "2016-10-10T20:55:48",            // ISO with T
           "Mon, 10 Oct 2016 20:55",         // a weekday; no seconds
       }) {
    INFO(text);
    const auto t = parse_localized_datetime(text, DateOrder::day_first);
    REQUIRE(t);
    if (std::string_view(text).find(":48") == std::string_view::npos)
      CHECK(*t == k_10_oct_2016_205548 - 48s);
    else
      CHECK(*t == k_10_oct_2016_205548);
  }
}

TEST_CASE("localized dates: months with accents, dots and long names", "[import][dates]") {
  const auto on = [](const char* text) {
    const auto t = parse_localized_datetime(text, DateOrder::day_first);
    REQUIRE(t);
    return date::year_month_day{date::floor<date::days>(*t)};
  };
  CHECK(on("5 févr. 2024, 07:03:11") == date::February / 5 / 2024);
  CHECK(on("5 März 2024, 07:03:11") == date::March / 5 / 2024);
  CHECK(on("5 mrt 2024, 07:03:11") == date::March / 5 / 2024);
  CHECK(on("5 de março de 2024 07:03:11") == date::March / 5 / 2024);
  CHECK(on("2024. márc. 5. 7:03:11") == date::March / 5 / 2024);
  CHECK(on("24 mai 2012 à 16:27:40") == date::May / 24 / 2012);
  CHECK(on("9 mei 2026, 19:00:00") == date::May / 9 / 2026);
  CHECK(on("1 août 2024, 07:00:00") == date::August / 1 / 2024);
  CHECK(on("3 dic 2024, 07:00:00") == date::December / 3 / 2024);
  CHECK(on("3 DEZ 2024, 07:00:00") == date::December / 3 / 2024);
}

TEST_CASE("localized dates: 12 AM is midnight, 12 PM noon, a. m. and p. m. are read",
          "[import][dates]") {
  const auto at = [](const char* text) {
    const auto t = parse_localized_datetime(text, DateOrder::day_first);
    REQUIRE(t);
    return *t - date::floor<date::days>(*t);
  };
  CHECK(at("Oct 10, 2016, 12:00:00 AM") == 0s);
  CHECK(at("Oct 10, 2016, 12:00:00 PM") == 12h);
  CHECK(at("10 oct 2016, 8:55:48 p. m.") == 20h + 55min + 48s);
  CHECK(at("10 oct 2016, 8:55:48 a.m.") == 8h + 55min + 48s);
}

TEST_CASE("localized dates: numeric dates follow the order asked for", "[import][dates]") {
  CHECK(parse_localized_datetime("09/12/2022, 15:24:49", DateOrder::day_first) ==
        date::local_days{date::December / 9 / 2022} + 15h + 24min + 49s);
  CHECK(parse_localized_datetime("09/12/2022, 15:24:49", DateOrder::month_first) ==
        date::local_days{date::September / 12 / 2022} + 15h + 24min + 49s);
  const std::vector<std::string_view> us{"7/4/2020 15:36", "7/14/2020 06:10"};
  CHECK(decide_date_order(us, DateOrder::day_first) == DateOrder::month_first);
  const std::vector<std::string_view> german{"09.12.2022, 15:24:49", "21.07.2026, 15:09:27"};
  CHECK(decide_date_order(german, DateOrder::month_first) == DateOrder::day_first);
  const std::vector<std::string_view> unsettled{"01.02.2022, 15:24:49", "Oct 10, 2016, 1:00 PM"};
  CHECK(decide_date_order(unsettled, DateOrder::month_first) == DateOrder::month_first);
}

TEST_CASE("localized dates: what is not a date and a time is refused", "[import][dates]") {
  for (const char* text : {
           "", "yesterday", "Oct 10, 2016",      // no time
           "20:55:48",                           // no date
           "Oct 10, 2016, 8:55:PM",              // a colon without seconds
           "Feb 30, 2024, 8:00:00 AM",           // no such day
           "Oct 10 Nov, 2016, 8:55:48 PM",       // two months
           "13/13/2024, 08:00:00",               // no such month
           "10 Oct 16, 8:55:48 PM",              // a two-digit year
           "Oct 10, 2016, 13:00:00 PM",          // 13 PM
           "Oct 10, 2016, 24:00:00",             // 24 h
           "2016-10-10 20:61:00",                // 61 minutes
           "2016-10-10 7 20:55:48",              // a number left over
           "2024-03-31 01:30:Elevation Loss00",  // seconds that are not digits
           "10 oct 99999, 20:55:48",             // a five-digit year
       }) {
    INFO(text);
    CHECK_FALSE(parse_localized_datetime(text, DateOrder::day_first));
  }
}
