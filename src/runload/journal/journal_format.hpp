#pragma once
// Journal entries as text: the one-line summary after a check-in, the
// stiffness sparkline of `journal list`, and the JSON of DESIGN.md section 6.
// Pure: strings in, strings out; the CLI decides where they go.

#include <span>
#include <string>
#include <string_view>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

// "2024-03-02: stiffness 3/10 for 10 min, swelling no, pop no, side left,
// note "..."": the known fields of `entry`, on one line (the note made
// text::terminal_safe, newlines escaped).
std::string describe(const model::JournalEntry& entry);

// One character per calendar day from `first` to `last` (inclusive): the
// day's morning stiffness as ▁▂▃▄▅▆▇█ (0 the lowest, 10 the highest), '·'
// for a day with no stiffness logged. `entries` oldest first, any days.
std::string stiffness_sparkline(std::span<const model::JournalEntry> entries, date::sys_days first,
                                date::sys_days last);

// DESIGN.md section 6: an array, in the order given, each object with date,
// stiffness, stiffness_minutes, pain_run, pain_after, swelling, pop
// (booleans), side, note, and assessed (a clinician assessed the tendon that
// day); unknown values null.
nlohmann::ordered_json to_json(std::span<const model::JournalEntry> entries);

}  // namespace runload::journal
