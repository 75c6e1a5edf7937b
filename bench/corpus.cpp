#include "corpus.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

}  // namespace

std::vector<fs::path> corpus_files(const fs::path& dir, const std::string& suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.starts_with(".")) continue;
    if (name.ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

CorpusStats ensure_corpus(const fs::path& dir, const std::string& kind, int version,
                          std::size_t runs, const MakeFiles& make, const FinishFiles& finish) {
  const fs::path stamp = dir / ".corpus";
  const std::string expected = fmt::format("{} files {} version {}\n", kind, runs, version);
  CorpusStats stats;
  {
    std::ifstream in(stamp);
    std::string kind_line, points_line;
    std::getline(in, kind_line);
    std::getline(in, points_line);
    if (kind_line + "\n" == expected && points_line.starts_with("points ")) {
      for (const auto& file : corpus_files(dir)) {
        stats.bytes += fs::file_size(file);
        ++stats.files;
      }
      stats.points = std::stoull(points_line.substr(7));
      return stats;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (std::size_t i = 0; i < runs; ++i) {
    const SyntheticRun run = make_run(i);
    stats.points += run.samples.size();
    for (const auto& file : make(run)) {
      write_file(dir / file.name, file.bytes);
      stats.bytes += file.bytes.size();
      ++stats.files;
    }
  }
  if (finish) {
    for (const auto& file : finish()) {
      write_file(dir / file.name, file.bytes);
      stats.bytes += file.bytes.size();
      ++stats.files;
    }
  }
  std::ofstream(stamp) << expected << "points " << stats.points << "\n";
  return stats;
}

}  // namespace runload::bench
