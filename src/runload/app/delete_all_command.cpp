#include <runload/app/delete_all_command.hpp>

#include <system_error>

#include <fmt/format.h>

#include <runload/app/export_command.hpp>
#include <runload/app/export_document.hpp>
#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/store/table_dump.hpp>
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

namespace {

// The recorded exports still as runload wrote them; the others in `kept`.
std::vector<std::filesystem::path> unchanged_exports(
    store::Database& db, std::vector<std::pair<std::filesystem::path, std::string>>& kept) {
  std::vector<std::filesystem::path> files;
  for (const auto& record : store::recorded_exports(db)) {
    const std::filesystem::path path = record.path;
    const auto stamp = file_stamp(path);
    if (!stamp) continue;  // removed or moved since: nothing of it here
    if (*stamp != FileStamp{record.size, record.modified_ns})
      kept.emplace_back(path, "changed since runload exported it");
    else if (export_kind(file_head(path)) == ExportKind::none)
      kept.emplace_back(path, "no longer a runload export");
    else
      files.push_back(path);
  }
  return files;
}

std::vector<std::filesystem::path> runload_backups(const std::filesystem::path& database) {
  std::vector<std::filesystem::path> files;
  for (const auto& backup : store::usable_backups(database))
    if (export_kind(file_head(backup)) == ExportKind::sqlite) files.push_back(backup);
  return files;
}

}  // namespace

DeletedAll delete_all(Session& session, Confirmed confirmed) {
  DeletedAll result;
  result.database = session.database_path();
  // Opened as for reading: a missing database is an error that creates
  // nothing, and a file of another application is refused here.
  auto& db = session.database(Access::read);
  // Exports first: the database holds the record of them.
  auto files = unchanged_exports(db, result.kept);
  for (const auto& file : database_files(result.database)) files.push_back(file);
  for (const auto& file : runload_backups(result.database)) files.push_back(file);
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
