#pragma once
// The tables of a runload database as rows of plain values, read and written
// by what the schema itself says (sqlite_master, PRAGMA table_info and
// foreign_key_list), never by a list of tables or columns: a table or column
// a later migration adds is exported, restored and snapshotted without new
// code. `runload export` and its restore are built on it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace runload::store {

class Database;

// The bytes of a BLOB (a histogram).
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// One value as SQLite stores it: NULL, INTEGER, REAL, TEXT or BLOB.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

struct Column {
  std::string name;
  std::string type;  // as declared in the schema ("INTEGER", "BLOB")
  bool operator==(const Column&) const = default;
};

struct TableRows {
  std::string name;
  std::vector<Column> columns;          // in the table's order
  std::vector<std::vector<Cell>> rows;  // ordered by the primary key
};

// A table of the schema deliberately left out of exports, and why.
struct ExcludedTable {
  std::string_view name;
  std::string_view reason;
};

// The tables never exported: "exports" (where this database's exports are,
// which means nothing in another database). SQLite's own tables
// (sqlite_%) are not listed: they are never exported either.
std::span<const ExcludedTable> excluded_tables();

// Every other table of the database, in the order a restore writes them:
// each after the tables its foreign keys name, else in the schema's order.
std::vector<std::string> exported_tables(Database& db);

// Whose rows: every athlete's, or one's.
struct Scope {
  std::optional<std::int64_t> athlete_id;  // nullopt: all athletes
};

// The SQL condition that keeps the rows of one athlete (bound as :athlete)
// in `table`: `id` of athletes, a column athlete_id, or a foreign key into
// a table that has such a condition (activity_sources through activities).
// nullopt for a table that belongs to no athlete (kept whole by any scope).
std::optional<std::string> athlete_condition(Database& db, const std::string& table);

// The rows of every exported table in `scope`, tables as exported_tables()
// orders them, rows by primary key (rowid when there is none), all read in
// one transaction (a consistent view).
std::vector<TableRows> read_tables(Database& db, Scope scope);

// The rows of the tables this database holds, in all of exported_tables().
std::int64_t exported_row_count(Database& db);

// Writes `tables` into `db`, which must hold none of their rows (ids are
// kept as they were). Every table must be one of exported_tables(); a
// column it does not have is an error; a column the rows do not give takes
// its default. `schema_version` is that of the database the rows were read
// from: rows of an older schema are first written into a private database
// at that version and brought to this one by the same migrations an
// upgrade runs, so a renamed or reshaped column is restored as an upgrade
// would have left it. All in one transaction; the foreign keys are checked
// before the commit. Throws DatabaseError naming the table and the reason;
// SQLite errors propagate.
void write_tables(Database& db, const std::vector<TableRows>& tables, int schema_version);

// A consistent copy of the database (VACUUM INTO) at `path`, which must not
// exist; with a scope of one athlete, the other athletes' rows are deleted
// from the copy and the copy vacuumed again, so nothing of them is left in
// its free pages. The copy's `exports` table is emptied. The file is not
// synced (the caller renames it into place).
void snapshot(Database& db, const std::filesystem::path& path, Scope scope);

// The export files recorded in the database, oldest first.
struct ExportRecord {
  std::string path;
  std::string format;
  std::string exported_at;
  std::int64_t size = 0;         // bytes, as written
  std::int64_t modified_ns = 0;  // the file's modification time, as written
};
std::vector<ExportRecord> recorded_exports(Database& db);

// Remembers (or refreshes) an export written to `path` (absolute).
void record_export(Database& db, const ExportRecord& record);

}  // namespace runload::store
