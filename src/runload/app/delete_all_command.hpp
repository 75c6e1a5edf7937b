#pragma once
// `runload delete-all --yes`: the runner's data gone for good, as a tool that
// keeps health data should allow: the database file and the files SQLite
// keeps beside it (-wal, -shm, -journal), the backups runload wrote before
// upgrading it (PATH.vN.bak), and the files `runload export` wrote that are
// still as it wrote them. Only a runload database is removed: a file at the
// path that is not one is refused, never deleted.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <runload/app/athletes_command.hpp>
#include <runload/app/session.hpp>

namespace runload::app {

struct DeletedAll {
  std::filesystem::path database;
  // The files removed: the exports, then the database's own, then its backups.
  std::vector<std::filesystem::path> removed;
  // Recorded exports left in place, with why: changed since they were
  // written (a snapshot used as a database, an edited file), or no longer
  // a runload export.
  std::vector<std::pair<std::filesystem::path, std::string>> kept;
};

// The database's own file and the files SQLite keeps beside it, those that
// exist.
std::vector<std::filesystem::path> database_files(const std::filesystem::path& database);

// Removes them, the recorded exports that are unchanged (size and
// modification time as written, and still a runload export by content) and
// the backups (store::usable_backups that are runload databases). Without Confirmed::yes nothing is
// removed and a UsageError says what would be. A missing database is a DatabaseError saying so; a
// file that is not a runload database is refused by opening it (Session).
DeletedAll delete_all(Session& session, Confirmed confirmed);

}  // namespace runload::app
