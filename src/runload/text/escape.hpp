#pragma once
// Strings that a user or a file wrote (names, notes, file names, zip member
// names, time zones), made safe to print. The one path every command and
// message sends such text through.

#include <optional>
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

// Why `text` cannot be a name a runner gives (an athlete, an activity's gear),
// or nullopt when it can: it is empty or only white space, holds a byte that
// is not UTF-8, or a control character (newline, tab, escape, DEL, C1). The
// reason reads after the name of what was given ("--athlete is empty").
std::optional<std::string> printable_text_problem(std::string_view text);

// `text` as HTML text or attribute content: & < > " ' escaped, bytes that
// are not UTF-8 and control characters other than newline and tab replaced
// by U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace runload::text
