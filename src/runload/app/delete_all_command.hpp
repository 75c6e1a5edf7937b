#pragma once
// `runload delete-all --yes`: the runner's data gone for good, as a tool that
// keeps health data should allow: the database file and the files SQLite
// keeps beside it (-wal, -shm, -journal). Only a runload database is
// removed: a file at the path that is not one is refused, never deleted.

#include <filesystem>
#include <vector>

#include <runload/app/athletes_command.hpp>
#include <runload/app/session.hpp>

namespace runload::app {

struct DeletedAll {
  std::filesystem::path database;
  std::vector<std::filesystem::path> removed;  // the files removed, database first
};

// The database's own file and the files SQLite keeps beside it, those that
// exist.
std::vector<std::filesystem::path> database_files(const std::filesystem::path& database);

// Removes them. Without Confirmed::yes nothing is removed and a UsageError
// says what would be. A missing database is a DatabaseError saying so; a
// file that is not a runload database is refused by opening it (Session).
DeletedAll delete_all(Session& session, Confirmed confirmed);

}  // namespace runload::app
