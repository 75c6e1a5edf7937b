#pragma once
// Reading an input file whole, with the size cap every command applies: the
// one implementation behind `import` (files, export folders) and
// `journal import`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace runload::files {

// A file larger than this is refused unread (the largest real exports, a
// Strava bulk zip of years of tracks, stay well below it).
inline constexpr std::uintmax_t k_max_file_bytes = 256ull * 1024 * 1024;

// The per-file limit given `setting` (the RUNLOAD_MAX_FILE_BYTES environment
// variable, a decimal number of bytes): k_max_file_bytes when unset or empty,
// `setting` when it is lower. It can only lower the limit; a larger value
// leaves k_max_file_bytes. Throws UsageError when it is not a number.
std::uintmax_t max_file_bytes(const std::optional<std::string>& setting);

// "12 bytes", "3.5 MiB": a file size for messages.
std::string format_size(std::uintmax_t bytes);

// Why a file could not be loaded.
struct LoadError {
  enum class Kind {
    unreadable,  // missing, not permitted, not a regular file (a folder, a FIFO), a read error
    too_large,   // larger than the cap: never read
  };
  Kind kind = Kind::unreadable;
  // "No such file or directory", "not a regular file", or for too_large
  // "the file is 3.5 MiB; runload reads files up to 1.0 MiB".
  std::string reason;
};

// Reads the regular file at `path` whole into `bytes` (whose capacity is
// reused: callers that load many files keep one buffer per thread). Opens
// without blocking, so a FIFO is refused instead of waited on. A file that
// shrinks while it is read gives what is there.
// Returns nullopt on success; on failure `bytes` holds nothing useful.
std::optional<LoadError> load_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                   std::string& bytes);

}  // namespace runload::files
