#pragma once
// Where the database lives (DESIGN.md section 6).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace runload::store {

// Reads an environment variable; nullopt when unset. Injected so tests need
// not touch the process environment.
using EnvLookup = std::function<std::optional<std::string>(const char*)>;

// The process environment.
EnvLookup process_env();

// Resolves the database path: `cli_db` when given, else $RUNLOAD_DB, else
// $XDG_DATA_HOME/runload/runload.db when XDG_DATA_HOME is set and absolute
// (a relative one is ignored, as the XDG spec says), else
// $HOME/.local/share/runload/runload.db. An empty RUNLOAD_DB counts as unset.
// Throws UsageError when none of these can be formed (no HOME), and for an
// empty --db, ":memory:" or a "file:" URI (from --db or RUNLOAD_DB).
std::filesystem::path resolve_db_path(const std::optional<std::string>& cli_db,
                                      const EnvLookup& env);

}  // namespace runload::store
