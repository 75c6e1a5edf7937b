#include <runload/analyze/journal_days.hpp>

namespace runload::analyze {

JournalDays::JournalDays(std::span<const model::JournalEntry> entries) {
  for (const auto& entry : entries) m_by_day.insert_or_assign(entry.date, entry);
}

const model::JournalEntry* JournalDays::find(date::sys_days day) const {
  const auto it = m_by_day.find(day);
  return it == m_by_day.end() ? nullptr : &it->second;
}

std::optional<StiffnessMean> JournalDays::mean_stiffness(date::sys_days from,
                                                         date::sys_days to) const {
  StiffnessMean result;
  double sum = 0.0;
  for (const auto* entry : range(from, to)) {
    if (!entry->stiffness) continue;
    sum += *entry->stiffness;
    ++result.entries;
  }
  if (result.entries == 0) return std::nullopt;
  result.mean = sum / result.entries;
  return result;
}

std::vector<const model::JournalEntry*> JournalDays::range(date::sys_days from,
                                                           date::sys_days to) const {
  std::vector<const model::JournalEntry*> found;
  for (auto it = m_by_day.lower_bound(from); it != m_by_day.end() && it->first <= to; ++it) {
    found.push_back(&it->second);
  }
  return found;
}

}  // namespace runload::analyze
