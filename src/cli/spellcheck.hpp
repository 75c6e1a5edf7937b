#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace runload::cli {

// The candidate closest to `word` by edit distance, when close enough to be
// a plausible typo (at most 2 edits, or a prefix); else nullopt.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

}  // namespace runload::cli
