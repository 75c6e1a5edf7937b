#pragma once
// The files `runload export` writes, as docs/EXPORT.md describes them: the
// JSON document (every exported table as an array of row objects), the CSV
// zip (one CSV per table after a manifest), and how any of them, and a
// SQLite snapshot, is recognised by its first bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <runload/store/table_dump.hpp>

namespace runload::app {

// The version of the export's own layout (the envelope around the tables);
// the tables' columns are versioned by schema_version.
inline constexpr int k_export_version = 1;
// The first member of a CSV export's zip.
inline constexpr std::string_view k_csv_manifest = "runload_export.json";

enum class ExportFormat { json, csv, sqlite };

std::string_view format_name(ExportFormat format) noexcept;

// What an export holds besides its rows.
struct ExportHeader {
  int schema_version = 0;
  std::string scope;                  // "all" or "athlete"
  std::vector<std::string> athletes;  // their names, in id order
};

// The JSON export: {"runload_export", "schema_version", "runload_version",
// "scope", "athletes", "tables": {NAME: [{COLUMN: VALUE, ...}, ...]}}.
// NULL is null, INTEGER and REAL numbers, TEXT strings (bytes that are not
// UTF-8 replaced), a BLOB {"base64": "..."}.
std::string export_json(const ExportHeader& header, const std::vector<store::TableRows>& tables);

// The zip of a CSV export: the manifest (the JSON export's envelope, with
// "tables" the names of the CSV members), then NAME.csv per table: a header
// of column names, a line per row, NULL an empty cell, an empty text "",
// a BLOB in base64.
std::string export_csv_zip(const ExportHeader& header, const std::vector<store::TableRows>& tables);

// The athletes' names of `tables` (the rows of "athletes", by id).
std::vector<std::string> athlete_names(const std::vector<store::TableRows>& tables);

// A JSON export read back. Throws UsageError naming what is wrong: not
// JSON, not an export, a layout newer than k_export_version, a value of a
// kind an export never holds (a boolean, an array, a BLOB not in base64).
struct ReadExport {
  ExportHeader header;
  std::vector<store::TableRows> tables;
};
ReadExport read_export_json(std::string_view text);

// What the first bytes of a file (at least 100 of them when there are) say.
enum class ExportKind { none, json, csv, sqlite };

// json: "{" and "runload_export" as the first key; csv: a zip whose first
// member is k_csv_manifest; sqlite: an SQLite file with runload's
// application_id (a snapshot, or a runload database).
ExportKind export_kind(std::string_view head);

}  // namespace runload::app
