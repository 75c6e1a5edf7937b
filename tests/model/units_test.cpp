#include <catch2/catch.hpp>

#include <runload/model/units.hpp>
#include <runload/text/numbers.hpp>

using runload::model::Units;

TEST_CASE("units: a mile is 1609.344 m and a foot 0.3048 m, exactly", "[model][units]") {
  using runload::model::distance_in;
  using runload::model::height_in;
  CHECK(distance_in(1609.344, Units::imperial) == Approx(1.0).epsilon(1e-15));
  CHECK(distance_in(1609.344, Units::metric) == Approx(1.609344).epsilon(1e-15));
  // A marathon, 42,195 m: 42195 / 1609.344 = 26.21875... miles.
  CHECK(distance_in(42195.0, Units::imperial) == Approx(26.218757).epsilon(1e-7));
  CHECK(height_in(0.3048, Units::imperial) == Approx(1.0).epsilon(1e-15));
  CHECK(height_in(100.0, Units::imperial) == Approx(328.0839895).epsilon(1e-9));
  CHECK(height_in(100.0, Units::metric) == 100.0);
}

TEST_CASE("units: a pace per km becomes the pace per mile", "[model][units]") {
  // 5:00/km = 300 s/km; x 1.609344 = 482.8032 s/mi = 8:03/mi.
  CHECK(runload::model::pace_in(300.0, Units::imperial) == Approx(482.8032).epsilon(1e-12));
  CHECK(runload::text::pace_text(300.0, Units::imperial) == "8:03/mi");
  CHECK(runload::text::pace_text(300.0, Units::metric) == "5:00/km");
  CHECK(runload::text::pace_text(288.0) == "4:48/km");
}

TEST_CASE("units: distances and climbs as every renderer writes them", "[model][units]") {
  using runload::text::distance_text;
  using runload::text::height_text;
  CHECK(distance_text(12300.0, Units::metric) == "12.3 km");
  // 12,300 / 1609.344 = 7.6429 mi.
  CHECK(distance_text(12300.0, Units::imperial) == "7.6 mi");
  CHECK(runload::text::distance_number(10000.0, Units::imperial, 2) == "6.21");
  // 140 / 0.3048 = 459.3 ft.
  CHECK(height_text(140.0, Units::imperial) == "459 ft");
  CHECK(height_text(140.0, Units::metric) == "140 m");
}

TEST_CASE("units: the setting's two names", "[model][units]") {
  CHECK(runload::model::units_from_string("imperial") == Units::imperial);
  CHECK(runload::model::units_from_string("metric") == Units::metric);
  CHECK_FALSE(runload::model::units_from_string("Imperial"));
  CHECK_FALSE(runload::model::units_from_string("miles"));
  CHECK(runload::model::to_string(Units::imperial) == "imperial");
}
