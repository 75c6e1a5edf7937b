#include <runload/text/ascii.hpp>

#include <algorithm>

namespace runload::text {
namespace {

char fold(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

template <typename Blank>
std::string_view trim_if(std::string_view text, Blank blank) noexcept {
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view trim(std::string_view text) noexcept {
  return trim_if(text, [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trim_blank(std::string_view text) noexcept {
  return trim_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), fold);
  return out;
}

bool ends_with_ci(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(),
                    text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return fold(a) == fold(b); });
}

}  // namespace runload::text
