#pragma once
// The risk modifiers of DESIGN.md section 2 beside the load and the
// symptoms (docs/TENDON.md): fluoroquinolone_window, corticosteroid_window,
// prior_episode and cold_run. Each returns the flags dated in [from, to].
// The medication and episode rules speak once per ISO week, dated on the
// first day of the week they apply to; cold_run once per run.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/model/flag.hpp>
#include <runload/model/tendon.hpp>

namespace runload::analyze {

// --- medication windows ---------------------------------------------------------------

// The days a course's rule speaks about (rules/tendon.hpp): the course from
// its first to its last dose (while it has no end, to `through`), CAUTION to
// `caution_until`, then INFO to `info_until` (fluoroquinolones only).
struct CourseWindow {
  date::sys_days from{};
  date::sys_days last_dose{};
  bool ongoing = false;  // no last day recorded
  date::sys_days caution_until{};
  std::optional<date::sys_days> info_until;
};

// The window of a fluoroquinolone or oral corticosteroid course; nullopt for
// the other kinds (an injection, anything else: no rule).
std::optional<CourseWindow> course_window(const model::Medication& medication,
                                          date::sys_days through);

// A fluoroquinolone course: CAUTION from the first dose to 60 days after the
// last, INFO to 180 days after; HIGH in a week where its CAUTION window
// meets an oral corticosteroid's. One flag per week (the worst), dated on
// the first day of the week in the window; observed: the day of the course,
// or the days since the last dose (baseline: the window's length).
std::vector<model::Flag> fluoroquinolone_window(std::span<const model::Medication> medications,
                                                date::sys_days from, date::sys_days to);

// An oral corticosteroid course: CAUTION from the first dose to 30 days after
// the last. As fluoroquinolone_window otherwise.
std::vector<model::Flag> corticosteroid_window(std::span<const model::Medication> medications,
                                               date::sys_days from, date::sys_days to);

// --- a prior Achilles episode ------------------------------------------------------

// Something that counts as an Achilles episode: one the runner recorded
// (`episode add`), or a red flag runload raised (a possible rupture,
// persistent pain), as a day.
struct EpisodeMark {
  date::sys_days from{};
  std::optional<date::sys_days> to;  // nullopt: an ongoing recorded episode
  std::string what;                  // "an Achilles episode you recorded (...)"
};

// The marks of the recorded episodes and of the rupture_warning and
// persistent_pain flags among `flags` (assessed or not: an assessment
// settles the flag, not the episode).
std::vector<EpisodeMark> episode_marks(std::span<const model::Episode> episodes,
                                       std::span<const model::Flag> flags);

// The episode that counts for the week starting `monday`: of the marks that
// began before it and ended (or are ongoing) in the 365 days before it, the
// latest to end; nullopt when none does.
std::optional<EpisodeMark> prior_episode_on(std::span<const EpisodeMark> marks,
                                            date::sys_days monday);

// The Mondays in [from, to] with a prior episode (prior_episode_on): the
// weeks whose spike bands are tightened (rules::tightened).
std::vector<date::sys_days> prior_episode_weeks(std::span<const EpisodeMark> marks,
                                                date::sys_days from, date::sys_days to);

// INFO on the Monday of each week in [from, to] with a prior episode, naming
// it and the tightened bands (`tight`: the thresholds in force);
// observed: the days from its end to the Monday (none while ongoing),
// baseline 365.
std::vector<model::Flag> prior_episode(std::span<const EpisodeMark> marks,
                                       const rules::Thresholds& tight, date::sys_days from,
                                       date::sys_days to);

// --- cold ---------------------------------------------------------------------------

// INFO for each run of [from, to] whose temperature is below
// thresholds.cold_run_below_c, saying where the temperature came from (a
// device reads high from body heat). Runs without a temperature: silent.
std::vector<model::Flag> cold_run(const History& history, date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
