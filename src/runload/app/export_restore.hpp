#pragma once
// `runload import EXPORT.json`: a JSON export restored, recognised by its
// content (export_kind), whatever its name. The import command asks here
// first; every other file goes through the import pipeline.
//
// A restore gives back the export's rows as they were, ids included, so it
// goes into a database that holds no data yet (new, or emptied with
// delete-all): merging two histories by name would renumber every row and
// could join two different people under one name. An export of an older
// schema is upgraded by the migrations on the way in (store::write_tables).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <runload/app/message.hpp>
#include <runload/app/session.hpp>
#include <runload/text/json.hpp>

namespace runload::app {

struct RestoreSummary {
  std::filesystem::path file;
  int schema_version = 0;  // the export's
  std::vector<std::string> athletes;
  std::vector<std::pair<std::string, std::int64_t>> rows;  // per table, as restored
};

// When `paths` holds a runload export, restores it into the session's
// database (created when missing; no athlete is created) and returns what
// it restored; nullopt when none of `paths` is an export file.
// Throws UsageError when an export is given with other paths, when
// `athlete` (--athlete) is given (an export names its athletes), when the
// file is a CSV export or a SQLite snapshot (saying how to use it), when
// the database already holds data (naming its athletes), or when the JSON
// is not a valid export (read_export_json); DatabaseError as
// store::write_tables, and when the file cannot be read.
std::optional<RestoreSummary> restore_if_export(Session& session,
                                                const std::vector<std::filesystem::path>& paths,
                                                const std::optional<std::string>& athlete);

// "restored FILE: athlete 'Lena' (schema 12), 1234 rows: 240 activities, ...".
Messages restore_messages(const RestoreSummary& summary);

// As `import --json` prints it (files, imported: the activities, ... and
// errors empty), with "restored" {"file", "schema_version", "athletes",
// "rows" {TABLE: N}}.
text::Json restore_json(const RestoreSummary& summary);

}  // namespace runload::app
