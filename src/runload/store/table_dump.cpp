#include <runload/store/table_dump.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/store/migrations.hpp>
#include <runload/store/migrator.hpp>

namespace runload::store {
namespace {

constexpr std::array<ExcludedTable, 1> k_excluded{{
    {"exports",
     "the files this database's exports were written to: a fact about this computer, which "
     "restoring elsewhere would turn into files that delete-all removes"},
}};

// Names come from sqlite_master, not from the user; quoted all the same.
std::string identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

bool is_excluded(std::string_view table) {
  return std::any_of(k_excluded.begin(), k_excluded.end(),
                     [&](const ExcludedTable& t) { return t.name == table; });
}

struct ForeignKey {
  std::string parent;
  std::string from;
  std::string to;  // empty: the parent's primary key
};

std::vector<ForeignKey> foreign_keys(SQLite::Database& sql, const std::string& table) {
  std::vector<ForeignKey> keys;
  SQLite::Statement query(sql,
                          "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)");
  query.bind(1, table);
  while (query.executeStep())
    keys.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).isNull() ? std::string() : query.getColumn(2).getString()});
  return keys;
}

struct ColumnInfo {
  Column column;
  int pk = 0;  // position in the primary key, 0 when not part of it
};

std::vector<ColumnInfo> table_columns(SQLite::Database& sql, const std::string& table) {
  std::vector<ColumnInfo> columns;
  SQLite::Statement query(sql, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
  query.bind(1, table);
  while (query.executeStep())
    columns.push_back({{query.getColumn(0).getString(), query.getColumn(1).getString()},
                       query.getColumn(2).getInt()});
  return columns;
}

// The user tables in the schema's order, SQLite's own and the excluded left out.
std::vector<std::string> schema_tables(SQLite::Database& sql) {
  std::vector<std::string> tables;
  SQLite::Statement query(sql,
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%' ORDER BY rowid");
  while (query.executeStep()) {
    auto name = query.getColumn(0).getString();
    if (!is_excluded(name)) tables.push_back(std::move(name));
  }
  return tables;
}

// Parents before children (a restore inserts with the foreign keys on); the
// schema's order among tables that do not depend on each other.
std::vector<std::string> restore_order(SQLite::Database& sql) {
  auto pending = schema_tables(sql);
  std::vector<std::string> ordered;
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const std::string& table) {
      const auto keys = foreign_keys(sql, table);
      return std::all_of(keys.begin(), keys.end(), [&](const ForeignKey& key) {
        return key.parent == table ||
               std::find(pending.begin(), pending.end(), key.parent) == pending.end();
      });
    });
    // A cycle of foreign keys (none in runload's schema): the schema's order.
    if (ready == pending.end()) ready = pending.begin();
    ordered.push_back(*ready);
    pending.erase(ready);
  }
  return ordered;
}

std::optional<std::string> condition_of(SQLite::Database& sql, const std::string& table,
                                        int depth) {
  if (table == "athletes") return "\"id\" = :athlete";
  const auto columns = table_columns(sql, table);
  if (std::any_of(columns.begin(), columns.end(),
                  [](const ColumnInfo& c) { return c.column.name == "athlete_id"; }))
    return "\"athlete_id\" = :athlete";
  // Through a foreign key: deleted_activity_files -> deleted_activities -> athletes.
  if (depth > 8) return std::nullopt;
  for (const auto& key : foreign_keys(sql, table)) {
    if (key.parent == table) continue;
    const auto parent = condition_of(sql, key.parent, depth + 1);
    if (!parent) continue;
    return fmt::format("{} IN (SELECT {} FROM {} WHERE {})", identifier(key.from),
                       key.to.empty() ? std::string("rowid") : identifier(key.to),
                       identifier(key.parent), *parent);
  }
  return std::nullopt;
}

Cell cell_of(const SQLite::Column& column) {
  // SQLite::INTEGER and the others are not constant expressions: no switch.
  const int type = column.getType();
  if (type == SQLite::INTEGER) return column.getInt64();
  if (type == SQLite::FLOAT) return column.getDouble();
  if (type == SQLite::TEXT) return column.getString();
  if (type == SQLite::BLOB) {
    const auto* bytes = static_cast<const char*>(column.getBlob());
    return Blob{std::string(bytes, static_cast<std::size_t>(column.getBytes()))};
  }
  return std::monostate{};
}

void bind_cell(SQLite::Statement& statement, int index, const Cell& cell) {
  std::visit(
      [&](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          statement.bind(index);
        else if constexpr (std::is_same_v<T, Blob>)
          statement.bind(index, value.bytes.data(), static_cast<int>(value.bytes.size()));
        else
          statement.bind(index, value);
      },
      cell);
}

TableRows read_table(SQLite::Database& sql, const std::string& table, Scope scope) {
  TableRows out{table, {}, {}};
  std::vector<std::pair<int, std::string>> key;
  std::vector<std::string> names;
  for (const auto& info : table_columns(sql, table)) {
    out.columns.push_back(info.column);
    names.push_back(identifier(info.column.name));
    if (info.pk > 0) key.emplace_back(info.pk, identifier(info.column.name));
  }
  std::sort(key.begin(), key.end());
  std::vector<std::string> order;
  for (const auto& [position, name] : key) order.push_back(name);
  if (order.empty()) order.push_back("rowid");
  const auto condition = scope.athlete_id ? condition_of(sql, table, 0) : std::nullopt;
  SQLite::Statement query(
      sql, fmt::format("SELECT {} FROM {}{} ORDER BY {}", fmt::join(names, ", "), identifier(table),
                       condition ? " WHERE " + *condition : std::string(), fmt::join(order, ", ")));
  if (condition) query.bind(":athlete", *scope.athlete_id);
  while (query.executeStep()) {
    auto& row = out.rows.emplace_back();
    for (int i = 0; i < query.getColumnCount(); ++i) row.push_back(cell_of(query.getColumn(i)));
  }
  return out;
}

std::vector<TableRows> read_all(SQLite::Database& sql, Scope scope) {
  std::vector<TableRows> tables;
  for (const auto& table : restore_order(sql)) tables.push_back(read_table(sql, table, scope));
  return tables;
}

void insert_rows(SQLite::Database& sql, const TableRows& table,
                 const std::vector<ColumnInfo>& known) {
  std::vector<std::string> names;
  for (const auto& column : table.columns) {
    if (std::none_of(known.begin(), known.end(),
                     [&](const ColumnInfo& c) { return c.column.name == column.name; }))
      throw DatabaseError(
          fmt::format("table '{}' of the export has a column '{}' this runload "
                      "does not know",
                      table.name, column.name));
    names.push_back(identifier(column.name));
  }
  if (names.empty()) return;
  std::vector<std::string> marks(names.size(), "?");
  SQLite::Statement insert(sql,
                           fmt::format("INSERT INTO {} ({}) VALUES ({})", identifier(table.name),
                                       fmt::join(names, ", "), fmt::join(marks, ", ")));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != table.columns.size())
      throw DatabaseError(fmt::format("row {} of table '{}' has {} values for {} columns", r + 1,
                                      table.name, row.size(), table.columns.size()));
    for (std::size_t i = 0; i < row.size(); ++i) bind_cell(insert, static_cast<int>(i + 1), row[i]);
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      throw DatabaseError(
          fmt::format("row {} of table '{}' cannot be restored: {}", r + 1, table.name, e.what()));
    }
    insert.reset();
    insert.clearBindings();
  }
}

// Inserts `tables` into the empty tables of `sql`, in one transaction.
void insert_all(SQLite::Database& sql, const std::vector<TableRows>& tables) {
  const auto order = restore_order(sql);
  for (const auto& table : tables)
    if (std::find(order.begin(), order.end(), table.name) == order.end())
      throw DatabaseError(fmt::format(
          "the export holds a table '{}' that this runload's database does not have", table.name));
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& name : order) {
    const auto given = std::find_if(tables.begin(), tables.end(),
                                    [&](const TableRows& t) { return t.name == name; });
    if (given == tables.end()) continue;
    if (sql.execAndGet(fmt::format("SELECT count(*) FROM {}", identifier(name))).getInt64() > 0)
      throw DatabaseError(fmt::format(
          "the database already holds rows in '{}': an export is restored into an empty "
          "database only",
          name));
    insert_rows(sql, *given, table_columns(sql, name));
  }
  SQLite::Statement check(sql, "PRAGMA foreign_key_check");
  if (check.executeStep())
    throw DatabaseError(
        fmt::format("the export's table '{}' names a row of '{}' that it does not hold",
                    check.getColumn(0).getString(), check.getColumn(2).getString()));
  tx.commit();
}

}  // namespace

std::span<const ExcludedTable> excluded_tables() {
  return k_excluded;
}

std::vector<std::string> exported_tables(Database& db) {
  return restore_order(db.sql());
}

std::optional<std::string> athlete_condition(Database& db, const std::string& table) {
  return condition_of(db.sql(), table, 0);
}

std::vector<TableRows> read_tables(Database& db, Scope scope) {
  // One read transaction: every table as of the same commit, whatever
  // another process writes meanwhile.
  SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::DEFERRED);
  auto tables = read_all(db.sql(), scope);
  tx.commit();
  return tables;
}

std::int64_t exported_row_count(Database& db) {
  std::int64_t rows = 0;
  for (const auto& table : schema_tables(db.sql()))
    rows +=
        db.sql().execAndGet(fmt::format("SELECT count(*) FROM {}", identifier(table))).getInt64();
  return rows;
}

void write_tables(Database& db, const std::vector<TableRows>& tables, int schema_version) {
  const int latest = latest_schema_version();
  if (schema_version > latest)
    throw DatabaseError(fmt::format(
        "the export was made by a newer runload (database schema {}; this one knows up to {}): "
        "restore it with that version",
        schema_version, latest));
  if (schema_version < 1)
    throw DatabaseError(
        fmt::format("the export names schema version {}, which no runload wrote", schema_version));
  if (schema_version == latest) {
    insert_all(db.sql(), tables);
    return;
  }
  // Rows of an older schema: restored where they fit, then upgraded by the
  // migrations themselves.
  SQLite::Database staging(":memory:", SQLite::OPEN_READWRITE);
  configure_connection(staging);
  std::vector<Migration> older;
  for (const auto& m : embedded_migrations())
    if (m.version <= schema_version) older.push_back(m);
  apply_migrations(staging, older);
  insert_all(staging, tables);
  apply_migrations(staging, embedded_migrations());
  insert_all(db.sql(), read_all(staging, Scope{}));
}

void snapshot(Database& db, const std::filesystem::path& path, Scope scope) {
  SQLite::Statement vacuum(db.sql(), "VACUUM INTO ?");
  vacuum.bind(1, path.string());
  vacuum.exec();
  SQLite::Database copy(path.string(), SQLite::OPEN_READWRITE);
  configure_connection(copy);
  // No -wal or -shm beside the file while it is edited, none left after.
  copy.exec("PRAGMA journal_mode = DELETE");
  {
    SQLite::Transaction tx(copy, SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& excluded : k_excluded) {
      if (copy.tableExists(std::string(excluded.name)))
        copy.exec(fmt::format("DELETE FROM {}", identifier(excluded.name)));
    }
    if (scope.athlete_id) {
      // Children first, while the rows their conditions go through exist.
      const auto order = restore_order(copy);
      for (auto table = order.rbegin(); table != order.rend(); ++table) {
        const auto condition = condition_of(copy, *table, 0);
        if (!condition) continue;
        SQLite::Statement remove(copy, fmt::format("DELETE FROM {} WHERE NOT coalesce(({}), 0)",
                                                   identifier(*table), *condition));
        remove.bind(":athlete", *scope.athlete_id);
        remove.exec();
      }
    }
    tx.commit();
  }
  // Deleted rows stay in free pages until the file is rebuilt.
  copy.exec("VACUUM");
}

std::vector<ExportRecord> recorded_exports(Database& db) {
  std::vector<ExportRecord> records;
  SQLite::Statement query(
      db.sql(), "SELECT path, format, exported_at, size, modified_ns FROM exports ORDER BY id");
  while (query.executeStep())
    records.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                       query.getColumn(2).getString(), query.getColumn(3).getInt64(),
                       query.getColumn(4).getInt64()});
  return records;
}

void record_export(Database& db, const ExportRecord& record) {
  SQLite::Statement insert(db.sql(),
                           "INSERT INTO exports(path, format, exported_at, size, modified_ns) "
                           "VALUES(?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET format = "
                           "excluded.format, exported_at = excluded.exported_at, size = "
                           "excluded.size, modified_ns = excluded.modified_ns");
  insert.bind(1, record.path);
  insert.bind(2, record.format);
  insert.bind(3, record.exported_at);
  insert.bind(4, record.size);
  insert.bind(5, record.modified_ns);
  insert.exec();
}

}  // namespace runload::store
