#include <runload/store/migrator.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <runload/store/database.hpp>

namespace runload::store {

void configure_connection(SQLite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms));
  // Views and triggers from a tampered file must not call application functions.
  db.exec("PRAGMA trusted_schema = OFF");
  // FULL: an entry the user was told is stored survives a power cut, not only a crash.
  db.exec("PRAGMA synchronous = FULL");
}

namespace {

void apply_one(SQLite::Database& db, const Migration& migration) {
  db.exec(std::string(migration.sql));
  db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
  db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
}

}  // namespace

int apply_migrations(SQLite::Database& db, const std::vector<Migration>& migrations) {
  int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version == 0 && !migrations.empty()) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have created the schema while we waited for the lock.
    version = db.execAndGet("PRAGMA user_version").getInt();
    if (version == 0) {
      for (const auto& migration : migrations) {
        apply_one(db, migration);
        version = migration.version;
      }
      tx.commit();
      return version;
    }
  }
  for (const auto& migration : migrations) {
    if (migration.version <= version) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while we waited for the write lock.
    version = db.execAndGet("PRAGMA user_version").getInt();
    if (migration.version <= version) continue;
    apply_one(db, migration);
    tx.commit();
    version = migration.version;
  }
  return version;
}

}  // namespace runload::store
