#include <runload/journal/journal_format.hpp>
#include <runload/text/escape.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace runload::journal {

using text::terminal_safe;

namespace {

constexpr std::array<std::string_view, 8> k_blocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view k_unknown_day = "·";

nlohmann::ordered_json or_null(const std::optional<int>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json or_null(const std::optional<bool>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

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
  if (e.note) parts.push_back(fmt::format("note \"{}\"", terminal_safe(*e.note)));
  if (e.assessed)
    parts.push_back(*e.assessed ? "assessed by a clinician" : "not assessed by a clinician");
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
        {"assessed", or_null(e.assessed)},
    });
  }
  return array;
}

}  // namespace runload::journal
