#pragma once
// UTF-8 as runload reads it everywhere (RFC 3629): no overlong forms, no
// surrogates, nothing above U+10FFFF. The one decoder of the project: the
// readers' text checks, the journal's note check and the renderers' escaping
// all step through text with sequence_length().

#include <cstddef>
#include <optional>
#include <string_view>

namespace runload::text {

// The length (1 to 4) of the well-formed UTF-8 sequence starting at text[i],
// or 0 when the bytes there are not one (a stray continuation byte, a
// truncated sequence, an overlong form, a surrogate, a value past U+10FFFF).
// REQUIRES: i < text.size().
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept;

// The code point of the well-formed sequence of `length` bytes at text[i].
// REQUIRES: length == sequence_length(text, i) and length > 0.
char32_t code_point(std::string_view text, std::size_t i, std::size_t length) noexcept;

// True for a UTF-8 continuation byte (10xxxxxx): it starts no code point.
constexpr bool is_continuation(unsigned char byte) noexcept {
  return (byte & 0xC0) == 0x80;
}

// The offset of the first byte that makes `text` something other than UTF-8
// text: a NUL byte, or a byte that starts no well-formed sequence. nullopt
// for clean text.
std::optional<std::size_t> first_bad_byte(std::string_view text) noexcept;

}  // namespace runload::text
