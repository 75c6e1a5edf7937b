#include <runload/app/delete_all_command.hpp>

#include <system_error>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {

std::vector<std::filesystem::path> database_files(const std::filesystem::path& database) {
  std::vector<std::filesystem::path> files;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    auto file = database;
    file += suffix;
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) files.push_back(file);
  }
  return files;
}

DeletedAll delete_all(Session& session, Confirmed confirmed) {
  DeletedAll result;
  result.database = session.database_path();
  // Opened as for reading: a missing database is an error that creates
  // nothing, and a file of another application is refused here.
  session.database(Access::read);
  const auto files = database_files(result.database);
  if (confirmed == Confirmed::no) {
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(text::terminal_safe(f.string()));
    throw UsageError(fmt::format(
        "'delete-all' removes every athlete's activities, journal and records for good ({}); "
        "add --yes to do it",
        fmt::join(names, ", ")));
  }
  for (const auto& file : files) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (ec)
      throw DatabaseError(fmt::format("cannot remove {}: {} (removed before it: {})", file.string(),
                                      ec.message(), result.removed.size()));
    result.removed.push_back(file);
  }
  return result;
}

}  // namespace runload::app
