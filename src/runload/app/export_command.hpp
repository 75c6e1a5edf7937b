#pragma once
// `runload export [--format json|csv|sqlite] [--out PATH] [--all]`: the
// runner's data out of runload, whole, in a form another tool (or another
// runload) reads; docs/EXPORT.md describes the files.
//
// Everything of the schema is exported but the tables store::excluded_tables()
// names, driven by the schema itself (store/table_dump), so what a later
// migration adds is exported without new code.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <runload/app/export_document.hpp>
#include <runload/app/session.hpp>

namespace runload::app {

enum class ExportScope { athlete, all };

struct ExportRequest {
  ExportFormat format = ExportFormat::json;
  std::optional<std::filesystem::path> out;  // nullopt: the bytes are returned
  ExportScope scope = ExportScope::athlete;  // the session's athlete, or --all
};

struct ExportResult {
  std::optional<std::filesystem::path> written;  // the file, absolute, when `out` was given
  std::string bytes;                             // the export, when no `out` was given
  std::vector<std::string> athletes;
  std::vector<std::pair<std::string, std::int64_t>> rows;  // per table
  // Why the file was not recorded for delete-all (a read-only database), or nullopt.
  std::optional<std::string> not_recorded;
};

// Exports the session's athlete (as reading commands find it: never
// created) or every athlete. With `out`: written to a temporary file beside
// it, synced and renamed over it, so the path holds the whole export or
// what it held before; a file there that is not a runload export
// (export_kind) is refused, as is the database itself; the file is
// recorded in the database for delete-all. Without `out` the bytes are
// returned (an sqlite snapshot goes through a private temporary file).
// Throws UsageError for a path it refuses, DatabaseError when the database
// cannot be read or the file cannot be written.
ExportResult run_export(Session& session, const ExportRequest& request);

// The file's size and modification time, as the exports table records
// them; nullopt when it is not a regular file.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t modified_ns = 0;
  bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> file_stamp(const std::filesystem::path& path);

// The first bytes of `path` (up to 4 KiB); empty when it cannot be read.
std::string file_head(const std::filesystem::path& path);

}  // namespace runload::app
