#include <catch2/catch.hpp>

#include <vector>

#include <runload/model/histogram.hpp>

using namespace runload::model;

TEST_CASE(
    "histogram: a value on a bin's lower edge goes into that bin, just below it the one before",
    "[model][histogram]") {
  auto speed = make_speed_histogram();
  // 3.0 m/s is the lower edge of bin 30, [3.0, 3.1); 2.99 m/s is in bin 29.
  speed.add(3.0, 100.0, k_speed_max_bins);
  speed.add(2.99, 40.0, k_speed_max_bins);
  REQUIRE(speed.metres.size() == 31);
  CHECK(speed.metres[30] == 100.0);
  CHECK(speed.metres[29] == 40.0);
  // 0.3 / 0.1 is 2.9999999999999996 in doubles: 0.3 m/s still starts bin 3.
  speed.add(0.3, 7.0, k_speed_max_bins);
  CHECK(speed.metres[3] == 7.0);
  CHECK(speed.metres[2] == 0.0);

  auto grade = make_grade_histogram();
  // 4% is bin (4 - (-50)) / 1 = 54, [4%, 5%); 3.999% is in bin 53.
  grade.add(4.0, 250.0, k_grade_max_bins);
  grade.add(3.999, 60.0, k_grade_max_bins);
  REQUIRE(grade.metres.size() == 55);
  CHECK(grade.metres[54] == 250.0);
  CHECK(grade.metres[53] == 60.0);
}

TEST_CASE("histogram: a value at or below the origin goes into bin 0", "[model][histogram]") {
  auto grade = make_grade_histogram();
  grade.add(-50.0, 10.0, k_grade_max_bins);  // the origin itself: bin 0, [-50%, -49%)
  grade.add(-73.0, 20.0, k_grade_max_bins);  // steeper downhill than the histogram holds
  grade.add(-1e201, 30.0, k_grade_max_bins);
  REQUIRE(grade.metres.size() == 1);
  CHECK(grade.metres[0] == 60.0);

  auto speed = make_speed_histogram();
  speed.add(-0.5, 5.0, k_speed_max_bins);
  REQUIRE(speed.metres.size() == 1);
  CHECK(speed.metres[0] == 5.0);
}

TEST_CASE("histogram: a value beyond max_bins bins is clamped into the last bin",
          "[model][histogram]") {
  auto speed = make_speed_histogram();
  // 250 bins of 0.1 m/s end at 25 m/s: 24.95 m/s is in the last bin (249),
  // 25.0 m/s would be bin 250 and is clamped into 249, as is a glitch of 1e6 m/s.
  speed.add(24.95, 1.0, k_speed_max_bins);
  speed.add(25.0, 2.0, k_speed_max_bins);
  speed.add(1e6, 4.0, k_speed_max_bins);
  speed.add(24.89, 8.0, k_speed_max_bins);  // bin 248, not clamped
  REQUIRE(speed.metres.size() == k_speed_max_bins);
  CHECK(speed.metres[249] == 7.0);
  CHECK(speed.metres[248] == 8.0);

  auto grade = make_grade_histogram();
  // +50% is bin 100, one past the last (99, [49%, 50%)); an absurd elevation's 1e201% too.
  grade.add(50.0, 3.0, k_grade_max_bins);
  grade.add(1e201, 5.0, k_grade_max_bins);
  REQUIRE(grade.metres.size() == k_grade_max_bins);
  CHECK(grade.metres[99] == 8.0);

  // max_bins is the caller's: with 4 unit bins from 0, 7.5 lands in bin 3.
  Histogram small{0.0, 1.0, {}};
  small.add(7.5, 9.0, 4);
  REQUIRE(small.metres.size() == 4);
  CHECK(small.metres == std::vector<double>{0.0, 0.0, 0.0, 9.0});
}

TEST_CASE("histogram: the bins grow to the highest one used, zero-filled, and add up",
          "[model][histogram]") {
  auto speed = make_speed_histogram();
  CHECK(speed.empty());
  speed.add(0.25, 10.0, k_speed_max_bins);  // bin 2
  CHECK_FALSE(speed.empty());
  CHECK(speed.metres == std::vector<double>{0.0, 0.0, 10.0});
  speed.add(0.05, 3.0, k_speed_max_bins);  // bin 0: no growth
  speed.add(0.29, 1.5, k_speed_max_bins);  // bin 2 again: summed
  CHECK(speed.metres == std::vector<double>{3.0, 0.0, 11.5});
  speed.add(0.5, 2.0, k_speed_max_bins);  // bin 5
  CHECK(speed.metres == std::vector<double>{3.0, 0.0, 11.5, 0.0, 0.0, 2.0});
}

TEST_CASE("histogram: total is the distance of every bin, clamped ones included",
          "[model][histogram]") {
  auto grade = make_grade_histogram();
  CHECK(grade.total() == 0.0);
  // 100 + 250.5 + 40 + 9.5 = 400
  grade.add(0.0, 100.0, k_grade_max_bins);
  grade.add(5.0, 250.5, k_grade_max_bins);
  grade.add(-80.0, 40.0, k_grade_max_bins);
  grade.add(80.0, 9.5, k_grade_max_bins);
  CHECK(grade.total() == Approx(400.0));
}

TEST_CASE("histogram: distance_at_or_above counts the bins whose lower edge is at or above it",
          "[model][histogram]") {
  auto speed = make_speed_histogram();
  speed.add(3.0, 1000.0, k_speed_max_bins);  // bin 30, [3.0, 3.1)
  speed.add(4.48, 400.0, k_speed_max_bins);  // bin 44, [4.4, 4.5)
  speed.add(4.5, 250.0, k_speed_max_bins);   // bin 45, [4.5, 4.6)
  speed.add(6.0, 100.0, k_speed_max_bins);   // bin 60, [6.0, 6.1)

  // On a bin edge: that bin counts. 4.5 -> bins 45 and 60 = 250 + 100.
  CHECK(speed.distance_at_or_above(4.5) == Approx(350.0));
  // 4.4 -> bins 44, 45 and 60 = 400 + 250 + 100.
  CHECK(speed.distance_at_or_above(4.4) == Approx(750.0));
  // Off an edge, the bin holding the threshold does not count, even for the
  // 400 m at 4.48 m/s, above a 4.47 threshold: bin-granular, bins 45 and 60 only.
  CHECK(speed.distance_at_or_above(4.47) == Approx(350.0));
  CHECK(speed.distance_at_or_above(4.41) == Approx(350.0));
  // 4.39 is inside bin 43: bins 44, 45 and 60 count.
  CHECK(speed.distance_at_or_above(4.39) == Approx(750.0));
  CHECK(speed.distance_at_or_above(0.0) == Approx(1750.0));
  CHECK(speed.distance_at_or_above(6.0) == Approx(100.0));
  CHECK(speed.distance_at_or_above(6.01) == 0.0);
  CHECK(make_speed_histogram().distance_at_or_above(0.0) == 0.0);

  // Uphill distance (DESIGN.md section 3): a grade of 4% or more.
  auto grade = make_grade_histogram();
  grade.add(3.9, 300.0, k_grade_max_bins);  // bin 53, [3%, 4%)
  grade.add(4.0, 200.0, k_grade_max_bins);  // bin 54, [4%, 5%)
  grade.add(7.2, 50.0, k_grade_max_bins);   // bin 57, [7%, 8%)
  CHECK(grade.distance_at_or_above(4.0) == Approx(250.0));
  CHECK(grade.distance_at_or_above(3.0) == Approx(550.0));
  CHECK(grade.distance_at_or_above(-50.0) == Approx(550.0));
}

TEST_CASE("histogram: speed has 0.1 m/s bins from 0 and grade 1% bins from -50%",
          "[model][histogram]") {
  const auto speed = make_speed_histogram();
  CHECK(speed.origin == 0.0);
  CHECK(speed.width == 0.1);
  CHECK(speed.metres.empty());
  // 250 bins of 0.1 m/s cover [0, 25) m/s.
  CHECK(k_speed_max_bins == 250);
  CHECK(speed.origin + static_cast<double>(k_speed_max_bins) * speed.width == Approx(25.0));

  const auto grade = make_grade_histogram();
  CHECK(grade.origin == -50.0);
  CHECK(grade.width == 1.0);
  CHECK(grade.metres.empty());
  // 100 bins of 1% cover [-50%, +50%): flat ground (0%) is bin 50.
  CHECK(k_grade_max_bins == 100);
  CHECK(grade.origin + static_cast<double>(k_grade_max_bins) * grade.width == 50.0);
  auto flat = make_grade_histogram();
  flat.add(0.0, 1.0, k_grade_max_bins);
  CHECK(flat.metres.size() == 51);
  CHECK(flat.metres[50] == 1.0);
}
