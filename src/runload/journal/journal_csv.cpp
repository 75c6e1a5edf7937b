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
  note
};

constexpr std::array<std::pair<std::string_view, Column>, 9> k_columns{{
    {"date", Column::date},
    {"stiffness", Column::stiffness},
    {"stiffness_minutes", Column::stiffness_minutes},
    {"pain_run", Column::pain_run},
    {"pain_after", Column::pain_after},
    {"swelling", Column::swelling},
    {"pop", Column::pop},
    {"side", Column::side},
    {"note", Column::note},
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
  if (!read.records.empty()) {
    const auto& header = read.records.front();
    std::map<std::string, bool> seen;
    for (const auto& cell : header.fields) {
      const auto name = header_name(cell);
      const auto known = std::find_if(k_columns.begin(), k_columns.end(),
                                      [&](const auto& c) { return c.first == name; });
      if (known == k_columns.end()) {
        result.problems.push_back(
            {header.line,
             fmt::format("unknown column '{}'; the columns are {}", cell, k_csv_header)});
        columns.emplace_back(std::nullopt);
        continue;
      }
      if (seen[name])
        result.problems.push_back({header.line, fmt::format("column '{}' appears twice", name)});
      seen[name] = true;
      columns.emplace_back(known->second);
    }
    if (!seen["date"])
      result.problems.push_back(
          {header.line, fmt::format("the header has no 'date' column; expected {}", k_csv_header)});
  }
  if (!result.problems.empty()) {
    if (read.error) result.problems.push_back(*read.error);
    return result;
  }

  std::map<date::sys_days, std::int64_t> first_line_of;
  for (std::size_t r = 1; r < read.records.size(); ++r) {
    const auto& record = read.records[r];
    const auto problem = [&](std::string message) {
      result.problems.push_back({record.line, std::move(message)});
    };
    if (record.fields.size() != columns.size()) {
      problem(fmt::format("has {} cells, the header has {}", record.fields.size(), columns.size()));
      continue;
    }
    model::JournalEntry entry;
    bool good = true;
    bool has_date = false;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string& cell = record.fields[c];
      const Column column = *columns[c];
      if (column != Column::note && is_empty_cell(cell)) continue;
      const auto name = column_name(column);
      const auto fail = [&](const std::string& error) {
        problem(fmt::format("{} {}", name, error));
        good = false;
      };
      switch (column) {
        case Column::date: {
          const auto v = parse_day(cell, today);
          if (!v)
            fail(v.error);
          else {
            entry.date = *v.value;
            has_date = true;
          }
          break;
        }
        case Column::stiffness:
        case Column::pain_run:
        case Column::pain_after: {
          const auto v = parse_scale(cell);
          if (!v)
            fail(v.error);
          else if (column == Column::stiffness)
            entry.stiffness = v.value;
          else if (column == Column::pain_run)
            entry.pain_run = v.value;
          else
            entry.pain_after = v.value;
          break;
        }
        case Column::stiffness_minutes: {
          const auto v = parse_stiffness_minutes(cell);
          if (!v)
            fail(v.error);
          else
            entry.stiffness_minutes = v.value;
          break;
        }
        case Column::swelling:
        case Column::pop: {
          const auto v = parse_yes_no(cell);
          if (!v)
            fail(v.error);
          else
            (column == Column::swelling ? entry.swelling : entry.pop) = v.value;
          break;
        }
        case Column::side: {
          const auto v = parse_side(cell);
          if (!v)
            fail(v.error);
          else
            entry.side = v.value;
          break;
        }
        case Column::note:
          if (cell.size() > k_note_max_bytes)
            fail(fmt::format("is {} bytes long; a note may have at most {}", cell.size(),
                             k_note_max_bytes));
          else if (!cell.empty())
            entry.note = cell;
          break;
      }
    }
    if (!has_date) {
      if (good) problem("date is missing");
      continue;
    }
    if (const auto [it, inserted] = first_line_of.emplace(entry.date, record.line); !inserted) {
      problem(fmt::format("date {} is already given on line {}", date::format("%F", entry.date),
                          it->second));
      continue;
    }
    if (good) result.entries.push_back(std::move(entry));
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
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", date::format("%F", e.date),
                       number(e.stiffness), number(e.stiffness_minutes), number(e.pain_run),
                       number(e.pain_after), boolean(e.swelling), boolean(e.pop),
                       e.side ? std::string(model::to_string(*e.side)) : std::string(),
                       e.note ? quote_if_needed(*e.note) : std::string());
  }
  return out;
}

}  // namespace runload::journal
