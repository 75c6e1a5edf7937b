#pragma once
// ASCII-only string helpers: trimming and case folding of names, headers and
// keywords. Bytes above 0x7F pass through unchanged.

#include <string>
#include <string_view>

namespace runload::text {

// `text` without leading and trailing spaces and tabs (a CSV cell's padding).
std::string_view trim(std::string_view text) noexcept;

// `text` without leading and trailing spaces, tabs, carriage returns and
// newlines (a value typed or pasted on the command line).
std::string_view trim_blank(std::string_view text) noexcept;

// `text` with A-Z folded to a-z.
std::string to_lower(std::string_view text);

// True when `text` ends with `suffix`, ASCII case ignored.
bool ends_with_ci(std::string_view text, std::string_view suffix) noexcept;

}  // namespace runload::text
