#include <catch2/catch.hpp>

#include <runload/analyze/response.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using namespace runload::analyze::test;

TEST_CASE("response: the day before a morning, with its share of the 30-day longest",
          "[analyze][response]") {
  const auto h = history_of({with_gain(run_on(ymd(2024, 3, 1), 10.0), 40.0),
                             with_gain(run_on(ymd(2024, 3, 10), 13.0), 160.0)},
                            {}, ymd(2024, 1, 1), ymd(2024, 3, 17));
  const auto before = day_before(h, ymd(2024, 3, 10));
  REQUIRE(before);
  CHECK(before->runs == 1);
  CHECK(before->distance_m == Approx(13'000.0));
  CHECK(*before->over_longest_pct == Approx(30.0));                     // 13 km over 10 km
  CHECK(*before->pace_s_per_km == Approx(1000.0 / 3.0).epsilon(0.01));  // 3 m/s
  CHECK(*before->elevation_gain_m == Approx(160.0));
  CHECK_FALSE(day_before(h, ymd(2024, 3, 11)).has_value());
}

TEST_CASE("response: a trait that came before the worse mornings is counted, never explained",
          "[analyze][response]") {
  // Stiffness 1 on every morning of March; after each of 3 hilly runs (150 m)
  // it is 4 the next morning (3 points above the usual 1), after 3 flat runs
  // it stays at 1.
  std::vector<model::Activity> runs;
  std::vector<model::JournalEntry> journal;
  for (int d = 1; d <= 31; ++d)
    journal.push_back(morning(ymd(2024, 3, static_cast<unsigned>(d)), 1));
  for (unsigned d : {5u, 12u, 19u}) {
    runs.push_back(with_gain(run_on(ymd(2024, 3, d), 8.0), 150.0));
    journal[d].stiffness = 4;  // the morning of d + 1
  }
  for (unsigned d : {8u, 15u, 22u}) runs.push_back(with_gain(run_on(ymd(2024, 3, d), 8.0), 20.0));
  const auto h = history_of(runs, journal, ymd(2024, 1, 1), ymd(2024, 3, 31));
  const auto r = response(h, ymd(2024, 3, 1), ymd(2024, 3, 31));
  CHECK(r.mornings == 6);
  CHECK(r.worse == 3);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].trait == "a run with 100 m of climb or more");
  CHECK(r.findings[0].worse_with == 3);
  CHECK(r.findings[0].other_with == 0);
  CHECK(r.findings[0].other == 3);
  CHECK_THAT(r.findings[0].text, Catch::StartsWith("3 of the 3 mornings"));
}

TEST_CASE("response: fewer than 3 worse mornings claim nothing", "[analyze][response]") {
  std::vector<model::JournalEntry> journal;
  for (int d = 1; d <= 31; ++d)
    journal.push_back(morning(ymd(2024, 3, static_cast<unsigned>(d)), 1));
  journal[5].stiffness = 4;  // after the run of Mar 5
  const auto h = history_of({with_gain(run_on(ymd(2024, 3, 5), 8.0), 150.0)}, journal,
                            ymd(2024, 1, 1), ymd(2024, 3, 31));
  const auto r = response(h, ymd(2024, 3, 1), ymd(2024, 3, 31));
  CHECK(r.worse == 1);
  CHECK(r.findings.empty());
}
