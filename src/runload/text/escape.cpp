#include <runload/text/escape.hpp>

#include <fmt/format.h>

#include <runload/text/utf8.hpp>

namespace runload::text {
namespace {

bool is_c1(char32_t code) {
  return code >= 0x80 && code < 0xA0;
}

}  // namespace

std::string terminal_safe(std::string_view text, KeepNewlines keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto length = sequence_length(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const auto code = code_point(text, i, length);
    if ((code == '\n' || code == '\t') && keep == KeepNewlines::yes) {
      out += static_cast<char>(code);
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == 0x1B) {
      out += "\\e";
    } else if (code < 0x20 || code == 0x7F) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(code));
    } else if (is_c1(code)) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(code));
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::optional<std::string> printable_text_problem(std::string_view text) {
  if (text.empty()) return "is empty";
  bool blank = true;
  for (std::size_t i = 0; i < text.size();) {
    const auto length = sequence_length(text, i);
    if (length == 0)
      return fmt::format("is not UTF-8 text (byte {} is 0x{:02X})", i,
                         static_cast<unsigned char>(text[i]));
    const auto code = code_point(text, i, length);
    if (code < 0x20 || code == 0x7F || is_c1(code))
      return fmt::format("holds a control character (byte {} is {})", i,
                         terminal_safe(text.substr(i, length)));
    if (code != ' ' && code != 0xA0 && code != 0x3000) blank = false;
    i += length;
  }
  if (blank) return "is blank";
  return std::nullopt;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto length = sequence_length(text, i);
    if (length == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    const auto code = code_point(text, i, length);
    switch (code) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((code < 0x20 && code != '\n' && code != '\t') || code == 0x7F || is_c1(code)) {
          out += "\uFFFD";
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
  return out;
}

}  // namespace runload::text
