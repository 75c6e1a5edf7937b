#pragma once
// What the summary CSV readers (Strava, Garmin Connect, runload's own)
// share: reading the table and its header, finding columns by their names
// in any language of the export, telling "no value" from a value, the number
// style of a file or a column, and the policy for rows that cannot be read
// (docs/import.md, "Summary CSVs").

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <runload/import/csv_reader.hpp>
#include <runload/import/parse_result.hpp>

namespace runload::import {

struct SummaryTable {
  CsvTable table;    // views into the text given to open_summary_csv
  CsvHeader header;  // the first record
};

// The records of `text` and its header. nullopt, with the error in `result`,
// when the text cannot be read to the end (an unterminated quote) or holds
// no line at all (`empty_message`, "empty file: no ... header").
std::optional<SummaryTable> open_summary_csv(std::string_view text, const ParseContext& ctx,
                                             std::string_view empty_message, ParseResult& result);

// Adds an error of `ctx.file` at `line` to `result`.
void add_error(ParseResult& result, const ParseContext& ctx, std::optional<std::int64_t> line,
               std::string message);

// The names one column has in the exports of every language, the first the
// English one ({"Activity Date", "Aktivitätsdatum", "Date de l'activité", ...}).
using ColumnNames = std::span<const std::string_view>;

// A header's names folded for matching (text::fold_for_matching: case,
// accents, typographic apostrophes, white space), so "Fréquence cardiaque
// moyenne", "FREQUENCE CARDIAQUE MOYENNE" and "Fréquence  cardiaque
// moyenne" are one name.
class HeaderIndex {
 public:
  explicit HeaderIndex(const CsvHeader& header);

  // The `occurrence`-th (1-based) column carrying one of `names`, counted
  // among the columns that carry any of them (an export repeats a name in
  // its own language). nullopt when there is none.
  std::optional<std::size_t> find(ColumnNames names, int occurrence = 1) const;
  // The header's own name of `column` as written, for messages.
  std::string_view name(std::size_t column) const noexcept;
  std::size_t size() const noexcept { return m_folded.size(); }

 private:
  std::vector<std::string> m_folded;
  std::vector<std::string_view> m_names;
};

// True when `cell` holds no value: empty, a placeholder made of dashes with
// colons, points or commas ("--", "--:--:--", "--:--", "--.--", "—"), as
// Garmin Connect and others write for a measure they do not have, or a
// word for "no" ("No", "Nein", "Non", "Não", "Nee", "Nem", "N/A"), which
// Garmin Connect writes in a time column it has no value for.
bool is_no_value(std::string_view cell) noexcept;

// `cell` without the apostrophe a spreadsheet puts before a value to keep it
// text ("'-12").
std::string_view without_text_mark(std::string_view cell) noexcept;

struct NumberStyle {
  char decimal = '.';
  char thousands = ',';
};

// Evidence a cell gives about its decimal mark: +1 decimal comma, -1
// decimal point, 0 none ("1,024" and "1.195" alone prove nothing).
int decimal_comma_vote(std::string_view cell) noexcept;

// The number style that most cells of `column` of the data rows vote for;
// `otherwise` when none gives evidence.
NumberStyle decide_column_style(const CsvTable& table, std::optional<std::size_t> column,
                                NumberStyle otherwise = {});

// Rows read and rows refused by a summary CSV reader, and the policy behind
// them: a row that cannot be read costs that row alone, reported with its
// line and column as a warning of the file; the file itself is refused only
// when it has data rows and every one of them was refused (then those
// reports are its errors).
class RowAccount {
 public:
  RowAccount(const ParseContext& ctx, ParseResult& result) : m_ctx(ctx), m_result(result) {}

  // Counts one data row.
  void row() { ++m_rows; }
  // Refuses the row at `line`: `reason` says which cell and why.
  void refuse(std::int64_t line, std::string reason);
  // Notes a cell of a column runload reads but does not need to keep the
  // row (a heart rate, a cadence) that cannot be read: left unknown,
  // counted for one warning.
  void unreadable(std::int64_t line, std::string cell_and_column);

  // Writes the counts into the result (ParseResult::rows) and applies the
  // policy above.
  void finish();

 private:
  const ParseContext& m_ctx;
  ParseResult& m_result;
  std::int64_t m_rows = 0;
  std::vector<Problem> m_refused;
  std::size_t m_unreadable = 0;
  std::optional<Problem> m_first_unreadable;
};

// "column 6 (\"Distanz\")": a column as a message names it.
std::string column_label(const HeaderIndex& header, std::size_t column);

// Whether a cell that cannot be read costs its row.
enum class Need {
  row,      // the date, the distance, the times: the row is refused
  optional  // heart rate, cadence, elevation: the value is left unknown
};

// The cells of one data row, read by the rules above: a cell with no value
// is unknown; a cell that cannot be read refuses the row (Need::row, once,
// with its line and column) or is left unknown (Need::optional).
class RowReader {
 public:
  RowReader(const CsvRecord& row, const HeaderIndex& header, RowAccount& account)
      : m_row(row), m_header(header), m_account(account) {}

  // True when `column` exists in this row and holds a value.
  bool has(std::optional<std::size_t> column) const;

  // A number written in `style` from 0 to `max`. `what` names the field in
  // English ("Distance in km") for the message.
  std::optional<double> number(std::optional<std::size_t> column, NumberStyle style,
                               std::string_view what, double max, Need need);
  // A number of either sign (a temperature), optional: an unreadable cell
  // is noted as for Need::optional and gives nullopt.
  std::optional<double> signed_number(std::optional<std::size_t> column, NumberStyle style);

  // A duration (parse_duration: "1:02:03", "45:12", "00:01:39,6", seconds).
  std::optional<std::chrono::seconds> duration(std::optional<std::size_t> column, char decimal,
                                               std::string_view what, Need need);

  // Refuses the row (once) for a cell of `column`.
  void refuse(std::optional<std::size_t> column, std::string reason);

  bool ok() const noexcept { return m_ok; }
  const CsvRecord& row() const noexcept { return m_row; }

 private:
  void unreadable(std::size_t column, std::string_view text);

  const CsvRecord& m_row;
  const HeaderIndex& m_header;
  RowAccount& m_account;
  bool m_ok = true;
};

}  // namespace runload::import
