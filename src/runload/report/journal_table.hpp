#pragma once
// The table `runload journal list` prints, with the stiffness sparkline of
// the last eight weeks under it.

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>
#include <runload/report/terminal.hpp>

namespace runload::report {

// The sparkline under the table covers at most this many days.
inline constexpr int k_journal_sparkline_days = 56;

// One line per entry (multi-line notes indented under the note column, a pop
// or a red-flag pain in red), then the sparkline from `since` (else the
// first entry) to `until` (else the last), at most k_journal_sparkline_days.
// REQUIRES: `entries` is not empty, oldest first.
std::string journal_table(const std::vector<model::JournalEntry>& entries,
                          std::optional<date::sys_days> since, std::optional<date::sys_days> until,
                          const Palette& palette);

}  // namespace runload::report
