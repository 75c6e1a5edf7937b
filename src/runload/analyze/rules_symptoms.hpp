#pragma once
// The symptom rules of DESIGN.md section 2, read from the journal:
// pain_during_run, pain_after_run, stiffness_not_settled, stiffness_rising,
// persistent_pain, load_symptom_link and rupture_warning. Without journal entries they raise
// nothing. Each returns the flags dated in [from, to]; a flag about the runs
// of a day carries the id of that day's longest run.

#include <optional>
#include <span>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/model/flag.hpp>

namespace runload::analyze {

// The usual morning stiffness before `day`: the median of the 14 mornings
// before it (day-14 to day-1), nullopt with fewer than 3 of them logged.
std::optional<double> usual_stiffness(const JournalDays& journal, date::sys_days day);

// Pain during the runs of a day: > 5 caution, >= 8 high.
std::vector<model::Flag> pain_during_run(const History& history, date::sys_days from,
                                         date::sys_days to);

// Pain after the runs of a day: > 5 caution (Silbernagel 2007: acceptable up
// to 5/10, settled by the next morning; rupture_warning speaks at 9 or more).
std::vector<model::Flag> pain_after_run(const History& history, date::sys_days from,
                                        date::sys_days to);

// Morning stiffness on day D+1 after a run on day D, against the median
// stiffness of the 14 mornings before (D-13..D; at least 3 of them logged):
// >= 2 points higher: caution, dated D+1.
std::vector<model::Flag> stiffness_not_settled(const History& history, date::sys_days from,
                                               date::sys_days to);

// A week's mean morning stiffness against the week before's, each with at
// least 3 logged mornings: >= 1 point higher: caution, dated on the Sunday.
std::vector<model::Flag> stiffness_rising(const History& history, date::sys_days from,
                                          date::sys_days to);

// Days with morning stiffness, pain during or pain after running of 3 or more
// on at least 5 of the 7 days ending on a day: high. One flag per ISO week,
// on the first day of the week where the count is reached.
std::vector<model::Flag> persistent_pain(const History& history, date::sys_days from,
                                         date::sys_days to);

// A stiffness_not_settled flag (in `symptoms`) with a spike flag
// (single_run_spike, speed_spike or hill_spike, in `load`) dated in the 3 days
// before it: high, dated as the stiffness flag, carrying the latest spike's
// activity id. `load` must cover 3 days before `from`.
std::vector<model::Flag> load_symptom_link(std::span<const model::Flag> load,
                                           std::span<const model::Flag> symptoms,
                                           date::sys_days from, date::sys_days to);

// A journal entry with a pop or sudden sharp pain at the heel, or pain during
// or after running of 9 or more: urgent.
std::vector<model::Flag> rupture_warning(const History& history, date::sys_days from,
                                         date::sys_days to);

// All the rules above, flags ordered by date. `load` as for load_symptom_link.
std::vector<model::Flag> symptom_flags(const History& history, std::span<const model::Flag> load,
                                       date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
