#include <cli/output_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include <cli/context.hpp>

namespace runload::cli {
namespace fs = std::filesystem;

void check_output_path(const std::string& path, std::string_view option) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw OutputError(fmt::format("{} {}: is a folder; give the path of a file", option, path));
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw OutputError(fmt::format("{} {}: cannot be written: its folder {} does not exist", option,
                                  path, parent.string()));
}

void write_output_file(const std::string& path, std::string_view content, std::string_view what) {
  const auto fail = [&](int error) {
    return OutputError(fmt::format("cannot write {} to {}: {}", what, path, std::strerror(error)));
  };
  std::FILE* raw = std::fopen(path.c_str(), "wb");
  if (raw == nullptr) throw fail(errno);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(raw, &std::fclose);
  if (std::fwrite(content.data(), 1, content.size(), file.get()) != content.size())
    throw fail(errno);
  if (std::fflush(file.get()) != 0) throw fail(errno);
  if (std::fclose(file.release()) != 0) throw fail(errno);
}

}  // namespace runload::cli
