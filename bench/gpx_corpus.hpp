#pragma once
// A deterministic corpus of realistic GPX runs for the benchmarks: 1 Hz
// points of 30 to 120 minutes with lat/lon/ele/time and Garmin
// TrackPointExtension heart rate and cadence, formatted the way Strava's
// export writes them (one element per line, 7-decimal coordinates). The same
// count always gives byte-identical files.

#include <cstdint>
#include <filesystem>
#include <string>

namespace runload::bench {

struct CorpusStats {
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
  std::uintmax_t points = 0;
};

// The text of run `index` (0-based): one run a day from 2020-01-01.
std::string make_gpx_run(std::size_t index, std::uintmax_t* points = nullptr);

// Writes runs 0..files-1 into `dir` as run_000000.gpx... unless `dir` already
// holds this exact corpus (a stamp file records the count and the generator
// version). Returns the corpus's size.
// Throws std::runtime_error when a file cannot be written.
CorpusStats ensure_corpus(const std::filesystem::path& dir, std::size_t files);

}  // namespace runload::bench
