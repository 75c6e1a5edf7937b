#pragma once
// A tiny activity format for importer tests, one activity per line:
//   START_UTC,DISTANCE_M,ELAPSED_S,NAME,row|track
// "!message" is an error at that line, "?message" a warning, and "throw"
// makes the reader throw. Header-only so that tests/CMakeLists.txt needs no edit.

#include <chrono>
#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <runload/import/parse_result.hpp>
#include <runload/model/local_time.hpp>

#include "support/activities.hpp"

namespace runload::test {

inline import::ParseResult read_test_format(const std::string& bytes,
                                            const import::ParseContext& ctx) {
  import::ParseResult result;
  std::istringstream in(bytes);
  std::string line;
  for (std::int64_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    if (line == "throw") throw std::runtime_error("reader exploded");
    if (line[0] == '!') {
      result.errors.push_back({ctx.file, number, std::nullopt, line.substr(1)});
      continue;
    }
    if (line[0] == '?') {
      result.warnings.push_back({ctx.file, number, std::nullopt, line.substr(1)});
      continue;
    }
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    if (f.size() != 5) throw std::runtime_error("bad test line");
    const bool is_track = f[4] == "track";
    const auto start = utc(f[0]);
    const std::chrono::seconds elapsed{std::stoll(f[2])};
    auto a = is_track ? track(start, std::stod(f[1]), elapsed)
                      : csv_row(start, std::stod(f[1]), elapsed);
    // As every reader does for a file that states no offset.
    model::set_start_in_zone(a, a.start_utc, ctx.zone);
    a.name = f[3];
    a.sources = {is_track ? model::Source{"gpx", ctx.file, std::nullopt}
                          : model::Source{"runload_csv", ctx.file, number}};
    result.activities.push_back({std::move(a), std::nullopt, std::nullopt});
  }
  return result;
}

}  // namespace runload::test
