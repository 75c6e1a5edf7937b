#pragma once
// The Achilles journal by local day (DESIGN.md section 3, "Journal days": the
// entry of day D holds the morning of D and the runs of D).

#include <map>
#include <optional>
#include <span>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>

namespace runload::analyze {

struct StiffnessMean {
  double mean = 0.0;
  int entries = 0;
};

class JournalDays {
 public:
  JournalDays() = default;
  // One entry per day; when `entries` holds a day twice, the later one wins.
  explicit JournalDays(std::span<const model::JournalEntry> entries);

  // The entry of `day`, or nullptr.
  const model::JournalEntry* find(date::sys_days day) const;

  // Mean morning stiffness of the entries of [from, to] that record one;
  // nullopt when none does.
  std::optional<StiffnessMean> mean_stiffness(date::sys_days from, date::sys_days to) const;

  // Entries of [from, to], oldest first.
  std::vector<const model::JournalEntry*> range(date::sys_days from, date::sys_days to) const;

  bool empty() const noexcept { return m_by_day.empty(); }

 private:
  std::map<date::sys_days, model::JournalEntry> m_by_day;
};

}  // namespace runload::analyze
