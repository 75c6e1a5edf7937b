#include <catch2/catch.hpp>

#include <runload/identity/activity_merge.hpp>
#include "support/activities.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::csv_row;
using test::track;
using test::utc;

TEST_CASE("activity_merge: is_same_run is symmetric", "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  const auto a = csv_row(start, 10000.0, std::nullopt);
  const auto b = track(start + 60s, 9050.0, std::nullopt);  // 10000 is 10.5% above 9050
  CHECK_FALSE(identity::is_same_run(a, b));
  CHECK_FALSE(identity::is_same_run(b, a));
  const auto c = track(start + 60s, 9100.0, std::nullopt);
  CHECK(identity::is_same_run(a, c));
  CHECK(identity::is_same_run(c, a));
}

TEST_CASE("activity_merge: moving time decides when an elapsed time is missing", "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto a = csv_row(start, std::nullopt, std::nullopt);
  a.moving = 3000s;
  auto b = track(start, std::nullopt, std::nullopt);
  b.moving = 3100s;
  CHECK(identity::is_same_run(a, b));
  b.moving = 3400s;
  CHECK_FALSE(identity::is_same_run(a, b));
}

TEST_CASE("activity_merge: of two tracks FIT's device totals win over GPX", "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto gpx = track(start, 10100.0, 3010s, "gpx");
  gpx.name = "GPX name";
  auto fit = track(start + 5s, 10000.0, 3000s, "fit");
  fit.name = "FIT name";
  fit.avg_hr.reset();
  fit.heart_rate_histogram.reset();
  gpx.id = 1;
  const auto merged = identity::merge_activities(gpx, fit);
  // FIT has no heart rate: the GPX's histogram is kept, as its avg_hr is.
  REQUIRE(merged.heart_rate_histogram);
  CHECK(merged.heart_rate_histogram->metres == gpx.heart_rate_histogram->metres);
  CHECK(merged.id == 1);
  CHECK(merged.distance_m == 10000.0);
  CHECK(merged.start_utc == start + 5s);
  CHECK(merged.avg_hr == 150.0);     // FIT lacks it: filled from the GPX
  CHECK(merged.name == "GPX name");  // neither is a row: stored wins
  CHECK(merged.sources.size() == 2);

  const auto reverse = identity::merge_activities(fit, gpx);
  CHECK(reverse.distance_m == 10000.0);
  CHECK(reverse.name == "FIT name");
}

TEST_CASE("activity_merge: of two CSV rows the stored wins, gaps filled from the other",
          "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto strava = csv_row(start, 10000.0, 3000s);
  strava.sources[0] = {"strava_csv", "activities.csv", 4};
  strava.name = "Strava name";
  auto garmin = csv_row(start + 60s, 10050.0, 3020s);
  garmin.sources[0] = {"garmin_csv", "Activities.csv", 9};
  garmin.name = "Garmin name";
  garmin.gear = "Clifton 9";
  garmin.avg_hr = 148.0;
  const auto merged = identity::merge_activities(strava, garmin);
  CHECK(merged.name == "Strava name");
  CHECK(merged.distance_m == 10000.0);
  CHECK(merged.start_utc == start);
  CHECK(merged.gear == "Clifton 9");
  CHECK(merged.avg_hr == 148.0);
  CHECK(identity::classify_match(strava, garmin) == identity::MatchKind::merge);
  CHECK(identity::classify_match(strava, strava) == identity::MatchKind::duplicate);
}

TEST_CASE("activity_merge: a stated offset wins over one derived from the zone", "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto row = csv_row(start, 10000.0, 3000s);
  row.offset_origin = model::OffsetOrigin::file;
  row.utc_offset = 3600s;
  auto gpx = track(start, 10000.0, 3000s);
  gpx.utc_offset = 0s;
  const auto merged = identity::merge_activities(gpx, row);
  CHECK(merged.utc_offset == 3600s);
  CHECK(merged.offset_origin == model::OffsetOrigin::file);
  CHECK(identity::merge_activities(row, gpx).utc_offset == 3600s);
}

TEST_CASE("activity_merge: sport `other` and an empty name are filled from the other side",
          "[store][merge]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto row = csv_row(start, 10000.0, 3000s);
  row.sport = model::Sport::other;
  row.name.clear();
  auto gpx = track(start, 10000.0, 3000s);
  gpx.sport = model::Sport::run;
  const auto merged = identity::merge_activities(row, gpx);
  CHECK(merged.sport == model::Sport::run);
  CHECK(merged.name == "track");
}

TEST_CASE(
    "activity_merge: the heart-rate histogram goes with the better track, a CSV row adds "
    "none",
    "[store][merge][heart_rate]") {
  const auto start = utc("2024-01-07T08:00:00Z");
  auto gpx = track(start, 10100.0, 3010s, "gpx");
  auto fit = track(start + 5s, 10000.0, 3000s, "fit");
  fit.heart_rate_histogram = model::make_heart_rate_histogram();
  fit.heart_rate_histogram->add(140.0, 3000.0, model::k_heart_rate_max_bins);
  // Both have one: FIT's, the winner's, whichever was stored first.
  CHECK(identity::merge_activities(gpx, fit).heart_rate_histogram->metres ==
        fit.heart_rate_histogram->metres);
  CHECK(identity::merge_activities(fit, gpx).heart_rate_histogram->metres ==
        fit.heart_rate_histogram->metres);
  // A CSV row has no histogram: the track's stays, in either order.
  const auto row = csv_row(start, 10000.0, 3000s);
  CHECK(identity::merge_activities(row, gpx).heart_rate_histogram->metres ==
        gpx.heart_rate_histogram->metres);
  CHECK(identity::merge_activities(gpx, row).heart_rate_histogram->metres ==
        gpx.heart_rate_histogram->metres);
  CHECK_FALSE(identity::merge_activities(row, row).heart_rate_histogram);
}
