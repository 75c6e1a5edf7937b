#pragma once
// One activity as runload stores it: its summary, its time, and where it came
// from (DESIGN.md sections 3 and 4). Unknown values are nullopt, never 0.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <runload/model/histogram.hpp>
#include <runload/model/sport.hpp>

namespace runload::model {

// Where one stored activity came from. An activity merged from two sources
// (a CSV row and a GPX track) keeps both.
struct Source {
  std::string format;  // "strava_csv", "garmin_csv", "runload_csv", "gpx", "tcx", "fit"
  std::string file;  // path as given to import (archive members: "export.zip!activities/1.fit.gz")
  std::optional<std::int64_t> line;  // CSV line of the row, when the source is a CSV row
};

enum class OffsetOrigin {
  file,  // the file stated the UTC offset (GPX "+01:00", Strava local columns)
  zone,  // derived from the athlete's time zone at the start instant
  // The file gave a naive wall-clock time (Garmin Connect CSV, runload's
  // CSV), read in the athlete's zone: its wall time is what the file says,
  // the instant follows from the zone. A zone change keeps the wall time.
  wall_clock,
};

// Where an activity's temperature came from: the weather at the start
// (Strava's `Weather Temperature`), or the device's own sensor (FIT, GPX
// `atemp`, Strava's `Average Temperature`), which reads high from body heat.
enum class TemperatureSource { weather, device };

std::string_view to_string(TemperatureSource source) noexcept;  // "weather", "device"
std::optional<TemperatureSource> temperature_source_from_string(std::string_view text) noexcept;

struct Temperature {
  double celsius = 0.0;
  TemperatureSource source = TemperatureSource::weather;
};

struct Activity {
  std::optional<std::int64_t> id;  // set once stored
  date::sys_seconds start_utc{};
  std::chrono::seconds utc_offset{0};
  OffsetOrigin offset_origin = OffsetOrigin::zone;
  Sport sport = Sport::run;
  std::string name;
  std::optional<double> distance_m;
  std::optional<std::chrono::seconds> elapsed;
  std::optional<std::chrono::seconds> moving;
  std::optional<double> elevation_gain_m;
  std::optional<double> elevation_loss_m;
  std::optional<double> avg_hr;
  std::optional<double> max_hr;
  std::optional<double> avg_cadence;
  std::optional<double> max_cadence;
  std::optional<std::string> gear;
  std::optional<Temperature> temperature;
  // Present only when the activity has a track with positions and times.
  std::optional<Histogram> speed_histogram;
  std::optional<Histogram> grade_histogram;
  // Time by heart rate (make_heart_rate_histogram), seconds per bin: present
  // only when a track carried heart-rate readings, positions or not.
  std::optional<Histogram> heart_rate_histogram;
  std::vector<Source> sources;

  bool has_track() const noexcept { return speed_histogram.has_value(); }

  // The local calendar day of the start: start_utc + utc_offset, floored to days.
  date::sys_days local_date() const noexcept {
    return date::floor<date::days>(start_utc + utc_offset);
  }
};

}  // namespace runload::model
