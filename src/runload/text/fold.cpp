#include <runload/text/fold.hpp>

#include <array>

#include <runload/text/utf8.hpp>

namespace runload::text {
namespace {

// U+00C0 to U+00FF without diacritics; '\0' marks the ones spelled out
// below (Æ, ß, æ) and the two signs of the block (× and ÷), kept as they are.
constexpr std::string_view k_latin1 =
    "aaaaaa\0ceeeeiiii"   // À-Ï
    "dnooooo\0ouuuuyt\0"  // Ð-ß
    "aaaaaa\0ceeeeiiii"   // à-ï
    "dnooooo\0ouuuuyty";  // ð-ÿ

// U+0100 to U+017F (Latin Extended-A), in pairs of capital and small letter.
constexpr std::string_view k_latin_extended_a =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iiiijjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u00A0' || c == U'\u202F' ||
         c == U'\u2009' || c == U'\uFEFF';
}

// The folded form of one code point, appended to `out`; false when the code
// point is kept as it is.
bool append_folded(char32_t c, std::string& out) {
  if (c >= U'A' && c <= U'Z') {
    out.push_back(static_cast<char>(c - U'A' + U'a'));
    return true;
  }
  if (c == U'\u2018' || c == U'\u2019' || c == U'\u02BC') {
    out.push_back('\'');
    return true;
  }
  if (c == U'\u00C6' || c == U'\u00E6') {
    out += "ae";
    return true;
  }
  if (c == U'\u00DF') {
    out += "ss";
    return true;
  }
  if (c >= U'\u00C0' && c <= U'\u00FF') {
    const char plain = k_latin1[c - U'\u00C0'];
    if (plain == '\0') return false;
    out.push_back(plain);
    return true;
  }
  if (c >= U'\u0100' && c <= U'\u017F') {
    out.push_back(k_latin_extended_a[c - U'\u0100']);
    return true;
  }
  return false;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    const std::size_t step = length == 0 ? 1 : length;
    const char32_t c = length == 0 ? U'\uFFFD' : code_point(text, i, length);
    if (length != 0 && is_space(c)) {
      pending_space = !out.empty();
      i += step;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (length == 0 || !append_folded(c, out)) out.append(text.substr(i, step));
    i += step;
  }
  return out;
}

}  // namespace runload::text
