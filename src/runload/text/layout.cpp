#include <runload/text/layout.hpp>

#include <runload/text/utf8.hpp>

namespace runload::text {

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

}  // namespace runload::text
