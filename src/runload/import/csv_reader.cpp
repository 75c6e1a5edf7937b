#include <runload/import/csv_reader.hpp>

#include <fmt/format.h>

#include <runload/text/ascii.hpp>
#include <runload/text/utf8.hpp>

namespace runload::import {

using text::trim;

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

}  // namespace

namespace {

std::int64_t line_of(std::string_view text, std::size_t offset) {
  std::int64_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      ++line;
  }
  return line;
}

}  // namespace

std::optional<CsvError> check_csv_text(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return CsvError{1, "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and import again"};
  const auto bad = text::first_bad_byte(text);
  if (!bad) return std::nullopt;
  const auto value = static_cast<unsigned char>(text[*bad]);
  if (value == 0)
    return CsvError{line_of(text, *bad),
                    fmt::format("a NUL byte at byte {}: this is not a text file", *bad)};
  return CsvError{
      line_of(text, *bad),
      fmt::format("byte {} (0x{:02X}) is not UTF-8; save the file as UTF-8 text", *bad, value)};
}

namespace {

// A position in the text being split, and its line.
struct Cursor {
  std::string_view text;
  std::size_t i = 0;
  std::int64_t line = 1;

  bool done() const noexcept { return i >= text.size(); }

  // Consumes a line break at i (CRLF, LF or CR) if there is one.
  void eat_line_break() {
    if (i < text.size() && text[i] == '\r') {
      ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
    } else if (i < text.size() && text[i] == '\n') {
      ++i;
      ++line;
    }
  }

  // Skips to the separator or the end of the line.
  void skip_to_field_end(char separator) {
    while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') ++i;
  }
};

// The quoted field starting at the quote at c.i, its doubled quotes undone
// (the unescaped text is kept in `unescaped`); nullopt when it is never
// closed. Leaves c.i after the closing quote.
std::optional<std::string_view> quoted_field(Cursor& c, std::deque<std::string>& unescaped) {
  const std::size_t n = c.text.size();
  const std::size_t start = ++c.i;
  bool doubled = false;
  while (c.i < n) {
    const char ch = c.text[c.i];
    if (ch == '"') {
      if (c.i + 1 < n && c.text[c.i + 1] == '"') {
        doubled = true;
        c.i += 2;
        continue;
      }
      std::string_view raw = c.text.substr(start, c.i - start);
      ++c.i;  // the closing quote
      if (!doubled) return raw;
      std::string undone;
      undone.reserve(raw.size());
      for (std::size_t k = 0; k < raw.size(); ++k) {
        undone += raw[k];
        if (raw[k] == '"') ++k;
      }
      return std::string_view(unescaped.emplace_back(std::move(undone)));
    }
    // Line breaks inside the field still advance the line count so that
    // later records report where they really start.
    if (ch == '\n' || (ch == '\r' && (c.i + 1 >= n || c.text[c.i + 1] != '\n'))) ++c.line;
    ++c.i;
  }
  return std::nullopt;
}

}  // namespace

CsvTable parse_csv(std::string_view text, char separator) {
  CsvTable table;
  if (text.substr(0, k_utf8_bom.size()) == k_utf8_bom) text.remove_prefix(k_utf8_bom.size());
  Cursor c{text};
  CsvRecord record;
  record.line = c.line;
  bool record_has_content = false;  // tells a blank line from a record of one empty field
  while (!c.done()) {
    if (text[c.i] == '"') {
      const std::int64_t start_line = c.line;
      const auto field = quoted_field(c, table.m_unescaped);
      if (!field) {
        table.m_error = CsvError{start_line, "unterminated quoted field"};
        return table;
      }
      record.fields.push_back(*field);
      record_has_content = true;
      // Characters between the closing quote and the separator are not RFC
      // 4180; they are tolerated and dropped, as spreadsheets do.
      c.skip_to_field_end(separator);
    } else {
      const std::size_t start = c.i;
      c.skip_to_field_end(separator);
      record.fields.push_back(text.substr(start, c.i - start));
      if (c.i > start) record_has_content = true;
    }
    if (!c.done() && text[c.i] == separator) {
      ++c.i;
      record_has_content = true;
      if (c.done()) record.fields.emplace_back();  // "a,b," ends in an empty field
      continue;
    }
    c.eat_line_break();
    if (record_has_content) table.m_records.push_back(std::move(record));
    record = CsvRecord{};
    record.line = c.line;
    record_has_content = false;
  }
  if (record_has_content) table.m_records.push_back(std::move(record));
  return table;
}

CsvHeader::CsvHeader(const CsvRecord& header) {
  m_names.reserve(header.fields.size());
  for (auto name : header.fields) m_names.push_back(trim(name));
}

std::optional<std::size_t> CsvHeader::find(std::string_view name, int occurrence) const noexcept {
  int seen = 0;
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    if (m_names[i] == name && ++seen == occurrence) return i;
  }
  return std::nullopt;
}

int CsvHeader::count(std::string_view name) const noexcept {
  int seen = 0;
  for (auto n : m_names) seen += n == name ? 1 : 0;
  return seen;
}

}  // namespace runload::import
