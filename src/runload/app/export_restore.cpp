#include <runload/app/export_restore.hpp>

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include <runload/app/export_command.hpp>
#include <runload/app/export_document.hpp>
#include <runload/error.hpp>
#include <runload/files/load.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/table_dump.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {

namespace fs = std::filesystem;

namespace {

ExportKind kind_of(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return ExportKind::none;
  return export_kind(file_head(path));
}

std::string quoted_names(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& name : names) quoted.push_back("'" + text::terminal_safe(name) + "'");
  return fmt::format("{}", fmt::join(quoted, ", "));
}

void refuse_unrestorable(const fs::path& path, ExportKind kind) {
  const auto name = text::terminal_safe(path.string());
  if (kind == ExportKind::csv)
    throw UsageError(
        fmt::format("{} is a runload CSV export, for spreadsheets; restore from a JSON export "
                    "('runload export --format json')",
                    name));
  if (kind == ExportKind::sqlite)
    throw UsageError(fmt::format(
        "{} is a runload database (an sqlite export); use it as it is: runload --db {} ...", name,
        name));
}

// The database must hold nothing yet: a restore keeps the export's ids.
void require_empty(store::Database& db) {
  if (store::exported_row_count(db) == 0) return;
  std::vector<std::string> names;
  for (const auto& athlete : store::list_athletes(db)) names.push_back(athlete.name);
  throw UsageError(fmt::format(
      "the database {} already holds data{}; an export is restored into an empty database, "
      "ids and all: name a new one with --db (or RUNLOAD_DB)",
      text::terminal_safe(db.path().string()),
      names.empty() ? std::string() : fmt::format(" (athletes {})", quoted_names(names))));
}

// An export is a file like any other: its athletes must be ones runload
// could have made (a printable name, a zone this machine knows).
void check_athletes(const std::vector<store::TableRows>& tables) {
  for (const auto& table : tables) {
    if (table.name != "athletes") continue;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto& column = table.columns[c].name;
      if (column != "name" && column != "timezone") continue;
      for (const auto& row : table.rows) {
        const auto* value = std::get_if<std::string>(&row[c]);
        if (!value) continue;  // NULL or a number: the schema refuses it
        if (column == "name")
          store::check_athlete_name(*value, "the export's athlete");
        else
          store::check_time_zone(*value);
      }
    }
  }
}

std::int64_t rows_of(const RestoreSummary& summary, std::string_view table) {
  for (const auto& [name, rows] : summary.rows)
    if (name == table) return rows;
  return 0;
}

}  // namespace

std::optional<RestoreSummary> restore_if_export(Session& session,
                                                const std::vector<fs::path>& paths,
                                                const std::optional<std::string>& athlete) {
  const auto is_export = [](const fs::path& p) { return kind_of(p) != ExportKind::none; };
  const auto found = std::find_if(paths.begin(), paths.end(), is_export);
  if (found == paths.end()) return std::nullopt;
  const fs::path path = *found;
  if (paths.size() > 1)
    throw UsageError(fmt::format("{} is a runload export: import it alone, into a new database",
                                 text::terminal_safe(path.string())));
  const auto kind = kind_of(path);
  refuse_unrestorable(path, kind);
  if (athlete)
    throw UsageError(
        "--athlete does not apply to restoring an export: it restores the athletes it holds, "
        "under their names ('runload athletes rename OLD NEW' renames one afterwards)");

  std::string bytes;
  if (const auto failed = files::load_file(path, std::numeric_limits<std::uintmax_t>::max(), bytes))
    throw DatabaseError(
        fmt::format("cannot read {}: {}", text::terminal_safe(path.string()), failed->reason));
  ReadExport read;
  try {
    read = read_export_json(bytes);
    check_athletes(read.tables);
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("{}: {}", text::terminal_safe(path.string()), e.what()));
  }
  auto& db = session.database(Access::write);
  require_empty(db);
  store::write_tables(db, read.tables, read.header.schema_version);

  RestoreSummary summary{path, read.header.schema_version, read.header.athletes, {}};
  for (const auto& table : read.tables)
    summary.rows.emplace_back(table.name, static_cast<std::int64_t>(table.rows.size()));
  return summary;
}

Messages restore_messages(const RestoreSummary& s) {
  std::int64_t total = 0;
  std::vector<std::string> parts;
  for (const auto& [table, rows] : s.rows) {
    total += rows;
    if (rows > 0) parts.push_back(fmt::format("{} {}", table, rows));
  }
  return {{Message::Level::note,
           fmt::format(
               "restored {}: {} {} (schema {}), {} rows{}", text::terminal_safe(s.file.string()),
               s.athletes.size() == 1 ? "athlete" : "athletes", quoted_names(s.athletes),
               s.schema_version, total,
               parts.empty() ? std::string() : fmt::format(" ({})", fmt::join(parts, ", ")))}};
}

text::Json restore_json(const RestoreSummary& s) {
  text::Json rows = text::Json::object();
  for (const auto& [table, n] : s.rows) rows[table] = n;
  return {{"files", 1},
          {"imported", rows_of(s, "activities")},
          {"merged", 0},
          {"duplicates", 0},
          {"failed", 0},
          {"failed_before", 0},
          {"deleted", 0},
          {"errors", text::Json::array()},
          {"restored",
           {{"file", s.file.string()},
            {"schema_version", s.schema_version},
            {"athletes", s.athletes},
            {"rows", rows}}}};
}

}  // namespace runload::app
