#include <runload/store/migrator.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

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
  // Foreign keys are off while migrating (below), so check them before the
  // commit: a migration must leave no row pointing at nothing.
  SQLite::Statement violations(db, "PRAGMA foreign_key_check");
  if (violations.executeStep())
    throw SQLite::Exception(fmt::format(
        "migration {} leaves a row of {} that refers to a "
        "missing {}",
        migration.name, violations.getColumn(0).getString(), violations.getColumn(2).getString()));
  db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
  db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
}

// Foreign keys off for the migrations, as SQLite's procedure for changing a
// table requires: rebuilding a table (DROP TABLE, then renaming its new copy)
// would otherwise delete the rows of every table that refers to it with ON
// DELETE CASCADE. The pragma is a no-op inside a transaction, so it is set
// here, before any, and restored on every way out.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(SQLite::Database& db)
      : m_db(db), m_was_on(db.execAndGet("PRAGMA foreign_keys").getInt() != 0) {
    m_db.exec("PRAGMA foreign_keys = OFF");
  }
  ~ForeignKeysOff() {
    if (m_was_on) m_db.tryExec("PRAGMA foreign_keys = ON");
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  SQLite::Database& m_db;
  bool m_was_on;
};

}  // namespace

int apply_migrations(SQLite::Database& db, const std::vector<Migration>& migrations) {
  int version = db.execAndGet("PRAGMA user_version").getInt();
  if (std::all_of(migrations.begin(), migrations.end(),
                  [&](const Migration& m) { return m.version <= version; }))
    return version;
  const ForeignKeysOff foreign_keys_off(db);
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
