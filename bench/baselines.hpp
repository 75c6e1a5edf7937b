#pragma once
// The floors and baselines runload's import is printed beside, each over one
// corpus, single-threaded, with one reused buffer and std::from_chars (the way
// DESIGN.md section 7 measures them):
// - the read floor: every file read;
// - the parse-and-walk baseline of each format: a pugixml in-situ parse and a
//   walk of every point summing haversine distance for GPX (trkpt) and TCX
//   (Trackpoint/Position), the bare record walk of fit_walk.hpp for FIT;
// - the inflate floor: every .gz member inflated whole in memory, by zlib or
//   by libdeflate;
// - the Strava export's floor: inflating (libdeflate) and parsing each track
//   of the export in its format, in one pass.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace runload::bench {

struct BaselineResult {
  std::size_t files = 0;
  std::uintmax_t bytes = 0;     // as read from disk
  std::uintmax_t inflated = 0;  // after inflating (.gz), else as read
  std::uintmax_t points = 0;
  double distance_m = 0.0;  // sum over every file (parse only)
};

enum class Inflater { zlib, libdeflate };

// Reads `path` into `buffer`, reusing its capacity.
// Throws std::runtime_error when the file cannot be read.
void read_into(const std::filesystem::path& path, std::string& buffer);

// Every file read into one reused buffer.
BaselineResult read_files(const std::vector<std::filesystem::path>& files);

// pugixml parse and trkpt walk of each (GPX) file.
// Throws std::runtime_error when a file cannot be read or parsed.
BaselineResult parse_gpx_files(const std::vector<std::filesystem::path>& files);

// The bare record walk of each (FIT) file. Throws as parse_gpx_files.
BaselineResult walk_fit_files(const std::vector<std::filesystem::path>& files);

// Each (.gz) file read and inflated whole into one reused buffer.
BaselineResult inflate_files(const std::vector<std::filesystem::path>& files, Inflater inflater);

// Each track of an export: read, inflated by libdeflate when it ends in .gz,
// and parsed by its format's baseline (.gpx, .tcx, .fit); other files are
// only read. Throws as parse_gpx_files.
BaselineResult inflate_and_parse_files(const std::vector<std::filesystem::path>& files);

}  // namespace runload::bench
