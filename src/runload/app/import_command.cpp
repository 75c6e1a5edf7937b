#include <runload/app/import_command.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/import/read_any.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {
namespace {

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

ImportSummary run_import(Session& session, const ImportRequest& request,
                         const ProgressFunction& progress) {
  auto& db = session.database();
  if (db.read_only())
    throw DatabaseError(fmt::format(
        "the database {} is read-only (its file is not writable); import cannot store anything",
        db.path().string()));
  const auto& athlete = session.athlete();
  Importer importer(db, {athlete.id, athlete.timezone, request.garmin_unit},
                    &import::read_file_bytes, ImportOptions{request.jobs});
  importer.set_max_file_bytes(files::max_file_bytes(session.env()("RUNLOAD_MAX_FILE_BYTES")));
  if (progress) importer.on_progress(progress);
  return importer.run(request.paths);
}

Messages import_messages(const ImportSummary& s, SummaryLine summary_line) {
  Messages messages;
  const auto add = [&](Message::Level level, std::string text) {
    messages.push_back({level, std::move(text)});
  };
  for (const auto& e : s.errors) add(Message::Level::error, import::describe(e));
  for (std::size_t i = 0; i < s.warnings.size() && i < k_max_listed_messages; ++i)
    add(Message::Level::warning, import::describe(s.warnings[i]));
  if (s.warnings.size() > k_max_listed_messages)
    add(Message::Level::warning,
        fmt::format("... and {} more warnings", s.warnings.size() - k_max_listed_messages));
  if (summary_line == SummaryLine::no) return messages;
  for (std::size_t i = 0; i < s.merges.size() && i < k_max_listed_messages; ++i) {
    const auto& m = s.merges[i];
    add(Message::Level::note,
        fmt::format("merged {} into activity {} ({}{})", m.source, m.activity_id,
                    model::format_date(m.local_date),
                    m.name.empty() ? std::string() : fmt::format(", \"{}\"", m.name)));
  }
  if (s.merges.size() > k_max_listed_messages)
    add(Message::Level::note,
        fmt::format("... and {} more merged", s.merges.size() - k_max_listed_messages));
  if (s.new_shoes.size() == 1)
    add(Message::Level::note,
        fmt::format("new shoe '{0}': its heel drop is unknown, so footwear changes cannot be "
                    "judged until you set it: runload gear edit '{0}' --drop MM",
                    text::terminal_safe(s.new_shoes.front())));
  if (s.new_shoes.size() > 1) {
    std::vector<std::string> names;
    for (const auto& shoe : s.new_shoes) names.push_back("'" + text::terminal_safe(shoe) + "'");
    add(Message::Level::note,
        fmt::format("{} new shoes ({}): their heel drops are unknown, so footwear changes cannot "
                    "be judged until you set them: runload gear edit NAME --drop MM",
                    s.new_shoes.size(), fmt::join(names, ", ")));
  }
  if (s.csv_rows > 0)
    add(Message::Level::note, fmt::format("{} rows, {} imported, {} refused", s.csv_rows,
                                          s.csv_rows - s.csv_rows_refused, s.csv_rows_refused));
  add(Message::Level::note,
      fmt::format("imported {} from {} ({} merged, {}, {} failed)",
                  plural(s.imported, "activity", "activities"), plural(s.files, "file", "files"),
                  s.merged, plural(s.duplicates, "duplicate", "duplicates"), s.failed));
  return messages;
}

nlohmann::ordered_json import_json(const ImportSummary& s) {
  auto errors = nlohmann::ordered_json::array();
  for (const auto& e : s.errors) {
    errors.push_back({
        {"path", e.file},
        {"line", e.line ? nlohmann::ordered_json(*e.line) : nlohmann::ordered_json(nullptr)},
        {"message", e.offset ? fmt::format("byte {}: {}", *e.offset, e.message) : e.message},
    });
  }
  // The summary CSVs' data rows stored, read and refused (the refused ones
  // are named among the warnings on stderr).
  const nlohmann::ordered_json csv_rows = {{"rows", s.csv_rows},
                                           {"imported", s.csv_rows - s.csv_rows_refused},
                                           {"refused", s.csv_rows_refused}};
  return {{"files", s.files},           {"imported", s.imported}, {"merged", s.merged},
          {"duplicates", s.duplicates}, {"failed", s.failed},     {"errors", errors},
          {"new_shoes", s.new_shoes}, {"csv_rows", csv_rows}};
}

}  // namespace runload::app
