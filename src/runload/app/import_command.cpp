#include <runload/app/import_command.hpp>

#include <map>
#include <tuple>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/import/read_any.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {

using text::terminal_safe;

namespace {

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A problem as one line that a file's bytes cannot turn into anything else.
std::string problem_line(const Problem& problem) {
  return terminal_safe(import::describe(problem));
}

bool matters(const Problem& warning) {
  if (warning.kind != import::k_dropped_points || !warning.count || !warning.of || *warning.of <= 0)
    return true;
  return static_cast<double>(*warning.count) >=
         k_noticeable_dropped_share * static_cast<double>(*warning.of);
}

struct WarningLines {
  std::vector<std::string> lines;
  std::int64_t minor = 0;  // not shown: they do not matter
};

// One line per kind per file, in the order first met.
WarningLines group_warnings(const std::vector<Problem>& warnings, Verbose verbose) {
  WarningLines result;
  if (verbose == Verbose::yes) {
    for (const auto& w : warnings) result.lines.push_back(problem_line(w));
    return result;
  }
  std::vector<std::tuple<std::string, std::string, const Problem*, std::int64_t>> groups;
  for (const auto& w : warnings) {
    if (!matters(w)) {
      ++result.minor;
      continue;
    }
    const std::string& kind = w.kind.empty() ? w.message : w.kind;
    auto found = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
      return std::get<0>(g) == w.file && std::get<1>(g) == kind;
    });
    if (found == groups.end())
      groups.emplace_back(w.file, kind, &w, 1);
    else
      ++std::get<3>(*found);
  }
  for (const auto& [file, kind, first, count] : groups)
    result.lines.push_back(count == 1 ? problem_line(*first)
                                      : fmt::format("{} ({} more like it in this file)",
                                                    problem_line(*first), count - 1));
  return result;
}

}  // namespace

ImportSummary run_import(Session& session, const ImportRequest& request,
                         const ProgressFunction& progress) {
  const auto max_file_bytes = files::max_file_bytes(session.env()("RUNLOAD_MAX_FILE_BYTES"));
  auto& db = session.database(Access::write);
  const auto& athlete = session.athlete(Access::write);
  ImportOptions options;
  options.parse_threads = request.jobs;
  options.undelete = request.undelete;
  options.retry_failed = request.retry_failed;
  Importer importer(db, {athlete.id, athlete.timezone, request.garmin_unit},
                    &import::read_file_bytes, options);
  importer.set_max_file_bytes(max_file_bytes);
  if (progress) importer.on_progress(progress);
  return importer.run(request.paths);
}

Messages import_messages(const ImportSummary& s, SummaryLine summary_line, Verbose verbose) {
  Messages messages;
  const auto add = [&](Message::Level level, std::string text) {
    messages.push_back({level, std::move(text)});
  };
  for (const auto& e : s.errors) add(Message::Level::error, problem_line(e));
  const auto warnings = group_warnings(s.warnings, verbose);
  const std::size_t shown = verbose == Verbose::yes
                                ? warnings.lines.size()
                                : std::min(warnings.lines.size(), k_max_listed_messages);
  for (std::size_t i = 0; i < shown; ++i) add(Message::Level::warning, warnings.lines[i]);
  if (warnings.lines.size() > shown)
    add(Message::Level::warning,
        fmt::format("... and {} more warnings ('import --verbose' lists them)",
                    warnings.lines.size() - shown));
  if (s.failed_before > 0)
    add(Message::Level::note,
        fmt::format("{} failed before and {} skipped; 'runload import --retry-failed' reads "
                    "them again",
                    plural(s.failed_before, "file", "files"),
                    s.failed_before == 1 ? "was" : "were"));
  if (s.deleted > 0 || s.files_with_deleted > 0) {
    const std::string what =
        s.deleted > 0
            ? fmt::format("{} you deleted {} not imported again",
                          plural(s.deleted, "activity", "activities"),
                          s.deleted == 1 ? "was" : "were")
            : fmt::format("{} activities you deleted",
                          s.files_with_deleted == 1 ? "1 file, imported before, holds"
                                                    : fmt::format("{} files, imported before, hold",
                                                                  s.files_with_deleted));
    add(Message::Level::note,
        fmt::format("{}; 'runload import --undelete' brings them back", what));
  }
  if (summary_line == SummaryLine::no) return messages;
  for (std::size_t i = 0; i < s.merges.size() && i < k_max_listed_messages; ++i) {
    const auto& m = s.merges[i];
    add(Message::Level::note,
        fmt::format(
            "merged {} into activity {} ({}{})", terminal_safe(m.source), m.activity_id,
            model::format_date(m.local_date),
            m.name.empty() ? std::string() : fmt::format(", \"{}\"", terminal_safe(m.name))));
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
      fmt::format("imported {} from {} ({} merged, {}, {} failed{})",
                  plural(s.imported, "activity", "activities"), plural(s.files, "file", "files"),
                  s.merged, plural(s.duplicates, "duplicate", "duplicates"), s.failed,
                  warnings.minor > 0
                      ? fmt::format("; {}, 'import --verbose' shows {}",
                                    plural(warnings.minor, "minor warning", "minor warnings"),
                                    warnings.minor == 1 ? "it" : "them")
                      : std::string()));
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
  return {{"files", s.files},     {"imported", s.imported},
          {"merged", s.merged},   {"duplicates", s.duplicates},
          {"failed", s.failed},   {"failed_before", s.failed_before},
          {"deleted", s.deleted}, {"errors", errors},
          {"new_shoes", s.new_shoes}, {"csv_rows", csv_rows}};
}

}  // namespace runload::app
