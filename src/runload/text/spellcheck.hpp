#pragma once
// "Did you mean ...?": the nearest of a few known words to one typed wrong
// (ninja's spellcheck). Every usage error that names a wrong word (a command,
// an option, a value, an athlete) suggests through this.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace runload::text {

// The candidate closest to `word` by edit distance, when close enough to be
// a plausible typo (at most 2 edits, or a prefix); else nullopt.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace runload::text
