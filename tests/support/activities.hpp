#pragma once
// Hand-made activities for store and import tests. Header-only: the test
// target lists its support sources explicitly.

#include <chrono>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <runload/model/activity.hpp>

// utc("2024-01-07T08:00:00Z") as an instant; throws on anything else.
// csv_row: a run with no track from a CSV row (format "runload_csv", file
// "log.csv", line 2), offset +00:00 from the zone.
// track: a run with a track (format "gpx" unless given, no line), every
// metric and the three histograms set (heart rate: 1,800 s at 150 bpm and
// 1,200 s at 165).
namespace runload::test {

inline date::sys_seconds utc(std::string_view iso) {
  std::istringstream in{std::string(iso)};
  date::sys_seconds t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail()) throw std::invalid_argument("bad test instant " + std::string(iso));
  return t;
}

inline model::Activity csv_row(date::sys_seconds start, std::optional<double> distance_m,
                               std::optional<std::chrono::seconds> elapsed) {
  model::Activity a;
  a.start_utc = start;
  a.name = "row";
  a.distance_m = distance_m;
  a.elapsed = elapsed;
  a.sources.push_back({"runload_csv", "log.csv", 2});
  return a;
}

inline model::Activity track(date::sys_seconds start, std::optional<double> distance_m,
                             std::optional<std::chrono::seconds> elapsed,
                             std::string format = "gpx") {
  model::Activity a;
  a.start_utc = start;
  a.name = "track";
  a.distance_m = distance_m;
  a.elapsed = elapsed;
  a.moving = elapsed ? std::optional(*elapsed - std::chrono::seconds{60}) : std::nullopt;
  a.elevation_gain_m = 42.5;
  a.elevation_loss_m = 40.0;
  a.avg_hr = 150.0;
  a.max_hr = 171.0;
  a.avg_cadence = 172.0;
  a.max_cadence = 190.0;
  a.speed_histogram = model::make_speed_histogram();
  a.speed_histogram->add(2.75, 4000.0, model::k_speed_max_bins);
  a.speed_histogram->add(3.5, 1000.5, model::k_speed_max_bins);
  a.grade_histogram = model::make_grade_histogram();
  a.grade_histogram->add(0.5, 4500.0, model::k_grade_max_bins);
  a.grade_histogram->add(5.0, 500.5, model::k_grade_max_bins);
  a.heart_rate_histogram = model::make_heart_rate_histogram();
  a.heart_rate_histogram->add(150.0, 1800.0, model::k_heart_rate_max_bins);
  a.heart_rate_histogram->add(165.0, 1200.0, model::k_heart_rate_max_bins);
  a.sources.push_back({std::move(format), "run.gpx", std::nullopt});
  return a;
}

}  // namespace runload::test
