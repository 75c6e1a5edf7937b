#include <runload/import/xml.hpp>

#include <algorithm>
#include <cstring>

#include <runload/import/values.hpp>

namespace runload::import::xml {
namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool named(pugi::xml_node node, std::string_view name) {
  return node.type() == pugi::node_element && local_name(node.name()) == name;
}

void collect(pugi::xml_node node, std::string_view name, std::vector<pugi::xml_node>& out) {
  for (auto c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c.name()) == name)
      out.push_back(c);
    else
      collect(c, name, out);
  }
}

}  // namespace

std::string_view local_name(std::string_view name) noexcept {
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (auto c : parent.children())
    if (named(c, name)) return c;
  return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (auto c : parent.children())
    if (named(c, name)) out.push_back(c);
  return out;
}

std::vector<pugi::xml_node> descendants(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  collect(node, name, out);
  return out;
}

std::string_view text(pugi::xml_node node) {
  std::string_view value = node.text().get();
  while (!value.empty() && is_xml_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_xml_space(value.back())) value.remove_suffix(1);
  return value;
}

std::optional<double> number(pugi::xml_node node) {
  if (!node) return std::nullopt;
  return parse_number(text(node));
}

LineIndex::LineIndex(std::string_view text) {
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    const char* nl = static_cast<const char*>(hit);
    m_newlines.push_back(static_cast<std::size_t>(nl - base));
    p = nl + 1;
  }
}

std::int64_t LineIndex::line_of(std::ptrdiff_t offset) const {
  if (offset < 0) return 1;
  const auto it =
      std::lower_bound(m_newlines.begin(), m_newlines.end(), static_cast<std::size_t>(offset));
  return static_cast<std::int64_t>(it - m_newlines.begin()) + 1;
}

}  // namespace runload::import::xml
