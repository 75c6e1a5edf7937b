#pragma once
// What the XML readers (GPX, TCX) share: element lookup by local name
// (namespace prefixes vary by writer: gpxtpx:hr, ns3:hr, plain hr), element
// text and numbers, and lines of byte offsets for messages.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace runload::import::xml {

// "hr" for "gpxtpx:hr".
std::string_view local_name(std::string_view qualified) noexcept;
inline std::string_view local_name(const char* qualified) noexcept {
  return local_name(std::string_view(qualified));
}

// The first child element of `parent` whose local name is `name`, or an
// empty node (pugixml's null node, on which every lookup gives nothing).
pugi::xml_node child(pugi::xml_node parent, std::string_view name);

// Every child element of `parent` whose local name is `name`, in order.
std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view name);

// Every descendant element named `name`, in document order, not descending
// into matches.
std::vector<pugi::xml_node> descendants(pugi::xml_node node, std::string_view name);

// The element's text without the XML white space (space, tab, CR, LF)
// around it; empty for a null node.
std::string_view text(pugi::xml_node node);

// text() as a number (import::parse_number); nullopt when absent, empty or
// not a finite number.
std::optional<double> number(pugi::xml_node node);

// Offsets of every '\n' in the original text, for the line of a byte offset.
// The in-place parse overwrites delimiters and folds line ends, so lines must
// be counted before it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The 1-based line holding byte `offset` (line 1 for a negative offset).
  std::int64_t line_of(std::ptrdiff_t offset) const;

 private:
  std::vector<std::size_t> m_newlines;
};

}  // namespace runload::import::xml
