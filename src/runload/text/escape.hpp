#pragma once
// Strings that a user or a file wrote (names, notes, file names, zip member
// names, time zones), made safe to print. The one path every command and
// message sends such text through.

#include <string>
#include <string_view>

namespace runload::text {

enum class KeepNewlines { no, yes };

// `text` made safe to print on a terminal: newline, tab, carriage return and
// escape become \n, \t, \r and \e; other C0 controls and DEL become \xNN; C1
// controls (U+0080-U+009F, which some terminals obey as escapes) become
// \uNNNN; bytes that are not UTF-8 become \xNN. With KeepNewlines::yes,
// newline and tab are kept as they are (multi-line notes).
std::string terminal_safe(std::string_view text, KeepNewlines keep = KeepNewlines::no);

// `text` as HTML text or attribute content: & < > " ' escaped, bytes that
// are not UTF-8 and control characters other than newline and tab replaced
// by U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace runload::text
