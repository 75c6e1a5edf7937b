#pragma once
// A corpus folder generated once per size and kind, and reused: a stamp file
// (.corpus) records the kind, the count and the generator version, so a
// changed generator or size writes the folder again.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "synthetic_run.hpp"

namespace runload::bench {

struct CorpusStats {
  std::size_t files = 0;  // every file of the folder, activities.csv included
  std::uintmax_t bytes = 0;
  std::uintmax_t points = 0;  // 1 Hz samples over every run
};

struct CorpusFile {
  std::string name;  // relative to the corpus folder
  std::string bytes;
};

// The files run `run` gives in the corpus.
using MakeFiles = std::function<std::vector<CorpusFile>(const SyntheticRun& run)>;
// The files written after every run's (the export's activities.csv).
using FinishFiles = std::function<std::vector<CorpusFile>()>;

// Writes runs 0..runs-1 through `make` (then `finish`) into `dir`, unless
// `dir` already holds this corpus. Returns its size.
// Throws std::runtime_error when a file cannot be written.
CorpusStats ensure_corpus(const std::filesystem::path& dir, const std::string& kind, int version,
                          std::size_t runs, const MakeFiles& make, const FinishFiles& finish = {});

// The regular files under `dir` (recursively) whose name ends in `suffix`
// ("" for all), hidden ones excepted, sorted by path.
std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir,
                                                const std::string& suffix = "");

}  // namespace runload::bench
