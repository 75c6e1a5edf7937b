#include <runload/app/export_command.hpp>

#include <chrono>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include <runload/app/delete_all_command.hpp>
#include <runload/error.hpp>
#include <runload/files/load.hpp>
#include <runload/files/write.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/database.hpp>
#include <runload/store/table_dump.hpp>
#include <runload/store/transaction.hpp>

namespace runload::app {

namespace fs = std::filesystem;

namespace {

// Removes a temporary file on every way out but success.
struct Temporary {
  fs::path path;
  ~Temporary() {
    if (path.empty()) return;
    std::error_code ignored;
    fs::remove(path, ignored);
  }
};

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec) && !ec;
}

// The path an export may be written to: a new file, or a runload export
// written before (replaced); never a folder, the database, or another file.
fs::path checked_target(const fs::path& out, const fs::path& database) {
  std::error_code ec;
  const auto target = fs::absolute(out, ec);
  if (ec) throw UsageError(fmt::format("--out {}: {}", out.string(), ec.message()));
  for (const auto& file : database_files(database))
    if (same_file(target, file))
      throw UsageError(
          fmt::format("--out {} is the database itself; name another file", out.string()));
  const auto status = fs::status(target, ec);
  if (!fs::exists(status)) return target;
  if (fs::is_directory(status))
    throw UsageError(fmt::format("--out {} is a folder; name the file to write", out.string()));
  if (!fs::is_regular_file(status) || export_kind(file_head(target)) == ExportKind::none)
    throw UsageError(fmt::format(
        "--out {} exists and is not a runload export; runload replaces only its own exports "
        "(remove it, or name another file)",
        out.string()));
  return target;
}

store::Scope scope_of(Session& session, ExportScope scope) {
  if (scope == ExportScope::all) return {};
  return store::Scope{session.athlete(Access::read).id};
}

// A snapshot's bytes for standard output, through a private temporary file.
std::string snapshot_bytes(store::Database& db, store::Scope scope) {
  std::string error;
  Temporary temporary{
      files::create_temporary_beside(fs::temp_directory_path() / "runload-export.sqlite", error)};
  if (temporary.path.empty())
    throw DatabaseError(fmt::format("cannot create a temporary file: {}", error));
  store::snapshot(db, temporary.path, scope);
  std::string bytes;
  if (const auto failed =
          files::load_file(temporary.path, std::numeric_limits<std::uintmax_t>::max(), bytes))
    throw DatabaseError(
        fmt::format("cannot read the snapshot {}: {}", temporary.path.string(), failed->reason));
  return bytes;
}

void write_snapshot(store::Database& db, store::Scope scope, const fs::path& target) {
  std::string error;
  Temporary temporary{files::create_temporary_beside(target, error)};
  if (temporary.path.empty())
    throw DatabaseError(fmt::format("cannot write {}: {}", target.string(), error));
  store::snapshot(db, temporary.path, scope);
  if (const auto failed = files::replace_with(temporary.path, target))
    throw DatabaseError(fmt::format("cannot write {}: {}", target.string(), *failed));
  temporary.path.clear();
}

// Records the file for delete-all; says why not when the database cannot
// be written.
std::optional<std::string> record(Session& session, const fs::path& target, ExportFormat format) {
  if (session.database(Access::read).read_only())
    return *session.database(Access::read).read_only_reason();
  const auto stamp = file_stamp(target);
  if (!stamp) return "the file is gone";
  try {
    auto& db = session.database(Access::write);
    store::WriteTransaction tx(db);
    store::record_export(
        db, {target.string(), std::string(format_name(format)),
             model::format_utc(date::floor<std::chrono::seconds>(std::chrono::system_clock::now())),
             stamp->size, stamp->modified_ns});
    tx.commit();
  } catch (const DatabaseError& e) {
    return e.what();
  }
  return std::nullopt;
}

}  // namespace

std::optional<FileStamp> file_stamp(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto modified = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return FileStamp{
      static_cast<std::int64_t>(size),
      std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count()};
}

std::string file_head(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

ExportResult run_export(Session& session, const ExportRequest& request) {
  ExportResult result;
  auto& db = session.database(Access::read);
  const auto target =
      request.out ? std::optional<fs::path>(checked_target(*request.out, db.path())) : std::nullopt;
  const auto scope = scope_of(session, request.scope);
  const auto tables = store::read_tables(db, scope);
  for (const auto& table : tables)
    result.rows.emplace_back(table.name, static_cast<std::int64_t>(table.rows.size()));
  result.athletes = athlete_names(tables);
  const ExportHeader header{db.schema_version(),
                            request.scope == ExportScope::all ? "all" : "athlete", result.athletes};

  if (request.format == ExportFormat::sqlite) {
    if (!target) {
      result.bytes = snapshot_bytes(db, scope);
      return result;
    }
    write_snapshot(db, scope, *target);
  } else {
    auto bytes = request.format == ExportFormat::json ? export_json(header, tables)
                                                      : export_csv_zip(header, tables);
    if (!target) {
      result.bytes = std::move(bytes);
      return result;
    }
    if (const auto failed = files::write_file_atomically(*target, bytes))
      throw DatabaseError(fmt::format("cannot write {}: {}", target->string(), *failed));
  }
  result.written = target;
  result.not_recorded = record(session, *target, request.format);
  return result;
}

}  // namespace runload::app
