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

CsvTable parse_csv(std::string_view text, char separator) {
  CsvTable table;
  if (text.substr(0, k_utf8_bom.size()) == k_utf8_bom) text.remove_prefix(k_utf8_bom.size());

  const std::size_t n = text.size();
  std::size_t i = 0;
  std::int64_t line = 1;
  CsvRecord record;
  record.line = line;
  bool record_has_content = false;  // tells a blank line from a record of one empty field

  // Consumes a line break at i (CRLF, LF or CR) if there is one.
  auto eat_line_break = [&]() -> bool {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      return true;
    }
    if (i < n && text[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };

  while (i < n) {
    if (text[i] == '"') {
      const std::int64_t start_line = line;
      const std::size_t start = ++i;
      bool doubled = false;
      bool closed = false;
      while (i < n) {
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            doubled = true;
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        // Line breaks inside the field still advance the line count so that
        // later records report where they really start.
        if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
        ++i;
      }
      if (!closed) {
        table.m_error = CsvError{start_line, "unterminated quoted field"};
        return table;
      }
      std::string_view raw = text.substr(start, i - start);
      ++i;  // closing quote
      if (doubled) {
        std::string unescaped;
        unescaped.reserve(raw.size());
        for (std::size_t k = 0; k < raw.size(); ++k) {
          unescaped += raw[k];
          if (raw[k] == '"') ++k;
        }
        raw = table.m_unescaped.emplace_back(std::move(unescaped));
      }
      record.fields.push_back(raw);
      record_has_content = true;
      // Characters between the closing quote and the separator are not RFC
      // 4180; they are tolerated and dropped, as spreadsheets do.
      while (i < n && text[i] != separator && text[i] != '\n' && text[i] != '\r') ++i;
    } else {
      const std::size_t start = i;
      while (i < n && text[i] != separator && text[i] != '\n' && text[i] != '\r') ++i;
      record.fields.push_back(text.substr(start, i - start));
      if (i > start) record_has_content = true;
    }

    if (i < n && text[i] == separator) {
      ++i;
      record_has_content = true;
      if (i == n) record.fields.emplace_back();  // "a,b," ends in an empty field
      continue;
    }
    eat_line_break();
    if (record_has_content) table.m_records.push_back(std::move(record));
    record = CsvRecord{};
    record.line = line;
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
