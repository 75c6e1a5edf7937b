#include <runload/import/garmin_csv.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

// Garmin writes this for "no value".
constexpr std::string_view k_missing = "--";
constexpr double k_metres_per_mile = 1609.344;
constexpr double k_metres_per_yard = 0.9144;
constexpr double k_metres_per_foot = 0.3048;

bool is_missing(std::string_view cell) {
  cell = trim(cell);
  return cell.empty() || cell == k_missing;
}

// Votes of one cell: +1 decimal comma, -1 decimal point, 0 no evidence.
int vote(std::string_view cell) {
  cell = trim(cell);
  if (const auto colon = cell.rfind(':'); colon != std::string_view::npos) {
    cell.remove_prefix(colon + 1);
  }
  if (!cell.empty() && cell.front() == '-') cell.remove_prefix(1);
  int commas = 0, points = 0;
  std::size_t last_comma = 0, last_point = 0;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ',') {
      ++commas;
      last_comma = i;
    } else if (c == '.') {
      ++points;
      last_point = i;
    } else if (c < '0' || c > '9') {
      return 0;  // not a number
    }
  }
  if (commas > 0 && points > 0) return last_comma > last_point ? 1 : -1;
  if (commas > 1) return -1;
  if (points > 1) return 1;
  if (commas == 1) return cell.size() - last_comma - 1 == 3 ? 0 : 1;
  if (points == 1) return cell.size() - last_point - 1 == 3 ? 0 : -1;
  return 0;
}

struct Columns {
  std::optional<std::size_t> type, date, title, distance, time, elapsed, moving, avg_hr, max_hr,
      avg_cadence, max_cadence, ascent, descent;
};

}  // namespace

NumberStyle decide_number_style(const CsvTable& table) {
  long comma = 0;
  long point = 0;
  const auto& records = table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    for (auto cell : records[r].fields) {
      const int v = vote(cell);
      if (v > 0) ++comma;
      if (v < 0) ++point;
    }
  }
  if (comma > point) return NumberStyle{',', '.'};
  return NumberStyle{'.', ','};
}

ParseResult read_garmin_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  auto error = [&](std::optional<std::int64_t> line, std::string message) {
    result.errors.push_back(Problem{ctx.file, line, std::nullopt, std::move(message)});
  };
  const CsvTable table = parse_csv(text);
  if (table.error()) {
    error(table.error()->line, table.error()->message);
    return result;
  }
  if (table.records().empty()) {
    error(std::nullopt, "empty file: no Garmin Connect CSV header");
    return result;
  }
  const CsvHeader h(table.records().front());
  Columns c;
  c.type = h.find("Activity Type");
  c.date = h.find("Date");
  c.title = h.find("Title");
  c.distance = h.find("Distance");
  c.time = h.find("Time");
  c.elapsed = h.find("Elapsed Time");
  c.moving = h.find("Moving Time");
  c.avg_hr = h.find("Avg HR");
  c.max_hr = h.find("Max HR");
  c.avg_cadence = h.find("Avg Run Cadence");
  c.max_cadence = h.find("Max Run Cadence");
  c.ascent = h.find("Total Ascent");
  c.descent = h.find("Total Descent");
  if (!c.type || !c.date) {
    error(1, "not a Garmin Connect activities CSV: no \"Activity Type\" or \"Date\" column");
    return result;
  }
  const NumberStyle style = decide_number_style(table);

  const auto& records = table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& row = records[r];
    bool row_ok = true;
    auto number = [&](std::optional<std::size_t> column,
                      std::string_view what) -> std::optional<double> {
      const auto cell = row.at(column);
      if (is_missing(cell)) return std::nullopt;
      auto v = parse_number(cell, style.decimal, style.thousands);
      if (!v) {
        error(row.line, fmt::format("cannot read {} \"{}\"", what, cell));
        row_ok = false;
      }
      return v;
    };
    auto duration = [&](std::optional<std::size_t> column,
                        std::string_view what) -> std::optional<std::chrono::seconds> {
      const auto cell = row.at(column);
      if (is_missing(cell)) return std::nullopt;
      auto v = parse_duration(cell, style.decimal);
      if (!v) {
        error(row.line, fmt::format("cannot read {} \"{}\"", what, cell));
        row_ok = false;
      }
      return v;
    };

    const std::string date_text(trim(row.at(c.date)));
    std::istringstream in(date_text);
    date::local_seconds local;
    if (colons_followed_by_digits(date_text)) in >> date::parse("%Y-%m-%d %H:%M:%S", local);
    if (!colons_followed_by_digits(date_text) || in.fail()) {
      error(row.line, fmt::format("cannot read Date \"{}\" (expected like \"2026-01-04 "
                                  "12:38:59\")",
                                  date_text));
      continue;
    }

    ParsedActivity parsed;
    model::Activity& a = parsed.activity;
    model::set_start_in_zone(a, model::local_to_utc(ctx.zone, local), ctx.zone);
    a.sport = sport_from_label(row.at(c.type));
    if (a.sport == model::Sport::run && trim(row.at(c.type)).empty()) a.sport = model::Sport::other;
    a.name = std::string(trim(row.at(c.title)));

    if (auto d = number(c.distance, "Distance")) {
      const bool miles = ctx.distance_unit == DistanceUnit::miles;
      if (a.sport == model::Sport::swim) {
        a.distance_m = *d * (miles ? k_metres_per_yard : 1.0);
      } else {
        a.distance_m = *d * (miles ? k_metres_per_mile : 1000.0);
      }
    }
    a.elapsed = duration(c.elapsed ? c.elapsed : c.time, "Elapsed Time");
    a.moving = duration(c.moving, "Moving Time");
    a.avg_hr = number(c.avg_hr, "Avg HR");
    a.max_hr = number(c.max_hr, "Max HR");
    a.avg_cadence = number(c.avg_cadence, "Avg Run Cadence");
    a.max_cadence = number(c.max_cadence, "Max Run Cadence");
    a.elevation_gain_m = number(c.ascent, "Total Ascent");
    a.elevation_loss_m = number(c.descent, "Total Descent");
    if (ctx.distance_unit == DistanceUnit::miles) {
      if (a.elevation_gain_m) *a.elevation_gain_m *= k_metres_per_foot;
      if (a.elevation_loss_m) *a.elevation_loss_m *= k_metres_per_foot;
    }
    if (!row_ok) continue;
    a.sources.push_back(model::Source{"garmin_csv", ctx.file, row.line});
    result.activities.push_back(std::move(parsed));
  }
  return result;
}

}  // namespace runload::import
