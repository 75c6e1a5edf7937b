#include <runload/import/garmin_csv.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/import/summary_csv.hpp>
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

namespace {

Columns locate(const CsvHeader& h) {
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
  return c;
}

// The cells of one row, read in the file's number style; a cell that cannot
// be read is reported and marks the row bad.
class RowCells {
 public:
  RowCells(const CsvRecord& row, NumberStyle style, const ParseContext& ctx, ParseResult& result)
      : m_row(row), m_style(style), m_ctx(ctx), m_result(result) {}

  std::optional<double> number(std::optional<std::size_t> column, std::string_view what) {
    const auto cell = m_row.at(column);
    if (is_missing(cell)) return std::nullopt;
    auto v = parse_number(cell, m_style.decimal, m_style.thousands);
    if (!v) fail(what, cell);
    return v;
  }

  std::optional<std::chrono::seconds> duration(std::optional<std::size_t> column,
                                               std::string_view what) {
    const auto cell = m_row.at(column);
    if (is_missing(cell)) return std::nullopt;
    auto v = parse_duration(cell, m_style.decimal);
    if (!v) fail(what, cell);
    return v;
  }

  bool ok() const noexcept { return m_ok; }

 private:
  void fail(std::string_view what, std::string_view cell) {
    add_error(m_result, m_ctx, m_row.line, fmt::format("cannot read {} \"{}\"", what, cell));
    m_ok = false;
  }

  const CsvRecord& m_row;
  NumberStyle m_style;
  const ParseContext& m_ctx;
  ParseResult& m_result;
  bool m_ok = true;
};

// "2026-01-04 12:38:59", a naive local time.
std::optional<date::local_seconds> parse_garmin_date(const std::string& text) {
  if (!colons_followed_by_digits(text)) return std::nullopt;
  std::istringstream in(text);
  date::local_seconds local;
  in >> date::parse("%Y-%m-%d %H:%M:%S", local);
  if (in.fail()) return std::nullopt;
  return local;
}

// Distances in the account's unit: km or miles, swims in metres or yards.
double metres_of(double distance, model::Sport sport, DistanceUnit unit) {
  const bool miles = unit == DistanceUnit::miles;
  if (sport == model::Sport::swim) return distance * (miles ? k_metres_per_yard : 1.0);
  return distance * (miles ? k_metres_per_mile : 1000.0);
}

// The activity of one row; nullopt after reporting why the row cannot be read.
std::optional<ParsedActivity> read_row(const CsvRecord& row, const Columns& c, NumberStyle style,
                                       const ParseContext& ctx, ParseResult& result) {
  const std::string date_text(trim(row.at(c.date)));
  const auto local = parse_garmin_date(date_text);
  if (!local) {
    add_error(
        result, ctx, row.line,
        fmt::format("cannot read Date \"{}\" (expected like \"2026-01-04 12:38:59\")", date_text));
    return std::nullopt;
  }
  RowCells cells(row, style, ctx, result);
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  model::set_start_in_zone(a, model::local_to_utc(ctx.zone, *local), ctx.zone);
  a.sport = sport_from_label(row.at(c.type));
  if (a.sport == model::Sport::run && trim(row.at(c.type)).empty()) a.sport = model::Sport::other;
  a.name = std::string(trim(row.at(c.title)));
  if (auto d = cells.number(c.distance, "Distance"))
    a.distance_m = metres_of(*d, a.sport, ctx.distance_unit);
  a.elapsed = cells.duration(c.elapsed ? c.elapsed : c.time, "Elapsed Time");
  a.moving = cells.duration(c.moving, "Moving Time");
  a.avg_hr = cells.number(c.avg_hr, "Avg HR");
  a.max_hr = cells.number(c.max_hr, "Max HR");
  a.avg_cadence = cells.number(c.avg_cadence, "Avg Run Cadence");
  a.max_cadence = cells.number(c.max_cadence, "Max Run Cadence");
  a.elevation_gain_m = cells.number(c.ascent, "Total Ascent");
  a.elevation_loss_m = cells.number(c.descent, "Total Descent");
  if (ctx.distance_unit == DistanceUnit::miles) {
    if (a.elevation_gain_m) *a.elevation_gain_m *= k_metres_per_foot;
    if (a.elevation_loss_m) *a.elevation_loss_m *= k_metres_per_foot;
  }
  if (!cells.ok()) return std::nullopt;
  a.sources.push_back(model::Source{"garmin_csv", ctx.file, row.line});
  return parsed;
}

}  // namespace

ParseResult read_garmin_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  const auto opened =
      open_summary_csv(text, ctx, "empty file: no Garmin Connect CSV header", result);
  if (!opened) return result;
  const Columns c = locate(opened->header);
  if (!c.type || !c.date) {
    add_error(result, ctx, 1,
              "not a Garmin Connect activities CSV: no \"Activity Type\" or \"Date\" column");
    return result;
  }
  const NumberStyle style = decide_number_style(opened->table);
  const auto& records = opened->table.records();
  for (std::size_t r = 1; r < records.size(); ++r)
    if (auto parsed = read_row(records[r], c, style, ctx, result))
      result.activities.push_back(std::move(*parsed));
  return result;
}

}  // namespace runload::import
