#include <runload/store/db_path.hpp>

#include <cstdlib>

#include <runload/error.hpp>

namespace runload::store {

EnvLookup process_env() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::filesystem::path resolve_db_path(const std::optional<std::string>& cli_db,
                                      const EnvLookup& env) {
  if (cli_db && !cli_db->empty()) return *cli_db;
  if (auto db = env("RUNLOAD_DB"); db && !db->empty()) return *db;
  if (auto xdg = env("XDG_DATA_HOME"); xdg && std::filesystem::path(*xdg).is_absolute())
    return std::filesystem::path(*xdg) / "runload" / "runload.db";
  if (auto home = env("HOME"); home && !home->empty())
    return std::filesystem::path(*home) / ".local" / "share" / "runload" / "runload.db";
  throw UsageError("cannot locate the database: HOME is not set; use --db PATH or RUNLOAD_DB");
}

}  // namespace runload::store
