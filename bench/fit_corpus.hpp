#pragma once
// The FIT corpus: the runs of the GPX corpus written as FIT activity files
// the way a Garmin watch writes them: file_id, a record every second
// (timestamp, position, altitude, heart rate, cadence, distance), a lap per
// kilometre, the session and the activity message, and the file CRC. The
// messages are written by the tests' FIT writer (tests/support/fit_writer.hpp,
// header-only), so the bench and the tests build FIT files one way.

#include <filesystem>
#include <string>

#include "corpus.hpp"
#include "synthetic_run.hpp"

namespace runload::bench {

// The FIT bytes of `run`.
std::string make_fit_run(const SyntheticRun& run);

// runs 0..files-1 as run_000000.fit... in `dir` (corpus.hpp).
CorpusStats ensure_fit_corpus(const std::filesystem::path& dir, std::size_t files);

}  // namespace runload::bench
