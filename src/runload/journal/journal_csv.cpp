#include <runload/journal/journal_csv.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <runload/import/csv_reader.hpp>
#include <runload/journal/exercises.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/journal/validation.hpp>
#include <runload/journal/visa_a.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/csv_cell.hpp>

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

// --- the columns ---------------------------------------------------------------

enum class Column {
  date,
  record,
  stiffness,
  stiffness_minutes,
  pain_run,
  pain_after,
  swelling,
  pop,
  side,
  note,
  assessed,
  visa_a,
  heel_rise_left,
  heel_rise_right,
  exercise,
  sets,
  reps,
  load_kg,
  exercise_pain,
  medication,
  until,
};

constexpr std::array<std::pair<std::string_view, Column>, 21> k_columns{{
    {"date", Column::date},
    {"record", Column::record},
    {"stiffness", Column::stiffness},
    {"stiffness_minutes", Column::stiffness_minutes},
    {"pain_run", Column::pain_run},
    {"pain_after", Column::pain_after},
    {"swelling", Column::swelling},
    {"pop", Column::pop},
    {"side", Column::side},
    {"note", Column::note},
    {"assessed", Column::assessed},
    {"visa_a", Column::visa_a},
    {"heel_rise_left", Column::heel_rise_left},
    {"heel_rise_right", Column::heel_rise_right},
    {"exercise", Column::exercise},
    {"sets", Column::sets},
    {"reps", Column::reps},
    {"load_kg", Column::load_kg},
    {"exercise_pain", Column::exercise_pain},
    {"medication", Column::medication},
    {"until", Column::until},
}};

// What a row holds (the `record` column).
enum class Kind { day, visa_a, heel_rise, rehab, medication, episode };

constexpr std::array<std::pair<std::string_view, Kind>, 6> k_kinds{{
    {"day", Kind::day},
    {"visa_a", Kind::visa_a},
    {"heel_rise", Kind::heel_rise},
    {"rehab", Kind::rehab},
    {"medication", Kind::medication},
    {"episode", Kind::episode},
}};

std::string_view kind_name(Kind kind) {
  for (const auto& [name, known] : k_kinds)
    if (known == kind) return name;
  return "?";
}

// The header name of `column`; every Column has one in k_columns.
std::string_view column_name(Column column) {
  for (const auto& [name, known] : k_columns)
    if (known == column) return name;
  return "?";
}

// The kind of row a column belongs to; date and record belong to every kind,
// note to days and episodes (the caller checks those).
Kind kind_of(Column column) {
  switch (column) {
    case Column::visa_a:
      return Kind::visa_a;
    case Column::heel_rise_left:
    case Column::heel_rise_right:
      return Kind::heel_rise;
    case Column::exercise:
    case Column::sets:
    case Column::reps:
    case Column::load_kg:
    case Column::exercise_pain:
      return Kind::rehab;
    case Column::medication:
      return Kind::medication;
    default:
      return Kind::day;
  }
}

// True when a cell of `column` may be filled on a row of `kind`.
bool belongs(Column column, Kind kind) {
  if (column == Column::date || column == Column::record) return true;
  if (column == Column::note) return kind == Kind::day || kind == Kind::episode;
  if (column == Column::until) return kind == Kind::medication || kind == Kind::episode;
  return kind_of(column) == kind;
}

std::string header_name(std::string_view text) {
  return to_lower(trim(text));
}

bool is_empty_cell(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

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

// One row as read: its kind and the record of that kind.
struct Row {
  Kind kind = Kind::day;
  model::JournalEntry entry;  // day rows
  std::optional<model::VisaA> visa;
  std::optional<int> left, right;
  model::RehabSession rehab;
  std::optional<std::string> medication;
  std::optional<date::sys_days> until;
  std::optional<std::string> note;  // episode rows
};

// Reads one non-empty cell of `column` into `row` (whose kind is known);
// the reason when the cell is not a value of that column.
std::optional<std::string> read_cell(Column column, const std::string& cell, date::sys_days today,
                                     Row& row) {
  const auto take = [](const auto& checked, auto& field) -> std::optional<std::string> {
    if (!checked) return checked.error;
    field = checked.value;
    return std::nullopt;
  };
  auto& entry = row.entry;
  switch (column) {
    case Column::date: {
      const auto v = parse_day(cell, today);
      if (!v) return v.error;
      entry.date = *v.value;
      return std::nullopt;
    }
    case Column::record:
      return std::nullopt;
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
      if (!cell.empty()) (row.kind == Kind::day ? entry.note : row.note) = cell;
      return std::nullopt;
    case Column::visa_a: {
      const auto v = parse_visa_answers(cell);
      if (!v) return v.error;
      row.visa = *v.value;
      return std::nullopt;
    }
    case Column::heel_rise_left:
      return take(parse_heel_rise_count(cell), row.left);
    case Column::heel_rise_right:
      return take(parse_heel_rise_count(cell), row.right);
    case Column::exercise: {
      const auto v = parse_exercise(cell);
      if (!v) return v.error;
      row.rehab.exercise = *v.value;
      return std::nullopt;
    }
    case Column::sets:
      return take(parse_sets(cell), row.rehab.sets);
    case Column::reps:
      return take(parse_reps(cell), row.rehab.reps);
    case Column::load_kg:
      return take(parse_load_kg(cell), row.rehab.load_kg);
    case Column::exercise_pain:
      return take(parse_scale(cell), row.rehab.pain);
    case Column::medication:
      return take(parse_medication_name(cell), row.medication);
    case Column::until:
      return take(
          parse_day(cell, today,
                    row.kind == Kind::medication ? FutureDates::allow : FutureDates::refuse),
          row.until);
  }
  return std::nullopt;
}

// The kind the row's `record` cell names; the reason when it names none.
std::optional<Kind> row_kind(const Record& record,
                             const std::vector<std::optional<Column>>& columns,
                             std::string& error) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (*columns[c] != Column::record) continue;
    const auto name = to_lower(trim(record.fields[c]));
    if (name.empty()) return Kind::day;
    for (const auto& [known, kind] : k_kinds)
      if (known == name) return kind;
    error = fmt::format(
        "record must be day, visa_a, heel_rise, rehab, medication or episode, not "
        "'{}'",
        record.fields[c]);
    return std::nullopt;
  }
  return Kind::day;
}

// The cells a row of its kind must have, beyond its date.
std::optional<std::string> missing_cell(const Row& row) {
  switch (row.kind) {
    case Kind::visa_a:
      if (!row.visa) return "a visa_a row needs its visa_a answers";
      break;
    case Kind::heel_rise:
      if (!row.left || !row.right)
        return "a heel_rise row needs heel_rise_left and heel_rise_right";
      break;
    case Kind::rehab:
      if (row.rehab.exercise.empty()) return "a rehab row needs its exercise";
      break;
    case Kind::medication:
      if (!row.medication) return "a medication row needs its medication name";
      break;
    case Kind::episode:
    case Kind::day:
      break;
  }
  if (row.until && *row.until < row.entry.date)
    return fmt::format("until {} is before the date, {}", model::format_date(*row.until),
                       model::format_date(row.entry.date));
  return std::nullopt;
}

struct ReadRow {
  Row row;
  bool good = true;  // false: a cell was refused (the date may still be known)
};

// The row of one record; nullopt when it has no date or its kind is not
// known. Its problems are in `problems`.
std::optional<ReadRow> read_row(const Record& record,
                                const std::vector<std::optional<Column>>& columns,
                                date::sys_days today, std::vector<CsvProblem>& problems) {
  if (record.fields.size() != columns.size()) {
    problems.push_back({record.line, fmt::format("has {} cells, the header has {}",
                                                 record.fields.size(), columns.size())});
    return std::nullopt;
  }
  std::string kind_error;
  const auto kind = row_kind(record, columns, kind_error);
  if (!kind) {
    problems.push_back({record.line, std::move(kind_error)});
    return std::nullopt;
  }
  Row row;
  row.kind = *kind;
  bool good = true;
  bool has_date = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& cell = record.fields[c];
    const Column column = *columns[c];
    if (column != Column::note && is_empty_cell(cell)) continue;
    if (column == Column::note && cell.empty()) continue;
    if (!belongs(column, row.kind)) {
      problems.push_back(
          {record.line,
           fmt::format("{} belongs to {} rows, not to {} {} row", column_name(column),
                       column == Column::note    ? std::string_view("day and episode")
                       : column == Column::until ? std::string_view("medication and episode")
                                                 : kind_name(kind_of(column)),
                       row.kind == Kind::episode ? "an" : "a", kind_name(row.kind))});
      good = false;
      continue;
    }
    if (auto error = read_cell(column, cell, today, row)) {
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
  if (good) {
    if (auto missing = missing_cell(row)) {
      problems.push_back({record.line, std::move(*missing)});
      good = false;
    }
  }
  return ReadRow{std::move(row), good};
}

// What makes two rows the same record: a day, a VISA-A or a heel-rise test
// of a date, a medication by name and first day, an episode by first day
// (rehab rows are never the same record).
std::optional<std::tuple<Kind, date::sys_days, std::string>> identity_of(const Row& row) {
  switch (row.kind) {
    case Kind::rehab:
      return std::nullopt;
    case Kind::medication:
      return std::tuple{row.kind, row.entry.date, row.medication.value_or("")};
    default:
      return std::tuple{row.kind, row.entry.date, std::string()};
  }
}

void keep(Row&& row, CsvJournal& out) {
  const auto day = row.entry.date;
  switch (row.kind) {
    case Kind::day:
      out.entries.push_back(std::move(row.entry));
      break;
    case Kind::visa_a:
      row.visa->date = day;
      out.tendon.visa_a.push_back(*row.visa);
      break;
    case Kind::heel_rise:
      out.tendon.heel_rise.push_back({day, *row.left, *row.right});
      break;
    case Kind::rehab:
      row.rehab.date = day;
      out.tendon.rehab.push_back(std::move(row.rehab));
      break;
    case Kind::medication: {
      model::Medication m;
      m.name = *row.medication;
      m.kind = medication_kind(m.name);
      m.from = day;
      m.to = row.until;
      out.tendon.medications.push_back(std::move(m));
      break;
    }
    case Kind::episode: {
      model::Episode e;
      e.from = day;
      e.to = row.until;
      e.note = row.note;
      out.tendon.episodes.push_back(std::move(e));
      break;
    }
  }
}

std::string already_given(const Row& row, std::int64_t line) {
  const auto day = date::format("%F", row.entry.date);
  switch (row.kind) {
    case Kind::day:
      return fmt::format("date {} is already given on line {}", day, line);
    case Kind::medication:
      return fmt::format("medication {} from {} is already given on line {}",
                         row.medication.value_or(""), day, line);
    default:
      return fmt::format("the {} of {} is already given on line {}", kind_name(row.kind), day,
                         line);
  }
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

  std::map<std::tuple<Kind, date::sys_days, std::string>, std::int64_t> first_line_of;
  for (std::size_t r = 1; r < read.records.size(); ++r) {
    const auto& record = read.records[r];
    auto read_one = read_row(record, columns, today, result.problems);
    if (!read_one) continue;
    if (const auto identity = identity_of(read_one->row)) {
      if (const auto [it, inserted] = first_line_of.emplace(*identity, record.line); !inserted) {
        result.problems.push_back({record.line, already_given(read_one->row, it->second)});
        continue;
      }
    }
    if (read_one->good) keep(std::move(read_one->row), result);
  }
  if (read.error) result.problems.push_back(*read.error);
  return result;
}

namespace {

// One CSV line with the cells of `cells` (by column) and the others empty.
std::string line_of(const std::map<Column, std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < k_columns.size(); ++i) {
    if (i > 0) line += ',';
    if (const auto it = cells.find(k_columns[i].second); it != cells.end()) line += it->second;
  }
  return line + '\n';
}

std::string number(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}

std::string boolean(const std::optional<bool>& v) {
  return v ? std::string(*v ? "yes" : "no") : std::string();
}

std::string day_text(date::sys_days day) {
  return date::format("%F", day);
}

}  // namespace

std::string write_journal_csv(std::span<const model::JournalEntry> entries,
                              const CsvTendon& tendon) {
  std::string out(k_csv_header);
  out += '\n';
  for (const auto& e : entries) {
    out += line_of({{Column::date, day_text(e.date)},
                    {Column::record, "day"},
                    {Column::stiffness, number(e.stiffness)},
                    {Column::stiffness_minutes, number(e.stiffness_minutes)},
                    {Column::pain_run, number(e.pain_run)},
                    {Column::pain_after, number(e.pain_after)},
                    {Column::swelling, boolean(e.swelling)},
                    {Column::pop, boolean(e.pop)},
                    {Column::side, e.side ? std::string(model::to_string(*e.side)) : ""},
                    {Column::note, e.note ? text::csv_cell(*e.note) : ""},
                    {Column::assessed, boolean(e.assessed)}});
  }
  for (const auto& v : tendon.visa_a)
    out += line_of({{Column::date, day_text(v.date)},
                    {Column::record, "visa_a"},
                    {Column::visa_a, text::csv_cell(format_visa_answers(v))}});
  for (const auto& h : tendon.heel_rise)
    out += line_of({{Column::date, day_text(h.date)},
                    {Column::record, "heel_rise"},
                    {Column::heel_rise_left, std::to_string(h.left)},
                    {Column::heel_rise_right, std::to_string(h.right)}});
  for (const auto& s : tendon.rehab)
    out += line_of({{Column::date, day_text(s.date)},
                    {Column::record, "rehab"},
                    {Column::exercise, s.exercise},
                    {Column::sets, number(s.sets)},
                    {Column::reps, number(s.reps)},
                    {Column::load_kg, s.load_kg ? format_load_kg(*s.load_kg) : ""},
                    {Column::exercise_pain, number(s.pain)}});
  for (const auto& m : tendon.medications)
    out += line_of({{Column::date, day_text(m.from)},
                    {Column::record, "medication"},
                    {Column::medication, text::csv_cell(m.name)},
                    {Column::until, m.to ? day_text(*m.to) : ""}});
  for (const auto& e : tendon.episodes)
    out += line_of({{Column::date, day_text(e.from)},
                    {Column::record, "episode"},
                    {Column::until, e.to ? day_text(*e.to) : ""},
                    {Column::note, e.note ? text::csv_cell(*e.note) : ""}});
  return out;
}

}  // namespace runload::journal
