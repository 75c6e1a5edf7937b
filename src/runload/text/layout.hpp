#pragma once
// Text laid out in terminal columns: display width, padding, cutting and
// word wrapping. Pure. Shared by the renderers and by the tables of the
// commands (`runs`, `journal list`).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace runload::text {

// Columns `text` takes on a terminal: one per UTF-8 code point, ANSI CSI
// escape sequences ("\x1b[...m") not counted. Wide characters count as one.
std::size_t display_width(std::string_view text) noexcept;

// `text` padded with spaces to `width` columns, or cut to `width` with an
// ellipsis as the last column; never splits a UTF-8 sequence.
// REQUIRES: width >= 1 and `text` holds no escape sequences.
std::string fit(std::string_view text, std::size_t width);

// `text` right-aligned in `width` columns (left as it is when wider).
std::string pad_left(std::string_view text, std::size_t width);

// Words of `text` joined into lines of at most `width` columns; a word
// longer than `width` is cut with fit(). Never returns an empty vector.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace runload::text
