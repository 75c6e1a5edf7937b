#pragma once
// Writing an output file the way runload writes everything that holds a
// runner's health data: readable by its owner only.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace runload::files {

// Writes `content` to `path` (created 0600, or truncated; an existing file's
// mode is left as it is) and checks every write and the close. Returns the
// OS's reason when any of them fails.
std::optional<std::string> write_private_file(const std::filesystem::path& path,
                                              std::string_view content);

// For a file that must appear whole or not at all: creates an empty file,
// 0600, with a fresh hidden name in the folder of `target`
// (".NAME.XXXXXX"), so that the rename of replace_with() stays on one file
// system. Returns its path, or the OS's reason in `error`.
std::filesystem::path create_temporary_beside(const std::filesystem::path& target,
                                              std::string& error);

// Syncs `temporary` to the disk, renames it to `target` (replacing a file
// there) and syncs the folder, so that after a crash `target` is the old
// file or the whole new one. Returns the OS's reason when a step fails
// (`temporary` is then left for the caller to remove).
std::optional<std::string> replace_with(const std::filesystem::path& temporary,
                                        const std::filesystem::path& target);

// Writes `content` to `target` through a temporary beside it
// (create_temporary_beside, replace_with); on failure nothing is left but
// what was at `target` before.
std::optional<std::string> write_file_atomically(const std::filesystem::path& target,
                                                 std::string_view content);

}  // namespace runload::files
