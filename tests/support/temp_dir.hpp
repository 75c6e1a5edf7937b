#pragma once
// A fresh temporary folder per test, removed with everything in it at the end.

#include <filesystem>
#include <string>
#include <string_view>

namespace runload::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const noexcept { return m_path; }
  std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

  // Writes `content` to `name` (folders created) and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path m_path;
};

std::string read_file(const std::filesystem::path& path);

// The shared corpus folder, or an empty path when it is absent.
std::filesystem::path corpus_dir();
// The project's source folder (for tests/fixtures and samples).
std::filesystem::path source_dir();

}  // namespace runload::test
