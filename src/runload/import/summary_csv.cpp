#include <runload/import/summary_csv.hpp>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include <runload/import/values.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/fold.hpp>

namespace runload::import {

using text::trim;

void add_error(ParseResult& result, const ParseContext& ctx, std::optional<std::int64_t> line,
               std::string message) {
  result.errors.push_back(Problem{ctx.file, line, std::nullopt, std::move(message)});
}

std::optional<SummaryTable> open_summary_csv(std::string_view text, const ParseContext& ctx,
                                             std::string_view empty_message, ParseResult& result) {
  CsvTable table = parse_csv(text);
  if (table.error()) {
    add_error(result, ctx, table.error()->line, table.error()->message);
    return std::nullopt;
  }
  if (table.records().empty()) {
    add_error(result, ctx, std::nullopt, std::string(empty_message));
    return std::nullopt;
  }
  CsvHeader header(table.records().front());
  return SummaryTable{std::move(table), std::move(header)};
}

HeaderIndex::HeaderIndex(const CsvHeader& header) : m_names(header.names()) {
  m_folded.reserve(m_names.size());
  for (auto name : m_names) m_folded.push_back(text::fold_for_matching(name));
}

std::optional<std::size_t> HeaderIndex::find(ColumnNames names, int occurrence) const {
  std::vector<std::string> wanted;
  wanted.reserve(names.size());
  for (auto name : names) wanted.push_back(text::fold_for_matching(name));
  int seen = 0;
  for (std::size_t i = 0; i < m_folded.size(); ++i) {
    if (std::find(wanted.begin(), wanted.end(), m_folded[i]) == wanted.end()) continue;
    if (++seen == occurrence) return i;
  }
  return std::nullopt;
}

std::string_view HeaderIndex::name(std::size_t column) const noexcept {
  return column < m_names.size() ? m_names[column] : std::string_view{};
}

std::string column_label(const HeaderIndex& header, std::size_t column) {
  return fmt::format("column {} (\"{}\")", column + 1, header.name(column));
}

namespace {

// "No" in the languages of the exports, folded.
constexpr std::array<std::string_view, 7> k_no_words{"no",  "nein", "non", "nao",
                                                     "nee", "nem",  "n/a"};

bool is_no_word(std::string_view cell) {
  if (cell.size() > 5) return false;
  const std::string folded = text::fold_for_matching(cell);
  return std::find(k_no_words.begin(), k_no_words.end(), folded) != k_no_words.end();
}

}  // namespace

bool is_no_value(std::string_view cell) noexcept {
  cell = trim(cell);
  if (cell.empty()) return true;
  if (is_no_word(cell)) return true;
  bool dash = false;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '-') {
      dash = true;
      continue;
    }
    // U+2013 and U+2014, en and em dash: E2 80 93 / E2 80 94.
    if (c == '\xE2' && i + 2 < cell.size() && cell[i + 1] == '\x80' &&
        (cell[i + 2] == '\x93' || cell[i + 2] == '\x94')) {
      dash = true;
      i += 2;
      continue;
    }
    if (c != ':' && c != '.' && c != ',' && c != ' ') return false;
  }
  return dash;
}

std::string_view without_text_mark(std::string_view cell) noexcept {
  cell = trim(cell);
  if (!cell.empty() && cell.front() == '\'') cell.remove_prefix(1);
  return cell;
}

int decimal_comma_vote(std::string_view cell) noexcept {
  cell = without_text_mark(cell);
  if (const auto colon = cell.rfind(':'); colon != std::string_view::npos) {
    cell.remove_prefix(colon + 1);
  }
  if (!cell.empty() && cell.front() == '-') cell.remove_prefix(1);
  int commas = 0, points = 0;
  std::size_t last_comma = 0, last_point = 0;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ',') {
      ++commas;
      last_comma = i;
    } else if (c == '.') {
      ++points;
      last_point = i;
    } else if (c < '0' || c > '9') {
      return 0;  // not a number
    }
  }
  if (commas > 0 && points > 0) return last_comma > last_point ? 1 : -1;
  if (commas > 1) return -1;
  if (points > 1) return 1;
  if (commas == 1) return cell.size() - last_comma - 1 == 3 ? 0 : 1;
  if (points == 1) return cell.size() - last_point - 1 == 3 ? 0 : -1;
  return 0;
}

NumberStyle decide_column_style(const CsvTable& table, std::optional<std::size_t> column,
                                NumberStyle otherwise) {
  if (!column) return otherwise;
  long comma = 0, point = 0;
  const auto& records = table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const int v = decimal_comma_vote(records[r].at(column));
    if (v > 0) ++comma;
    if (v < 0) ++point;
  }
  if (comma > point) return NumberStyle{',', '.'};
  if (point > comma) return NumberStyle{'.', ','};
  return otherwise;
}

void RowAccount::refuse(std::int64_t line, std::string reason) {
  m_refused.push_back(
      Problem{m_ctx.file, line, std::nullopt,
              fmt::format("row refused, the rest of the file is read: {}", reason)});
}

void RowAccount::unreadable(std::int64_t line, std::string cell_and_column) {
  if (m_unreadable++ == 0)
    m_first_unreadable = Problem{m_ctx.file, line, std::nullopt, std::move(cell_and_column)};
}

void RowAccount::finish() {
  const auto refused = static_cast<std::int64_t>(m_refused.size());
  m_result.rows = RowCounts{m_rows, refused};
  if (m_rows > 0 && refused == m_rows) {
    // Nothing of the file could be read: its rows' reasons refuse it.
    for (auto& problem : m_refused) {
      const std::string prefix = "row refused, the rest of the file is read: ";
      if (problem.message.starts_with(prefix)) problem.message.erase(0, prefix.size());
      m_result.errors.push_back(std::move(problem));
    }
    m_result.activities.clear();
    return;
  }
  for (auto& problem : m_refused) m_result.warnings.push_back(std::move(problem));
  if (m_first_unreadable) {
    Problem note = std::move(*m_first_unreadable);
    note.message =
        m_unreadable == 1
            ? fmt::format("{}: left unknown", note.message)
            : fmt::format("{} cells could not be read and were left unknown (the first: {})",
                          m_unreadable, note.message);
    m_result.warnings.push_back(std::move(note));
  }
}

}  // namespace runload::import

namespace runload::import {

bool RowReader::has(std::optional<std::size_t> column) const {
  return column && *column < m_row.fields.size() && !is_no_value(m_row.at(column));
}

void RowReader::refuse(std::optional<std::size_t> column, std::string reason) {
  if (!m_ok) return;
  m_ok = false;
  if (column) reason = fmt::format("{}: {}", column_label(m_header, *column), reason);
  m_account.refuse(m_row.line, std::move(reason));
}

void RowReader::unreadable(std::size_t column, std::string_view text) {
  m_account.unreadable(m_row.line, fmt::format("{}: \"{}\"", column_label(m_header, column), text));
}

std::optional<double> RowReader::number(std::optional<std::size_t> column, NumberStyle style,
                                        std::string_view what, double max, Need need) {
  if (!has(column)) return std::nullopt;
  const auto text = without_text_mark(m_row.at(column));
  const auto value = parse_number(text, style.decimal, style.thousands);
  if (value && *value >= 0 && *value <= max) return value;
  if (need == Need::optional) {
    unreadable(*column, text);
  } else {
    refuse(column,
           fmt::format("{} must be a number from 0 to {:.0f}, not \"{}\"", what, max, text));
  }
  return std::nullopt;
}

std::optional<double> RowReader::signed_number(std::optional<std::size_t> column,
                                               NumberStyle style) {
  if (!has(column)) return std::nullopt;
  const auto text = without_text_mark(m_row.at(column));
  if (const auto value = parse_number(text, style.decimal, style.thousands)) return value;
  unreadable(*column, text);
  return std::nullopt;
}

std::optional<std::chrono::seconds> RowReader::duration(std::optional<std::size_t> column,
                                                        char decimal, std::string_view what,
                                                        Need need) {
  if (!has(column)) return std::nullopt;
  const auto text = without_text_mark(m_row.at(column));
  const auto value = parse_duration(text, decimal);
  if (value) return value;
  if (need == Need::optional) {
    unreadable(*column, text);
  } else {
    refuse(column, fmt::format("cannot read {} \"{}\" (a duration like 1:02:03, up to {} days)",
                               what, text, k_max_activity_duration.count() / 86400));
  }
  return std::nullopt;
}

}  // namespace runload::import
