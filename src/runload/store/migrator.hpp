#pragma once
// Applies migrations to an open connection. Separate from Database::open so
// tests can build a database at any earlier schema version.

#include <vector>

#include <runload/store/migrations.hpp>

namespace SQLite {
class Database;
}

namespace runload::store {

// Applies, in order, every migration in `migrations` whose version is above
// the database's user_version. Each runs in one BEGIN IMMEDIATE transaction
// together with its user_version bump and the application_id, so a crash
// leaves the database at the previous version, never between two. A new
// database (user_version 0) gets all of them in one transaction, so that a
// process opening it at the same moment sees it empty or complete, never at
// an intermediate version it would back up and upgrade.
// Foreign keys are off while migrations run (a migration may rebuild a
// table) and checked before each commit; the connection's setting is
// restored afterwards.
// Returns the user_version afterwards.
int apply_migrations(SQLite::Database& db, const std::vector<Migration>& migrations);

// Sets the connection pragmas every runload connection uses: foreign keys on,
// busy timeout, untrusted schema, full synchronous commits.
void configure_connection(SQLite::Database& db);

}  // namespace runload::store
