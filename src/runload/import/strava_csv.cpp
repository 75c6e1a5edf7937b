#include <runload/import/strava_csv.hpp>

#include <array>
#include <cmath>
#include <sstream>
#include <string>
#include <utility>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/import/csv_reader.hpp>
#include <runload/import/summary_csv.hpp>
#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

// Headers that only a localised export carries; one is enough to tell.
constexpr std::array<std::string_view, 6> k_localised_markers{
    "Aktivitätsdatum",        // de
    "Aktivitätstyp",          // de
    "Date de l'activité",     // fr
    "Type d'activité",        // fr
    "Fecha de la actividad",  // es
    "Data dell'attività",     // it
};

struct Columns {
  std::optional<std::size_t> date, type, name, gear, filename, distance_km, distance_m, elapsed,
      elapsed_precise, moving, elevation_gain, elevation_loss, max_hr, max_hr_precise, avg_hr,
      max_cadence, avg_cadence, weather_temperature, device_temperature;
};

Columns locate(const CsvHeader& h) {
  Columns c;
  c.date = h.find("Activity Date");
  c.type = h.find("Activity Type");
  c.name = h.find("Activity Name");
  c.gear = h.find("Activity Gear");
  c.filename = h.find("Filename");
  c.distance_km = h.find("Distance", 1);
  c.distance_m = h.find("Distance", 2);
  c.elapsed = h.find("Elapsed Time", 1);
  c.elapsed_precise = h.find("Elapsed Time", 2);
  c.moving = h.find("Moving Time");
  c.elevation_gain = h.find("Elevation Gain");
  c.elevation_loss = h.find("Elevation Loss");
  c.max_hr = h.find("Max Heart Rate", 1);
  c.max_hr_precise = h.find("Max Heart Rate", 2);
  c.avg_hr = h.find("Average Heart Rate");
  c.max_cadence = h.find("Max Cadence");
  c.avg_cadence = h.find("Average Cadence");
  c.weather_temperature = h.find("Weather Temperature");
  c.device_temperature = h.find("Average Temperature");
  return c;
}

// "Oct 10, 2016, 8:55:48 PM" in UTC. Older exports wrote "2016-10-10 20:55:48".
std::optional<date::sys_seconds> parse_strava_date(std::string_view text) {
  const std::string s(trim(text));
  if (!colons_followed_by_digits(s)) return std::nullopt;
  for (const char* format : {"%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S"}) {
    std::istringstream in(s);
    in.imbue(std::locale::classic());
    date::sys_seconds t;
    in >> date::parse(format, t);
    if (!in.fail()) {
      in >> std::ws;
      if (in.eof()) return t;
    }
  }
  return std::nullopt;
}

std::optional<double> number_at(const CsvRecord& row, std::optional<std::size_t> column) {
  return parse_number(row.at(column));
}

// A value from the precise column when it holds one, else from the rounded one.
std::optional<double> prefer(const CsvRecord& row, std::optional<std::size_t> precise,
                             std::optional<std::size_t> rounded) {
  if (auto v = number_at(row, precise)) return v;
  return number_at(row, rounded);
}

std::optional<std::chrono::seconds> seconds_of(std::optional<double> value) {
  if (!value || *value < 0) return std::nullopt;
  return std::chrono::seconds{std::llround(*value)};
}

// A distance or time cell: empty is unknown; anything else must be a number
// from 0 to `max` (not NaN, inf, 1e309, negative or absurd), or the row is in
// error: storing -5 km or a 1e300 s run would poison every sum after it.
struct Bounded {
  std::optional<std::size_t> column;
  const char* what;  // "Distance (km)"
  double max;
};

std::optional<std::string> bad_cell(const CsvRecord& row, const Bounded& cell) {
  if (!cell.column) return std::nullopt;
  const auto text = trim(row.at(cell.column));
  if (text.empty()) return std::nullopt;
  const auto value = parse_number(text);
  if (value && *value >= 0 && *value <= cell.max) return std::nullopt;
  return fmt::format("{} (column {}) must be a number from 0 to {:.0f}, not \"{}\"", cell.what,
                     *cell.column + 1, cell.max, text);
}

// The weather at the start (`Weather Temperature`), else the device's own
// sensor (`Average Temperature`), both in degrees C as the export writes its
// other metric units; a value outside -60 to 60 is no temperature.
std::optional<model::Temperature> temperature_of(const CsvRecord& row, const Columns& col) {
  const auto plausible = [](std::optional<double> v) {
    return v && *v >= -60.0 && *v <= 60.0 ? v : std::nullopt;
  };
  if (auto weather = plausible(number_at(row, col.weather_temperature)))
    return model::Temperature{*weather, model::TemperatureSource::weather};
  if (auto device = plausible(number_at(row, col.device_temperature)))
    return model::Temperature{*device, model::TemperatureSource::device};
  return std::nullopt;
}

std::optional<double> positive(std::optional<double> value) {
  if (!value || *value <= 0) return std::nullopt;
  return value;
}

}  // namespace

model::Sport strava_sport(std::string_view type) noexcept {
  using model::Sport;
  type = trim(type);
  if (type == "Run") return Sport::run;
  if (type == "Trail Run") return Sport::trail_run;
  if (type == "Virtual Run") return Sport::virtual_run;
  if (type == "Walk") return Sport::walk;
  if (type == "Hike") return Sport::hike;
  if (type == "Swim") return Sport::swim;
  // "Ride", "Virtual Ride", "E-Bike Ride", "Mountain Bike Ride", "Gravel Ride",
  // "E-Mountain Bike Ride", "Handcycle", "Velomobile" are cycling.
  if (type.ends_with("Ride") || type == "Handcycle" || type == "Velomobile") return Sport::ride;
  return Sport::other;
}

namespace {

// The activity of one row; nullopt after reporting why the row cannot be read.
std::optional<ParsedActivity> read_row(const CsvRecord& row, const Columns& col,
                                       const ParseContext& ctx, ParseResult& result) {
  const double max_s = static_cast<double>(k_max_activity_duration.count());
  const std::array<Bounded, 5> bounded{{
      {col.distance_km, "Distance in km", k_max_activity_distance_m / 1000.0},
      {col.distance_m, "Distance in metres", k_max_activity_distance_m},
      {col.elapsed, "Elapsed Time in seconds", max_s},
      {col.elapsed_precise, "Elapsed Time in seconds", max_s},
      {col.moving, "Moving Time in seconds", max_s},
  }};
  bool row_ok = true;
  for (const Bounded& cell : bounded) {
    if (auto message = bad_cell(row, cell)) {
      add_error(result, ctx, row.line, std::move(*message));
      row_ok = false;
    }
  }
  if (!row_ok) return std::nullopt;
  const auto start = parse_strava_date(row.at(col.date));
  if (!start) {
    add_error(result, ctx, row.line,
              fmt::format("cannot read Activity Date \"{}\" (expected like \"Oct 10, 2016, "
                          "8:55:48 PM\")",
                          row.at(col.date)));
    return std::nullopt;
  }
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  model::set_start_in_zone(a, *start, ctx.zone);
  a.sport = strava_sport(row.at(col.type));
  a.name = std::string(trim(row.at(col.name)));
  if (auto gear = trim(row.at(col.gear)); !gear.empty()) a.gear = std::string(gear);
  if (auto file = trim(row.at(col.filename)); !file.empty()) parsed.track_file = std::string(file);

  if (auto metres = number_at(row, col.distance_m)) {
    a.distance_m = *metres;
  } else if (auto km = number_at(row, col.distance_km)) {
    a.distance_m = *km * 1000.0;
  }
  a.elapsed = seconds_of(prefer(row, col.elapsed_precise, col.elapsed));
  a.moving = seconds_of(number_at(row, col.moving));
  a.elevation_gain_m = number_at(row, col.elevation_gain);
  a.elevation_loss_m = number_at(row, col.elevation_loss);
  a.avg_hr = positive(number_at(row, col.avg_hr));
  a.max_hr = positive(prefer(row, col.max_hr_precise, col.max_hr));
  a.avg_cadence = positive(number_at(row, col.avg_cadence));
  a.max_cadence = positive(number_at(row, col.max_cadence));
  a.temperature = temperature_of(row, col);
  // Strava stores a run's cadence per leg (85 where the watch shows 170);
  // runload keeps steps per minute for every foot sport.
  if (is_foot_sport(a.sport)) {
    if (a.avg_cadence) *a.avg_cadence *= 2.0;
    if (a.max_cadence) *a.max_cadence *= 2.0;
  }
  a.sources.push_back(model::Source{"strava_csv", ctx.file, row.line});
  return parsed;
}

}  // namespace

ParseResult read_strava_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  const auto opened =
      open_summary_csv(text, ctx, "empty file: no Strava activities.csv header", result);
  if (!opened) return result;
  const Columns col = locate(opened->header);
  if (!col.date || !col.type) {
    for (auto marker : k_localised_markers) {
      if (opened->header.find(marker)) {
        add_error(result, ctx, 1,
                  "this is a localised Strava export (translated column names such as \"" +
                      std::string(marker) +
                      "\"); runload reads the English export: set Strava's language to English "
                      "(Settings > Display Preferences > Language) and export again");
        return result;
      }
    }
    add_error(result, ctx, 1,
              "not a Strava activities.csv: no \"Activity Date\" or \"Activity Type\" column");
    return result;
  }
  const auto& records = opened->table.records();
  for (std::size_t r = 1; r < records.size(); ++r)
    if (auto parsed = read_row(records[r], col, ctx, result))
      result.activities.push_back(std::move(*parsed));
  return result;
}

}  // namespace runload::import
