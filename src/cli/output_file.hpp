#pragma once
// Files the command line writes (report --html FILE): written whole and
// checked on close, so that a full disk or a path that cannot be written is
// an error with the path and the system's reason (OutputError, exit 1),
// never a silently short file.

#include <string>
#include <string_view>

namespace runload::cli {

// Throws OutputError when `path` cannot be a file to write: its folder is
// missing, or it is a folder. Checked before a command does its work, so
// that the work is not lost to a typo. `option` names where it came from.
void check_output_path(const std::string& path, std::string_view option);

// Writes `content` to `path` (created 0644 or truncated), flushes and
// closes it, checking each step. `what` names it in errors ("the HTML
// report"). Throws OutputError.
void write_output_file(const std::string& path, std::string_view content, std::string_view what);

}  // namespace runload::cli
