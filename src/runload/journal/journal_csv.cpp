#include <runload/journal/journal_csv.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <runload/import/csv_reader.hpp>
#include <runload/journal/validation.hpp>
#include <runload/text/ascii.hpp>

namespace runload::journal {

using text::to_lower;
using text::trim;

namespace {

// The records of the file, as owned strings so cells can be trimmed and
// compared freely; the RFC 4180 work is the importer's CSV reader.
struct Record {
  std::int64_t line = 0;
  std::vector<std::string> fields;
};

struct Records {
  std::vector<Record> records;
  std::optional<CsvProblem> error;  // a structural error stops the reading
};

Records read_records(std::string_view text) {
  const auto table = import::parse_csv(text);
  Records out;
  out.records.reserve(table.records().size());
  for (const auto& record : table.records())
    out.records.push_back({record.line, {record.fields.begin(), record.fields.end()}});
  if (table.error()) out.error = CsvProblem{table.error()->line, "a quoted cell is never closed"};
  return out;
}

// --- text checks -------------------------------------------------------------

std::optional<CsvProblem> check_text(std::string_view text) {
  auto error = import::check_csv_text(text);
  if (!error) return std::nullopt;
  return CsvProblem{error->line, std::move(error->message)};
}

// --- the journal columns ----------------------------------------------------

enum class Column {
  date,
  stiffness,
  stiffness_minutes,
  pain_run,
  pain_after,
  swelling,
  pop,
  side,
  note,
  assessed,
};

constexpr std::array<std::pair<std::string_view, Column>, 10> k_columns{{
    {"date", Column::date},
    {"stiffness", Column::stiffness},
    {"stiffness_minutes", Column::stiffness_minutes},
    {"pain_run", Column::pain_run},
    {"pain_after", Column::pain_after},
    {"swelling", Column::swelling},
    {"pop", Column::pop},
    {"side", Column::side},
    {"note", Column::note},
    {"assessed", Column::assessed},
}};

// The header name of `column`; every Column has one in k_columns.
std::string_view column_name(Column column) {
  for (const auto& [name, known] : k_columns)
    if (known == column) return name;
  return "?";
}

std::string header_name(std::string_view text) {
  return to_lower(trim(text));
}

bool is_empty_cell(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

std::string quote_if_needed(std::string_view text) {
  const bool needs = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t'));
  if (!needs) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

namespace {

// The column of each header cell (nullopt for an unknown one); problems of
// the header (unknown or repeated names, no date) go to `problems`.
std::vector<std::optional<Column>> header_columns(const Record& header,
                                                  std::vector<CsvProblem>& problems) {
  std::vector<std::optional<Column>> columns;
  std::map<std::string, bool> seen;
  for (const auto& cell : header.fields) {
    const auto name = header_name(cell);
    const auto known = std::find_if(k_columns.begin(), k_columns.end(),
                                    [&](const auto& c) { return c.first == name; });
    if (known == k_columns.end()) {
      problems.push_back({header.line, fmt::format("unknown column '{}'; the columns are {}", cell,
                                                   k_csv_header)});
      columns.emplace_back(std::nullopt);
      continue;
    }
    if (seen[name])
      problems.push_back({header.line, fmt::format("column '{}' appears twice", name)});
    seen[name] = true;
    columns.emplace_back(known->second);
  }
  if (!seen["date"])
    problems.push_back(
        {header.line, fmt::format("the header has no 'date' column; expected {}", k_csv_header)});
  return columns;
}

// Reads one non-empty cell of `column` into `entry`; the reason when the
// cell is not a value of that column.
std::optional<std::string> read_cell(Column column, const std::string& cell, date::sys_days today,
                                     model::JournalEntry& entry) {
  const auto take = [](const auto& checked, auto& field) -> std::optional<std::string> {
    if (!checked) return checked.error;
    field = checked.value;
    return std::nullopt;
  };
  switch (column) {
    case Column::date: {
      const auto v = parse_day(cell, today);
      if (!v) return v.error;
      entry.date = *v.value;
      return std::nullopt;
    }
    case Column::stiffness:
      return take(parse_scale(cell), entry.stiffness);
    case Column::pain_run:
      return take(parse_scale(cell), entry.pain_run);
    case Column::pain_after:
      return take(parse_scale(cell), entry.pain_after);
    case Column::stiffness_minutes:
      return take(parse_stiffness_minutes(cell), entry.stiffness_minutes);
    case Column::swelling:
      return take(parse_yes_no(cell), entry.swelling);
    case Column::pop:
      return take(parse_yes_no(cell), entry.pop);
    case Column::assessed:
      return take(parse_yes_no(cell), entry.assessed);
    case Column::side:
      return take(parse_side(cell), entry.side);
    case Column::note:
      if (cell.size() > k_note_max_bytes)
        return fmt::format("is {} bytes long; a note may have at most {}", cell.size(),
                           k_note_max_bytes);
      if (!cell.empty()) entry.note = cell;
      return std::nullopt;
  }
  return std::nullopt;
}

struct ReadEntry {
  model::JournalEntry entry;
  bool good = true;  // false: a cell was refused (the date may still be known)
};

// The entry of one record; nullopt when it has no date. Its problems are in
// `problems`.
std::optional<ReadEntry> read_entry(const Record& record,
                                    const std::vector<std::optional<Column>>& columns,
                                    date::sys_days today, std::vector<CsvProblem>& problems) {
  if (record.fields.size() != columns.size()) {
    problems.push_back({record.line, fmt::format("has {} cells, the header has {}",
                                                 record.fields.size(), columns.size())});
    return std::nullopt;
  }
  model::JournalEntry entry;
  bool good = true;
  bool has_date = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& cell = record.fields[c];
    const Column column = *columns[c];
    if (column != Column::note && is_empty_cell(cell)) continue;
    if (auto error = read_cell(column, cell, today, entry)) {
      problems.push_back({record.line, fmt::format("{} {}", column_name(column), *error)});
      good = false;
    } else if (column == Column::date) {
      has_date = true;
    }
  }
  if (!has_date) {
    if (good) problems.push_back({record.line, "date is missing"});
    return std::nullopt;
  }
  return ReadEntry{std::move(entry), good};
}

}  // namespace

CsvJournal parse_journal_csv(std::string_view text, date::sys_days today) {
  CsvJournal result;
  if (auto problem = check_text(text)) {
    result.problems.push_back(std::move(*problem));
    return result;
  }
  auto read = read_records(text);
  if (read.records.empty() && !read.error) {
    result.problems.push_back(
        {1, fmt::format("the file is empty; expected the header {}", k_csv_header)});
    return result;
  }
  std::vector<std::optional<Column>> columns;
  if (!read.records.empty()) columns = header_columns(read.records.front(), result.problems);
  if (!result.problems.empty()) {
    if (read.error) result.problems.push_back(*read.error);
    return result;
  }

  std::map<date::sys_days, std::int64_t> first_line_of;
  for (std::size_t r = 1; r < read.records.size(); ++r) {
    const auto& record = read.records[r];
    auto read_row = read_entry(record, columns, today, result.problems);
    if (!read_row) continue;
    const auto day = read_row->entry.date;
    if (const auto [it, inserted] = first_line_of.emplace(day, record.line); !inserted) {
      result.problems.push_back({record.line, fmt::format("date {} is already given on line {}",
                                                          date::format("%F", day), it->second)});
      continue;
    }
    if (read_row->good) result.entries.push_back(std::move(read_row->entry));
  }
  if (read.error) result.problems.push_back(*read.error);
  return result;
}

std::string write_journal_csv(std::span<const model::JournalEntry> entries) {
  const auto number = [](const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string();
  };
  const auto boolean = [](const std::optional<bool>& v) {
    return v ? std::string(*v ? "yes" : "no") : std::string();
  };
  std::string out(k_csv_header);
  out += '\n';
  for (const auto& e : entries) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", date::format("%F", e.date),
                       number(e.stiffness), number(e.stiffness_minutes), number(e.pain_run),
                       number(e.pain_after), boolean(e.swelling), boolean(e.pop),
                       e.side ? std::string(model::to_string(*e.side)) : std::string(),
                       e.note ? quote_if_needed(*e.note) : std::string(), boolean(e.assessed));
  }
  return out;
}

}  // namespace runload::journal
