#include <runload/import/runload_csv.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>

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

constexpr std::array<std::string_view, 8> k_columns{
    "date", "start_time", "distance_km", "duration", "elevation_gain_m", "sport", "gear", "name"};
constexpr std::chrono::hours k_default_start{12};

std::optional<std::chrono::seconds> parse_clock(std::string_view text) {
  const std::string s(trim(text));
  if (!colons_followed_by_digits(s)) return std::nullopt;
  for (const char* format : {"%H:%M:%S", "%H:%M"}) {
    std::istringstream in(s);
    std::chrono::seconds t{};
    in >> date::parse(format, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof() && t < std::chrono::hours{24}) {
      return t;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

struct Columns {
  std::optional<std::size_t> date, start, distance, duration, gain, sport, gear, name;
};

Columns locate(const CsvHeader& h) {
  return {h.find("date"),
          h.find("start_time"),
          h.find("distance_km"),
          h.find("duration"),
          h.find("elevation_gain_m"),
          h.find("sport"),
          h.find("gear"),
          h.find("name")};
}

// The activity of one row; nullopt after refusing it at the first cell
// that cannot be read.
std::optional<ParsedActivity> read_row(const CsvRecord& row, const Columns& c,
                                       const HeaderIndex& header, const ParseContext& ctx,
                                       RowAccount& account) {
  RowReader cells(row, header, account);
  const auto fail = [&](std::optional<std::size_t> column, std::string_view what,
                        std::string_view cell) {
    cells.refuse(column, fmt::format("invalid {} \"{}\"", what, cell));
    return std::nullopt;
  };
  const std::string date_text(trim(row.at(c.date)));
  std::istringstream in(date_text);
  date::local_days day;
  in >> date::parse("%Y-%m-%d", day);
  if (in.fail() || in.peek() != std::char_traits<char>::eof())
    return fail(c.date, "date (expected YYYY-MM-DD)", date_text);
  std::chrono::seconds clock = k_default_start;
  if (const auto cell = trim(row.at(c.start)); !cell.empty()) {
    const auto t = parse_clock(cell);
    if (!t) return fail(c.start, "start_time (expected HH:MM or HH:MM:SS)", cell);
    clock = *t;
  }
  const auto distance = parse_number(row.at(c.distance));
  if (!distance || *distance < 0 || *distance > k_max_activity_distance_m / 1000.0)
    return fail(c.distance, "distance_km", row.at(c.distance));

  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  model::set_start_in_zone(a, model::local_to_utc(ctx.zone, day + clock), ctx.zone);
  a.distance_m = *distance * 1000.0;
  if (const auto cell = trim(row.at(c.duration)); !cell.empty()) {
    a.elapsed = parse_duration(cell);
    if (!a.elapsed) return fail(c.duration, "duration (expected H:MM:SS or MM:SS)", cell);
  }
  if (const auto cell = trim(row.at(c.gain)); !cell.empty()) {
    a.elevation_gain_m = parse_number(cell);
    if (!a.elevation_gain_m || *a.elevation_gain_m < 0 ||
        *a.elevation_gain_m > k_max_elevation_change_m)
      return fail(c.gain, "elevation_gain_m", cell);
  }
  if (const auto cell = trim(row.at(c.sport)); !cell.empty()) {
    const auto sport = model::sport_from_string(cell);
    if (!sport)
      return fail(c.sport,
                  "sport (expected run, trail_run, treadmill_run, virtual_run, walk, hike, ride, "
                  "swim or other)",
                  cell);
    a.sport = *sport;
  }
  if (const auto cell = trim(row.at(c.gear)); !cell.empty()) a.gear = std::string(cell);
  a.name = std::string(trim(row.at(c.name)));
  a.sources.push_back(model::Source{"runload_csv", ctx.file, row.line});
  return parsed;
}

}  // namespace

ParseResult read_runload_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  const auto opened = open_summary_csv(text, ctx, "empty file: no header line", result);
  if (!opened) return result;
  for (auto name : opened->header.names()) {
    if (std::find(k_columns.begin(), k_columns.end(), name) == k_columns.end()) {
      result.warnings.push_back(
          Problem{ctx.file, 1, std::nullopt, fmt::format("column \"{}\" is ignored", name)});
    }
  }
  const Columns c = locate(opened->header);
  if (!c.date || !c.distance) {
    add_error(result, ctx, 1, "the header must name the columns \"date\" and \"distance_km\"");
    return result;
  }
  const HeaderIndex header(opened->header);
  RowAccount account(ctx, result);
  const auto& records = opened->table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    account.row();
    if (auto parsed = read_row(records[r], c, header, ctx, account))
      result.activities.push_back(std::move(*parsed));
  }
  account.finish();
  return result;
}

}  // namespace runload::import
