#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/import/iso_time.hpp>

using runload::import::parse_iso_time;
using namespace std::chrono_literals;

namespace {

// The UTC instant `text` parses to, to the millisecond ("2024-03-10T06:30:15.000Z"),
// or "nullopt": a failed check then shows both instants in full.
std::string utc_of(std::string_view text) {
  const auto parsed = parse_iso_time(text);
  if (!parsed) return "nullopt";
  return date::format("%FT%TZ", parsed->utc);
}

// The offset `text` states, or nullopt; REQUIRES that it parses.
std::optional<std::chrono::seconds> stated_offset_of(std::string_view text) {
  const auto parsed = parse_iso_time(text);
  REQUIRE(parsed.has_value());
  return parsed->stated_offset;
}

}  // namespace

TEST_CASE("iso_time: Z and no designator both read as UTC and state no offset",
          "[import][iso_time]") {
  CHECK(utc_of("2024-03-10T06:30:15Z") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("2024-03-10T06:30:15z") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("2024-03-10T06:30:15") == "2024-03-10T06:30:15.000Z");
  CHECK_FALSE(stated_offset_of("2024-03-10T06:30:15Z").has_value());
  CHECK_FALSE(stated_offset_of("2024-03-10T06:30:15").has_value());
  // The parsed value itself, not only its formatting: 2024-03-10 is day 19792
  // of the Unix epoch (54 years of 365 days + 13 leap days + 69 days of 2024),
  // so 06:30:15 is 19792 x 86400 + 23415 = 1710052215 s.
  const auto parsed = parse_iso_time("2024-03-10T06:30:15Z");
  REQUIRE(parsed);
  CHECK(parsed->utc.time_since_epoch() == 1710052215000ms);
}

TEST_CASE("iso_time: +01:00 and +0100 are one hour ahead of UTC and are stated",
          "[import][iso_time]") {
  // 07:30:15 at UTC+1 is 06:30:15 UTC.
  CHECK(utc_of("2024-03-10T07:30:15+01:00") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("2024-03-10T07:30:15+0100") == "2024-03-10T06:30:15.000Z");
  CHECK(stated_offset_of("2024-03-10T07:30:15+01:00") == 3600s);
  CHECK(stated_offset_of("2024-03-10T07:30:15+0100") == 3600s);
  // 00:30 at UTC+1 is 23:30 UTC of the day before.
  CHECK(utc_of("2024-03-01T00:30:00+01:00") == "2024-02-29T23:30:00.000Z");
  // +00:00 is UTC too, but stated, unlike Z.
  CHECK(utc_of("2024-03-10T06:30:15+00:00") == "2024-03-10T06:30:15.000Z");
  CHECK(stated_offset_of("2024-03-10T06:30:15+00:00") == 0s);
}

TEST_CASE("iso_time: -05:30 is five and a half hours behind UTC", "[import][iso_time]") {
  // 01:00 at UTC-5:30 is 01:00 + 5:30 = 06:30 UTC; the offset is -(5 x 3600 + 30 x 60) s.
  CHECK(utc_of("2024-03-10T01:00:00-05:30") == "2024-03-10T06:30:00.000Z");
  CHECK(stated_offset_of("2024-03-10T01:00:00-05:30") == -19800s);
  // 22:00 at UTC-5:30 is 03:30 UTC of the next day.
  CHECK(utc_of("2024-03-09T22:00:00-05:30") == "2024-03-10T03:30:00.000Z");
  CHECK(utc_of("2024-03-09T22:00:00-0530") == "2024-03-10T03:30:00.000Z");
}

TEST_CASE("iso_time: a fraction is kept to the millisecond and longer ones are truncated",
          "[import][iso_time]") {
  CHECK(utc_of("2024-03-10T06:30:15.5Z") == "2024-03-10T06:30:15.500Z");
  CHECK(utc_of("2024-03-10T06:30:15.25Z") == "2024-03-10T06:30:15.250Z");
  CHECK(utc_of("2024-03-10T06:30:15.123Z") == "2024-03-10T06:30:15.123Z");
  CHECK(utc_of("2024-03-10T06:30:15,123Z") == "2024-03-10T06:30:15.123Z");
  CHECK(utc_of("2024-03-10T06:30:15.123") == "2024-03-10T06:30:15.123Z");
  CHECK(utc_of("2024-03-10T07:30:15.250+01:00") == "2024-03-10T06:30:15.250Z");
  // Digits past the third are dropped, not rounded: .1239 would round to .124,
  // and .9999 to the next second.
  CHECK(utc_of("2024-03-10T06:30:15.1239Z") == "2024-03-10T06:30:15.123Z");
  CHECK(utc_of("2024-03-10T06:30:15.9999Z") == "2024-03-10T06:30:15.999Z");
  CHECK(utc_of("2024-03-10T06:30:15.123456789Z") == "2024-03-10T06:30:15.123Z");
  CHECK(utc_of("2024-03-10T06:30:15.0009Z") == "2024-03-10T06:30:15.000Z");
  // A separator without digits is not a fraction.
  CHECK(utc_of("2024-03-10T06:30:15.Z") == "nullopt");
  CHECK(utc_of("2024-03-10T06:30:15.") == "nullopt");
}

TEST_CASE("iso_time: a space may replace the T", "[import][iso_time]") {
  CHECK(utc_of("2024-03-10 06:30:15") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("2024-03-10 07:30:15+01:00") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("2024-03-10_06:30:15") == "nullopt");
  CHECK(utc_of("2024-03-1006:30:15") == "nullopt");
}

TEST_CASE("iso_time: impossible dates are refused, leap days only in leap years",
          "[import][iso_time]") {
  CHECK(utc_of("2024-02-29T12:00:00Z") == "2024-02-29T12:00:00.000Z");
  // 2000 is divisible by 400: a leap year; 2100 by 100 only: not one.
  CHECK(utc_of("2000-02-29T12:00:00Z") == "2000-02-29T12:00:00.000Z");
  for (const char* bad : {"2023-02-30T12:00:00Z", "2023-02-29T12:00:00Z", "2100-02-29T12:00:00Z",
                          "2024-04-31T12:00:00Z", "2024-13-01T12:00:00Z", "2024-00-10T12:00:00Z",
                          "2024-01-00T12:00:00Z", "2024-01-32T12:00:00Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_time(bad).has_value());
  }
}

TEST_CASE("iso_time: hours run to 23 and minutes to 59, 24:00 and 25:00 are refused",
          "[import][iso_time]") {
  CHECK(utc_of("2024-03-10T23:59:59Z") == "2024-03-10T23:59:59.000Z");
  CHECK(utc_of("2024-03-10T00:00:00Z") == "2024-03-10T00:00:00.000Z");
  // ISO 8601 allows 24:00:00 as the end of a day; this parser does not.
  for (const char* bad : {"2024-03-10T24:00:00Z", "2024-03-10T25:00:00Z", "2024-03-10T23:60:00Z",
                          "2024-03-10T23:59:61Z", "2024-03-10T99:00:00Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_time(bad).has_value());
  }
}

TEST_CASE("iso_time: a leap second :60 is read as the start of the next second",
          "[import][iso_time]") {
  // The leap second at the end of 2016: 23:59:60 folds into 2017-01-01 00:00:00.
  CHECK(utc_of("2016-12-31T23:59:60Z") == "2017-01-01T00:00:00.000Z");
  CHECK(utc_of("2016-12-31T23:59:60.500Z") == "2017-01-01T00:00:00.500Z");
  // At UTC+1 the same leap second is at 00:59:60 local time.
  CHECK(utc_of("2017-01-01T00:59:60+01:00") == "2017-01-01T00:00:00.000Z");
}

TEST_CASE("iso_time: a time without seconds is refused", "[import][iso_time]") {
  for (const char* bad : {"2024-03-10T06:30Z", "2024-03-10T06:30", "2024-03-10T06:30+01:00",
                          "2024-03-10T06:30:5Z", "2024-03-10T06Z", "2024-03-10"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_time(bad).has_value());
  }
}

TEST_CASE("iso_time: trailing garbage and malformed offsets are refused", "[import][iso_time]") {
  for (const char* bad :
       {"2024-03-10T06:30:15Zx", "2024-03-10T06:30:15ZZ", "2024-03-10T06:30:15 UTC",
        "2024-03-10T06:30:15Z+01:00", "2024-03-10T06:30:15+01:00x", "2024-03-10T06:30:15+01:00:00",
        "2024-03-10T06:30:15+01", "2024-03-10T06:30:15+1:00", "2024-03-10T06:30:15+01:0",
        "2024-03-10T06:30:15+24:00", "2024-03-10T06:30:15+01:60", "2024-03-10T06:30:15 +01:00",
        "2024-03-10T06:30:15.5x", "2024-03-10T06:30:15 06"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_time(bad).has_value());
  }
}

TEST_CASE("iso_time: whitespace and line ends around the text are ignored", "[import][iso_time]") {
  // A GPX <time> element may hold its text on a line of its own.
  CHECK(utc_of("  2024-03-10T06:30:15Z\n") == "2024-03-10T06:30:15.000Z");
  CHECK(utc_of("\r\n\t2024-03-10T06:30:15Z\r\n") == "2024-03-10T06:30:15.000Z");
}

TEST_CASE("iso_time: an empty text and a signed or five-digit year are refused",
          "[import][iso_time]") {
  for (const char* bad : {"", " ", "\n", "Z", "+2024-03-10T06:30:15Z", "-2024-03-10T06:30:15Z",
                          "12024-03-10T06:30:15Z", "024-03-10T06:30:15Z", "2024-3-10T06:30:15Z",
                          "2024/03/10T06:30:15Z", "2024-03-10T06-30-15Z", "2024-0a-10T06:30:15Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_time(bad).has_value());
  }
}
