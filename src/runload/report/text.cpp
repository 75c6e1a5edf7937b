#include <runload/report/text.hpp>

#include <array>

#include <fmt/format.h>

namespace runload::report {
namespace {

constexpr std::array<std::string_view, 7> k_weekdays{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes
// there are not one (overlong forms, surrogates and values above U+10FFFF
// included).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned min = 0;
  unsigned code = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
    code = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
    code = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
    code = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(b)) return 0;
    code = (code << 6) | (b & 0x3Fu);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

// The code point of the valid sequence of `length` bytes at `i`.
unsigned code_point(std::string_view text, std::size_t i, std::size_t length) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (length == 1) return b0;
  unsigned code = b0 & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  return code;
}

}  // namespace

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E)) ++i;
      continue;
    }
    if (!is_continuation(static_cast<unsigned char>(text[i]))) ++width;
  }
  return width;
}

std::string fit(std::string_view text, std::size_t width) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!is_continuation(static_cast<unsigned char>(text[i]))) starts.push_back(i);
  if (starts.size() <= width) return std::string(text) + std::string(width - starts.size(), ' ');
  return std::string(text.substr(0, starts[width - 1])) + "\u2026";
}

std::string pad_left(std::string_view text, std::size_t width) {
  const auto w = display_width(text);
  return w >= width ? std::string(text) : std::string(width - w, ' ') + std::string(text);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    const auto end = text.find_first_of(" \n", i);
    const auto word = text.substr(i, end == std::string_view::npos ? text.size() - i : end - i);
    i += word.size();
    if (word.empty()) break;
    std::string piece(word);
    auto piece_width = display_width(piece);
    if (piece_width > width) {
      piece = fit(word, width);
      piece_width = width;
    }
    if (line_width > 0 && line_width + 1 + piece_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += piece;
    line_width += piece_width;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto length = utf8_length(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const auto code = code_point(text, i, length);
    if (code == '\n') {
      out += "\\n";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == 0x1B) {
      out += "\\e";
    } else if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0)) {
      out += fmt::format("\\x{:02X}", code);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto length = utf8_length(text, i);
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
        if ((code < 0x20 && code != '\n' && code != '\t') || code == 0x7F ||
            (code >= 0x80 && code < 0xA0)) {
          out += "\uFFFD";
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
  return out;
}

std::string short_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{} {} {}", k_weekdays[date::weekday{day}.c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string long_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()));
}

}  // namespace runload::report
