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

}  // namespace runload::files
