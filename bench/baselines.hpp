#pragma once
// The two baselines runload's import is printed beside: the I/O floor
// (reading every file) and the bare parser (a single-threaded pugixml in-situ
// parse-and-walk of every trkpt computing distance, the way DESIGN.md
// section 7 measures it: one reused buffer, std::from_chars).

#include <cstdint>
#include <filesystem>
#include <vector>

namespace runload::bench {

struct BaselineResult {
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
  std::uintmax_t points = 0;
  double distance_m = 0.0;  // sum over every file (parse only)
};

// The .gpx files of `dir`, sorted by name.
std::vector<std::filesystem::path> gpx_files(const std::filesystem::path& dir);

// Reads every file into one reused buffer.
// Throws std::runtime_error when a file cannot be read.
BaselineResult read_files(const std::vector<std::filesystem::path>& files);

// Reads each file into one reused buffer, parses it in place with pugixml
// and sums the haversine distance between consecutive trkpts of each trkseg.
// Throws std::runtime_error when a file cannot be read or parsed.
BaselineResult parse_files(const std::vector<std::filesystem::path>& files);

}  // namespace runload::bench
