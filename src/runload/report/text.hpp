#pragma once
// Text helpers shared by the terminal and HTML renderers: display width,
// padding, word wrapping, and making user strings safe to print. Pure.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace runload::report {

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

// `text` made safe to print on a terminal: control characters (C0, DEL, C1)
// become \n, \t, \r, \e or \xNN, and bytes that are not UTF-8 become \xNN.
std::string terminal_safe(std::string_view text);

// `text` as HTML text or attribute content: & < > " ' escaped, bytes that
// are not UTF-8 and control characters other than newline and tab replaced
// by U+FFFD.
std::string html_escape(std::string_view text);

// "Mon 9 Nov" and "9 Nov 2026".
std::string short_day(date::sys_days day);
std::string long_day(date::sys_days day);

}  // namespace runload::report
