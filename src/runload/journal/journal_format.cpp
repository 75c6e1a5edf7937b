#include <runload/journal/journal_format.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace runload::journal {
namespace {

constexpr std::array<std::string_view, 8> k_blocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view k_unknown_day = "·";

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not
// a well-formed one (overlong forms and surrogates included).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

nlohmann::ordered_json or_null(const std::optional<int>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json or_null(const std::optional<bool>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string escape_for_terminal(std::string_view text, KeepNewlines keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == '\n' || c == '\t') {
      if (keep == KeepNewlines::yes)
        out += static_cast<char>(c);
      else
        out += c == '\n' ? "\\n" : "\\t";
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += c == '\r'   ? std::string("\\r")
             : c == 0x1B ? std::string("\\e")
                         : fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    // C1 controls (U+0080-U+009F) are read by some terminals as escapes.
    if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(text[i + 1]));
      i += 2;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string describe(const model::JournalEntry& e) {
  std::vector<std::string> parts;
  if (e.stiffness) {
    parts.push_back(e.stiffness_minutes ? fmt::format("stiffness {}/10 for {} min", *e.stiffness,
                                                      *e.stiffness_minutes)
                                        : fmt::format("stiffness {}/10", *e.stiffness));
  } else if (e.stiffness_minutes) {
    parts.push_back(fmt::format("stiffness lasted {} min", *e.stiffness_minutes));
  }
  if (e.pain_run) parts.push_back(fmt::format("pain during run {}/10", *e.pain_run));
  if (e.pain_after) parts.push_back(fmt::format("pain after run {}/10", *e.pain_after));
  if (e.swelling) parts.push_back(fmt::format("swelling {}", *e.swelling ? "yes" : "no"));
  if (e.pop) parts.push_back(fmt::format("pop {}", *e.pop ? "YES" : "no"));
  if (e.side) parts.push_back(fmt::format("side {}", model::to_string(*e.side)));
  if (e.note) parts.push_back(fmt::format("note \"{}\"", escape_for_terminal(*e.note)));
  return fmt::format(
      "{}: {}", date::format("%F", e.date),
      parts.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(parts, ", ")));
}

std::string stiffness_sparkline(std::span<const model::JournalEntry> entries, date::sys_days first,
                                date::sys_days last) {
  std::map<date::sys_days, int> stiffness;
  for (const auto& e : entries)
    if (e.stiffness) stiffness[e.date] = *e.stiffness;
  std::string line;
  for (auto day = first; day <= last; day += date::days{1}) {
    const auto found = stiffness.find(day);
    if (found == stiffness.end()) {
      line += k_unknown_day;
      continue;
    }
    const int clamped = std::clamp(found->second, 0, 10);
    // 0..10 onto the 8 blocks, rounding to the nearest.
    const auto index = static_cast<std::size_t>((clamped * 7 + 5) / 10);
    line += k_blocks[index];
  }
  return line;
}

nlohmann::ordered_json to_json(std::span<const model::JournalEntry> entries) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    array.push_back(nlohmann::ordered_json{
        {"date", date::format("%F", e.date)},
        {"stiffness", or_null(e.stiffness)},
        {"stiffness_minutes", or_null(e.stiffness_minutes)},
        {"pain_run", or_null(e.pain_run)},
        {"pain_after", or_null(e.pain_after)},
        {"swelling", or_null(e.swelling)},
        {"pop", or_null(e.pop)},
        {"side", e.side ? nlohmann::ordered_json(std::string(model::to_string(*e.side)))
                        : nlohmann::ordered_json(nullptr)},
        {"note", e.note ? nlohmann::ordered_json(*e.note) : nlohmann::ordered_json(nullptr)},
    });
  }
  return array;
}

}  // namespace runload::journal
