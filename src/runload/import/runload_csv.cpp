#include <runload/import/runload_csv.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include <runload/import/csv_reader.hpp>
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

ParseResult read_runload_csv(std::string_view text, const ParseContext& ctx) {
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
    error(std::nullopt, "empty file: no header line");
    return result;
  }
  const CsvHeader h(table.records().front());
  for (auto name : h.names()) {
    if (std::find(k_columns.begin(), k_columns.end(), name) == k_columns.end()) {
      result.warnings.push_back(
          Problem{ctx.file, 1, std::nullopt, fmt::format("column \"{}\" is ignored", name)});
    }
  }
  const auto c_date = h.find("date");
  const auto c_start = h.find("start_time");
  const auto c_distance = h.find("distance_km");
  const auto c_duration = h.find("duration");
  const auto c_gain = h.find("elevation_gain_m");
  const auto c_sport = h.find("sport");
  const auto c_gear = h.find("gear");
  const auto c_name = h.find("name");
  if (!c_date || !c_distance) {
    error(1, "the header must name the columns \"date\" and \"distance_km\"");
    return result;
  }

  const auto& records = table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& row = records[r];
    auto fail = [&](std::string_view what, std::string_view cell) {
      error(row.line, fmt::format("invalid {} \"{}\"", what, cell));
    };

    const std::string date_text(trim(row.at(c_date)));
    std::istringstream in(date_text);
    date::local_days day;
    in >> date::parse("%Y-%m-%d", day);
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) {
      fail("date (expected YYYY-MM-DD)", date_text);
      continue;
    }
    std::chrono::seconds clock = k_default_start;
    if (const auto cell = trim(row.at(c_start)); !cell.empty()) {
      const auto t = parse_clock(cell);
      if (!t) {
        fail("start_time (expected HH:MM or HH:MM:SS)", cell);
        continue;
      }
      clock = *t;
    }
    const auto distance = parse_number(row.at(c_distance));
    if (!distance || *distance < 0) {
      fail("distance_km", row.at(c_distance));
      continue;
    }

    ParsedActivity parsed;
    model::Activity& a = parsed.activity;
    model::set_start_in_zone(a, model::local_to_utc(ctx.zone, day + clock), ctx.zone);
    a.distance_m = *distance * 1000.0;
    if (const auto cell = trim(row.at(c_duration)); !cell.empty()) {
      a.elapsed = parse_duration(cell);
      if (!a.elapsed) {
        fail("duration (expected H:MM:SS or MM:SS)", cell);
        continue;
      }
    }
    if (const auto cell = trim(row.at(c_gain)); !cell.empty()) {
      a.elevation_gain_m = parse_number(cell);
      if (!a.elevation_gain_m) {
        fail("elevation_gain_m", cell);
        continue;
      }
    }
    if (const auto cell = trim(row.at(c_sport)); !cell.empty()) {
      const auto sport = model::sport_from_string(cell);
      if (!sport) {
        fail(
            "sport (expected run, trail_run, treadmill_run, virtual_run, walk, hike, ride, swim "
            "or other)",
            cell);
        continue;
      }
      a.sport = *sport;
    }
    if (const auto cell = trim(row.at(c_gear)); !cell.empty()) a.gear = std::string(cell);
    a.name = std::string(trim(row.at(c_name)));
    a.sources.push_back(model::Source{"runload_csv", ctx.file, row.line});
    result.activities.push_back(std::move(parsed));
  }
  return result;
}

}  // namespace runload::import
