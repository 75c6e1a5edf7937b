#pragma once
// RFC 4180 CSV over a string_view, the base of the Strava, Garmin and runload
// CSV readers. Quoted fields may hold separators, doubled quotes and line
// breaks; records may end in CRLF, LF or a lone CR; a UTF-8 BOM is skipped.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runload::import {

// One record. `fields` point into the text given to parse_csv, or into the
// owning CsvTable for quoted fields that had doubled quotes to undo.
struct CsvRecord {
  std::int64_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string_view> fields;

  // The field at `index`, or an empty view when the record is shorter.
  std::string_view at(std::size_t index) const noexcept {
    return index < fields.size() ? fields[index] : std::string_view{};
  }
  std::string_view at(std::optional<std::size_t> index) const noexcept {
    return index ? at(*index) : std::string_view{};
  }
};

class CsvTable;

// Splits `text` into records. Blank lines are skipped. Never throws on bad
// input: an unterminated quoted field ends the table and sets error().
CsvTable parse_csv(std::string_view text, char separator = ',');

struct CsvError {
  std::int64_t line = 0;  // where the offending field or record starts
  std::string message;
};

// The records of one CSV text. Views into the text: the text must outlive the
// table. Movable (moving keeps the unescaped fields where they are).
class CsvTable {
 public:
  const std::vector<CsvRecord>& records() const noexcept { return m_records; }
  // Set when the text could not be read to the end (an unterminated quote);
  // the records before the error are kept.
  const std::optional<CsvError>& error() const noexcept { return m_error; }

 private:
  friend CsvTable parse_csv(std::string_view text, char separator);
  std::vector<CsvRecord> m_records;
  std::deque<std::string> m_unescaped;  // a deque never moves its elements
  std::optional<CsvError> m_error;
};

// Column lookup by header name and occurrence, for exports that repeat a name
// with another unit (Strava's two "Distance" columns, km then metres).
class CsvHeader {
 public:
  CsvHeader() = default;
  // Names are compared after trimming spaces, exactly otherwise.
  explicit CsvHeader(const CsvRecord& header);

  // Index of the `occurrence`-th (1-based) column called `name`, or nullopt.
  std::optional<std::size_t> find(std::string_view name, int occurrence = 1) const noexcept;
  // Number of columns called `name`.
  int count(std::string_view name) const noexcept;
  std::size_t size() const noexcept { return m_names.size(); }
  const std::vector<std::string_view>& names() const noexcept { return m_names; }

 private:
  std::vector<std::string_view> m_names;
};

// Refuses what is not UTF-8 text before it is split: a UTF-16 byte-order
// mark (line 1), or text::first_bad_byte, with its line (LF, CRLF and a lone CR end lines, as in
// parse_csv) and byte offset in the message. Returns nullopt for clean text.
std::optional<CsvError> check_csv_text(std::string_view text);

}  // namespace runload::import
