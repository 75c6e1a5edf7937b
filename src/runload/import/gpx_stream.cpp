#include <runload/import/gpx_stream.hpp>

#include <array>
#include <cstring>
#include <vector>

#include <runload/import/xml.hpp>

namespace runload::import::gpx {
namespace {

// Extensions nest two or three levels (extensions > TrackPointExtension > hr);
// the pugixml walk reads at most this deep, and so does this reader.
constexpr int k_max_extension_depth = 4;

// Byte classes, as pugixml's tables have them for names and white space.
enum : unsigned char {
  k_space = 1,       // XML white space
  k_name_start = 2,  // may start a name: letters, '_', ':' and every byte >= 0x80
  k_name = 4,        // may follow in a name: also digits, '-' and '.'
  k_value_stop = 8,  // ends or spoils a value this reader takes: '<', '&', CR, NUL
  k_attr_stop = 16,  // spoils an attribute value it takes: '&', '<', TAB, CR, LF, NUL
};

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    unsigned char k = 0;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') k |= k_space;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter || c == '_' || c == ':' || c >= 0x80) k |= k_name_start | k_name;
    if ((c >= '0' && c <= '9') || c == '-' || c == '.') k |= k_name;
    if (c == '<' || c == '&' || c == '\r' || c == '\0') k |= k_value_stop;
    if (c == '<' || c == '&' || c == '\t' || c == '\r' || c == '\n' || c == '\0') k |= k_attr_stop;
    classes[static_cast<std::size_t>(c)] = k;
  }
  return classes;
}
constexpr auto k_classes = make_classes();

bool is(char c, unsigned char kind) noexcept {
  return (k_classes[static_cast<unsigned char>(c)] & kind) != 0;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim_space(const char* begin, const char* end) noexcept {
  while (begin < end && is(*begin, k_space)) ++begin;
  while (end > begin && is(end[-1], k_space)) --end;
  return {begin, static_cast<std::size_t>(end - begin)};
}

// An attribute the caller wants the value of.
struct Wanted {
  std::string_view name;
  std::optional<std::string_view> value;
};

class Stream {
 public:
  Stream(std::string_view text, Content& content)
      : m_begin(text.data()),
        m_p(text.data()),
        m_end(text.data() + text.size()),
        m_content(content) {}

  bool read_document();

 private:
  // What comes next inside an element.
  enum class Next { child, end, fail };

  const char* m_begin;
  const char* m_p;
  const char* m_end;
  Content& m_content;
  std::vector<std::string_view> m_open;  // skip_element's open elements, reused

  std::ptrdiff_t offset() const noexcept { return m_p - m_begin; }
  bool at(std::string_view s) const noexcept {
    return static_cast<std::size_t>(m_end - m_p) >= s.size() &&
           std::memcmp(m_p, s.data(), s.size()) == 0;
  }
  bool skip_space() noexcept {
    const char* start = m_p;
    while (m_p < m_end && is(*m_p, k_space)) ++m_p;
    return m_p != start;
  }
  bool read_name(std::string_view& name) noexcept;
  bool skip_comment() noexcept;
  bool read_declaration() noexcept;
  bool read_attributes(bool& empty, Wanted* wanted = nullptr, std::size_t count = 0) noexcept;
  Next next(std::string_view parent, std::string_view& child,
            std::ptrdiff_t& child_offset) noexcept;
  bool end_tag(std::string_view name) noexcept;
  bool read_value(std::string_view name, std::string_view& text) noexcept;
  bool skip_element(std::string_view name);
  // After an element's name: its attributes, then each child element to
  // `on_child(qualified, local, offset)` (false stops the read) until the
  // element's end tag.
  template <typename OnChild>
  bool read_children(std::string_view name, OnChild&& on_child);
  // read_children after the attributes: the children up to the end tag.
  template <typename OnChild>
  bool read_content(std::string_view name, OnChild&& on_child);
  bool read_gpx(std::string_view name);
  bool read_metadata(std::string_view name);
  bool read_trk(std::string_view name, std::ptrdiff_t at);
  bool read_segment(std::string_view name, Trk& trk, PointReader& points);
  bool read_point(std::string_view name, std::ptrdiff_t at, PointReader& points);
  bool read_extensions(std::string_view name, int depth, PointReader& points);
};

bool Stream::read_name(std::string_view& name) noexcept {
  const char* start = m_p;
  if (m_p >= m_end || !is(*m_p, k_name_start)) return false;
  ++m_p;
  while (m_p < m_end && is(*m_p, k_name)) ++m_p;
  name = {start, static_cast<std::size_t>(m_p - start)};
  return true;
}

// At "<!--": past the "-->" that ends it.
bool Stream::skip_comment() noexcept {
  const std::string_view rest(m_p + 4, static_cast<std::size_t>(m_end - m_p - 4));
  const auto close = rest.find("-->");
  if (close == std::string_view::npos) return false;
  if (rest.substr(0, close).find('\0') != std::string_view::npos) return false;
  m_p += 4 + close + 3;
  return true;
}

// At "<?xml ": past its "?>", when it declares no encoding or UTF-8.
bool Stream::read_declaration() noexcept {
  const std::string_view rest(m_p, static_cast<std::size_t>(m_end - m_p));
  const auto close = rest.find("?>");
  if (close == std::string_view::npos) return false;
  const std::string_view declaration = rest.substr(0, close);
  if (declaration.find('\0') != std::string_view::npos) return false;
  if (const auto at = declaration.find("encoding"); at != std::string_view::npos) {
    std::size_t i = at + 8;
    while (i < declaration.size() && is(declaration[i], k_space)) ++i;
    if (i >= declaration.size() || declaration[i] != '=') return false;
    ++i;
    while (i < declaration.size() && is(declaration[i], k_space)) ++i;
    if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\'')) return false;
    const auto end = declaration.find(declaration[i], i + 1);
    if (end == std::string_view::npos || !iequals(declaration.substr(i + 1, end - i - 1), "utf-8"))
      return false;
  }
  m_p += close + 2;
  return true;
}

// After an element's name: its attributes up to '>' (empty false) or '/>'
// (empty true), the values of `wanted` taken from their first occurrence.
bool Stream::read_attributes(bool& empty, Wanted* wanted, std::size_t count) noexcept {
  for (;;) {
    const bool spaced = skip_space();
    if (m_p >= m_end) return false;
    if (*m_p == '>') {
      ++m_p;
      empty = false;
      return true;
    }
    if (*m_p == '/') {
      if (m_p + 1 >= m_end || m_p[1] != '>') return false;
      m_p += 2;
      empty = true;
      return true;
    }
    std::string_view name;
    if (!spaced || !read_name(name)) return false;
    skip_space();
    if (m_p >= m_end || *m_p != '=') return false;
    ++m_p;
    skip_space();
    if (m_p >= m_end || (*m_p != '"' && *m_p != '\'')) return false;
    const char quote = *m_p++;
    const char* start = m_p;
    bool spoiled = false;
    while (m_p < m_end && *m_p != quote) {
      if (*m_p == '\0') return false;
      spoiled |= is(*m_p, k_attr_stop);
      ++m_p;
    }
    if (m_p >= m_end) return false;
    const std::string_view value(start, static_cast<std::size_t>(m_p - start));
    ++m_p;
    for (std::size_t i = 0; i < count; ++i) {
      if (wanted[i].name != name || wanted[i].value) continue;
      // pugixml would rewrite it (references, white space): its reading counts.
      if (spoiled) return false;
      wanted[i].value = value;
    }
  }
}

// Inside `parent`: passes text and comments, then reads a child's start up
// to its name, or `parent`'s end tag.
Stream::Next Stream::next(std::string_view parent, std::string_view& child,
                          std::ptrdiff_t& child_offset) noexcept {
  for (;;) {
    while (m_p < m_end && *m_p != '<') {
      if (*m_p == '\0') return Next::fail;
      ++m_p;
    }
    if (m_end - m_p < 2) return Next::fail;
    const char second = m_p[1];
    if (second == '/') {
      m_p += 2;
      return end_tag(parent) ? Next::end : Next::fail;
    }
    if (second == '!') {
      if (!at("<!--") || !skip_comment()) return Next::fail;
      continue;
    }
    ++m_p;
    child_offset = offset();
    return read_name(child) ? Next::child : Next::fail;
  }
}

// After "</": the name `name`, white space and '>'.
bool Stream::end_tag(std::string_view name) noexcept {
  if (!at(name)) return false;
  m_p += name.size();
  if (m_p < m_end && is(*m_p, k_name)) return false;  // a longer name
  skip_space();
  if (m_p >= m_end || *m_p != '>') return false;
  ++m_p;
  return true;
}

// After a value element's name: its text, trimmed, up to its end tag.
bool Stream::read_value(std::string_view name, std::string_view& text) noexcept {
  bool empty = false;
  if (!read_attributes(empty)) return false;
  if (empty) {
    text = {};
    return true;
  }
  const char* start = m_p;
  while (m_p < m_end && !is(*m_p, k_value_stop)) ++m_p;
  if (m_end - m_p < 2 || m_p[0] != '<' || m_p[1] != '/') return false;
  text = trim_space(start, m_p);
  m_p += 2;
  return end_tag(name);
}

// After an element's name: past its end, whatever it holds.
bool Stream::skip_element(std::string_view name) {
  bool empty = false;
  if (!read_attributes(empty)) return false;
  if (empty) return true;
  m_open.clear();
  m_open.push_back(name);
  while (!m_open.empty()) {
    std::string_view child;
    std::ptrdiff_t at = 0;
    switch (next(m_open.back(), child, at)) {
      case Next::fail:
        return false;
      case Next::end:
        m_open.pop_back();
        break;
      case Next::child:
        if (!read_attributes(empty)) return false;
        if (!empty) m_open.push_back(child);
        break;
    }
  }
  return true;
}

bool Stream::read_document() {
  if (at("\xEF\xBB\xBF")) m_p += 3;
  if (at("<?xml") && m_end - m_p > 5 && is(m_p[5], k_space) && !read_declaration()) return false;
  for (;;) {
    skip_space();
    if (m_end - m_p < 2 || *m_p != '<') return false;
    if (at("<!--")) {
      if (!skip_comment()) return false;
      continue;
    }
    break;
  }
  ++m_p;
  std::string_view root;
  if (!read_name(root) || xml::local_name(root) != "gpx" || !read_gpx(root)) return false;
  for (;;) {
    skip_space();
    if (m_p == m_end) return true;
    if (!at("<!--") || !skip_comment()) return false;
  }
}

template <typename OnChild>
bool Stream::read_children(std::string_view name, OnChild&& on_child) {
  bool empty = false;
  if (!read_attributes(empty)) return false;
  return empty || read_content(name, on_child);
}

template <typename OnChild>
bool Stream::read_content(std::string_view name, OnChild&& on_child) {
  for (;;) {
    std::string_view child;
    std::ptrdiff_t at = 0;
    const Next next_part = next(name, child, at);
    if (next_part != Next::child) return next_part == Next::end;
    if (!on_child(child, xml::local_name(child), at)) return false;
  }
}

bool Stream::read_gpx(std::string_view name) {
  bool metadata_seen = false;
  return read_children(name,
                       [&](std::string_view child, std::string_view local, std::ptrdiff_t at) {
                         if (local == "trk") return read_trk(child, at);
                         if (local == "metadata" && !metadata_seen) {
                           metadata_seen = true;
                           return read_metadata(child);
                         }
                         if (local == "rte") ++m_content.routes;
                         if (local == "wpt") ++m_content.waypoints;
                         return skip_element(child);
                       });
}

bool Stream::read_metadata(std::string_view name) {
  bool name_seen = false;
  return read_children(name, [&](std::string_view child, std::string_view local, std::ptrdiff_t) {
    if (name_seen || local != "name") return skip_element(child);
    name_seen = true;
    std::string_view text;
    if (!read_value(child, text)) return false;
    m_content.metadata_name = std::string(text);
    return true;
  });
}

bool Stream::read_trk(std::string_view name, std::ptrdiff_t at) {
  Trk& trk = m_content.tracks.emplace_back();
  trk.offset = at;
  PointReader points(m_content, trk);
  bool name_seen = false;
  bool type_seen = false;
  // The first <name> and <type>, as the pugixml walk's child() finds them.
  const auto first_text = [&](std::string_view child, bool& seen, std::string& out) {
    if (seen) return skip_element(child);
    seen = true;
    std::string_view text;
    if (!read_value(child, text)) return false;
    out = std::string(text);
    return true;
  };
  return read_children(name, [&](std::string_view child, std::string_view local, std::ptrdiff_t) {
    if (local == "trkseg") return read_segment(child, trk, points);
    if (local == "name") return first_text(child, name_seen, trk.name);
    if (local == "type") return first_text(child, type_seen, trk.type);
    return skip_element(child);
  });
}

bool Stream::read_segment(std::string_view name, Trk& trk, PointReader& points) {
  trk.track.segments.emplace_back();
  return read_children(
      name, [&](std::string_view child, std::string_view local, std::ptrdiff_t at) {
        return local == "trkpt" ? read_point(child, at, points) : skip_element(child);
      });
}

bool Stream::read_point(std::string_view name, std::ptrdiff_t at, PointReader& points) {
  std::array<Wanted, 2> position{Wanted{"lat", {}}, Wanted{"lon", {}}};
  bool empty = false;
  if (!read_attributes(empty, position.data(), position.size())) return false;
  points.start(name, position[0].value, position[1].value, at);
  const bool ok = empty || read_content(name, [&](std::string_view child, std::string_view local,
                                                  std::ptrdiff_t child_at) {
                    std::string_view text;
                    if (local == "ele") {
                      if (!read_value(child, text)) return false;
                      points.ele(text);
                      return true;
                    }
                    if (local == "time") {
                      if (!read_value(child, text)) return false;
                      points.time(text, child_at);
                      return true;
                    }
                    if (local == "extensions") return read_extensions(child, 1, points);
                    return skip_element(child);
                  });
  if (ok) points.finish();
  return ok;
}

bool Stream::read_extensions(std::string_view name, int depth, PointReader& points) {
  return read_children(name, [&](std::string_view child, std::string_view local, std::ptrdiff_t) {
    if (PointReader::is_extension_value(local)) {
      std::string_view text;
      if (!read_value(child, text)) return false;
      points.extension(local, text);
      return true;
    }
    if (depth + 1 <= k_max_extension_depth) return read_extensions(child, depth + 1, points);
    return skip_element(child);
  });
}

}  // namespace

bool stream_gpx(std::string_view text, Content& content) {
  return Stream(text, content).read_document();
}

}  // namespace runload::import::gpx
