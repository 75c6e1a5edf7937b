#include <runload/text/utf8.hpp>

namespace runload::text {

std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  // The lead byte gives the length and the range of the second byte that
  // keeps the value minimal (no overlong form), out of the surrogates and at
  // most U+10FFFF; the other continuation bytes are 80..BF.
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (!is_continuation(byte(i + k))) return 0;
  return length;
}

char32_t code_point(std::string_view text, std::size_t i, std::size_t length) noexcept {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (length == 1) return lead;
  char32_t code = lead & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  return code;
}

std::optional<std::size_t> first_bad_byte(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') return i;
    const auto length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace runload::text
