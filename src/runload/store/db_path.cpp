#include <runload/store/db_path.hpp>

#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include <runload/error.hpp>

namespace runload::store {

EnvLookup process_env() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

namespace {

// `path` as given by `origin` ("--db", "RUNLOAD_DB"), when SQLite would read
// it as a file name: an empty name would silently mean the default database,
// ":memory:" a database that keeps nothing, and a "file:" name a URI (or, as
// runload opens files, a folder called "file:").
std::filesystem::path checked(const std::string& path, std::string_view origin) {
  if (path.empty())
    throw UsageError(
        fmt::format("{} is empty; give the path of a database file, or leave it out for the "
                    "default",
                    origin));
  if (path == ":memory:")
    throw UsageError(fmt::format(
        "{} :memory: would store nothing: runload keeps its data in a file; give a file path",
        origin));
  if (path.starts_with("file:"))
    throw UsageError(
        fmt::format("{} {}: SQLite URI names ('file:') are not supported; give a plain file path",
                    origin, path));
  return path;
}

}  // namespace

std::filesystem::path resolve_db_path(const std::optional<std::string>& cli_db,
                                      const EnvLookup& env) {
  if (cli_db) return checked(*cli_db, "--db");
  if (auto db = env("RUNLOAD_DB"); db && !db->empty()) return checked(*db, "RUNLOAD_DB");
  if (auto xdg = env("XDG_DATA_HOME"); xdg && std::filesystem::path(*xdg).is_absolute())
    return std::filesystem::path(*xdg) / "runload" / "runload.db";
  if (auto home = env("HOME"); home && !home->empty())
    return std::filesystem::path(*home) / ".local" / "share" / "runload" / "runload.db";
  throw UsageError("cannot locate the database: HOME is not set; use --db PATH or RUNLOAD_DB");
}

}  // namespace runload::store
