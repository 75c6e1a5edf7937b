#pragma once
// The Strava-export-shaped corpus: an unpacked Strava bulk export as runload
// reads it (docs/import.md, "Strava bulk export"): activities.csv with the
// export's 99 English columns, one row per run naming its track, and
// activities/ holding the tracks in the mix of formats an export holds
// (docs/PERFORMANCE.md, "The benchmark"): 70% .fit.gz (watches and bike
// computers: Garmin, Wahoo, Coros upload FIT, which the export keeps gzipped),
// 25% .gpx (the Strava phone app) and 5% .tcx.gz (older devices and services).
// The runs are those of the GPX corpus.

#include <filesystem>
#include <string>

#include "corpus.hpp"
#include "synthetic_run.hpp"

namespace runload::bench {

enum class TrackFormat { fit_gz, gpx, tcx_gz };

// The format run `index` has in the export: a fixed pattern of 20.
TrackFormat strava_track_format(std::size_t index);

// The row of activities.csv for `run`, whose track is `filename`.
std::string strava_csv_row(const SyntheticRun& run, const std::string& filename);

// The export of runs 0..files-1 in `dir`: activities.csv and activities/ (corpus.hpp).
CorpusStats ensure_strava_corpus(const std::filesystem::path& dir, std::size_t files);

}  // namespace runload::bench
