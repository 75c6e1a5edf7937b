#pragma once
// Walking a folder tree the way every command that takes a folder does:
// hidden files and folders (names starting with '.') are skipped, and
// symbolic links to folders are not followed (they can loop, and the files
// they reach are usually imported through their real folder as well).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace runload::files {

enum class Descend { yes, no };

struct WalkVisitor {
  // A folder found below the root; Descend::no leaves it unwalked. Unset:
  // every folder is walked.
  std::function<Descend(const std::filesystem::path& folder)> folder;
  // A regular file (or a link to one) and its size.
  std::function<void(const std::filesystem::path& file, std::uintmax_t size)> file;
  // A folder that could not be read (the rest of the walk goes on).
  std::function<void(const std::filesystem::path& folder, const std::string& reason)> error;
};

// Visits everything below `root` in directory order (callers sort what they
// collect). REQUIRES: `root` is a folder.
void walk_folder(const std::filesystem::path& root, const WalkVisitor& visitor);

// True for a name that starts with '.'.
bool is_hidden(const std::filesystem::path& path);

}  // namespace runload::files
