#pragma once
// The GPX corpus: the runs of synthetic_run.hpp with lat/lon/ele/time and
// Garmin TrackPointExtension heart rate and cadence, formatted the way
// Strava's export writes them (one element per line, 7-decimal coordinates).
// The same count always gives byte-identical files.

#include <filesystem>
#include <string>

#include "corpus.hpp"
#include "synthetic_run.hpp"

namespace runload::bench {

// The GPX text of `run`.
std::string make_gpx_run(const SyntheticRun& run);

// runs 0..files-1 as run_000000.gpx... in `dir` (corpus.hpp).
CorpusStats ensure_gpx_corpus(const std::filesystem::path& dir, std::size_t files);

}  // namespace runload::bench
