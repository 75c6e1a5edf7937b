#include <catch2/catch.hpp>

#include <runload/model/histogram.hpp>
#include <runload/model/sport.hpp>

using namespace runload::model;

TEST_CASE("sport: only the four running sports count as running", "[model]") {
  CHECK(is_running(Sport::run));
  CHECK(is_running(Sport::trail_run));
  CHECK(is_running(Sport::treadmill_run));
  CHECK(is_running(Sport::virtual_run));
  CHECK_FALSE(is_running(Sport::walk));
  CHECK_FALSE(is_running(Sport::hike));
  CHECK_FALSE(is_running(Sport::ride));
  CHECK_FALSE(is_running(Sport::other));
}

TEST_CASE("sport: names round-trip and unknown names are refused", "[model]") {
  for (auto s : {Sport::run, Sport::trail_run, Sport::treadmill_run, Sport::virtual_run,
                 Sport::walk, Sport::hike, Sport::ride, Sport::swim, Sport::other}) {
    CHECK(sport_from_string(to_string(s)) == s);
  }
  CHECK_FALSE(sport_from_string("Run").has_value());
}

TEST_CASE("histogram: distance lands in its 0.1 m/s bin and sums at a threshold", "[model]") {
  auto h = make_speed_histogram();
  h.add(2.95, 100.0, k_speed_max_bins);  // bin 29: [2.9, 3.0)
  h.add(3.0, 50.0, k_speed_max_bins);    // bin 30
  h.add(3.55, 25.0, k_speed_max_bins);   // bin 35
  h.add(99.0, 1.0, k_speed_max_bins);    // clamped into the last bin
  REQUIRE(h.metres.size() == k_speed_max_bins);
  CHECK(h.metres[29] == Approx(100.0));
  CHECK(h.metres[30] == Approx(50.0));
  CHECK(h.distance_at_or_above(3.0) == Approx(76.0));
  CHECK(h.total() == Approx(176.0));
}
