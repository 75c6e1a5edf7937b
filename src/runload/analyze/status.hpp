#pragma once
// The one line every report opens with: a level a worried runner reads in
// two seconds, the reason, and since when (DESIGN.md section 2, "status").
//
// How flags map to levels is decided here and nowhere else
// (docs/REPORT.md writes it out for runners):
// - red: an URGENT flag (a possible rupture), or a HIGH flag whose rule asks
//   to stop and see a clinician (rules::WhenHigh::stop: pain of 8/10 or more
//   while running, persistent pain): stop, and the action (seek care today,
//   or see a doctor or physiotherapist);
// - amber: a CAUTION flag, or a HIGH flag whose rule asks to take the load
//   back (a large long-run spike, stiffness after a load spike): hold or
//   reduce, and next week's plan is withheld (envelope.hpp);
// - green: no flag above INFO: you may build within the next-week envelope.
// Only flags in force count: this week's, and the red flags of earlier weeks
// that stand until an assessment (rules::Persistence::until_assessed) and
// have none yet. A flag settled by an assessment is listed, but sets nothing.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/model/flag.hpp>

namespace runload::analyze {

enum class StatusLevel { green = 0, amber = 1, red = 2 };

std::string_view to_string(StatusLevel level) noexcept;  // "green", "amber", "red"

struct Status {
  StatusLevel level = StatusLevel::green;
  // "possible Achilles tendon rupture: stop running and seek medical care now"
  std::string headline;
  std::optional<model::Rule> rule;      // the flag that set it; nullopt for green
  std::optional<date::sys_days> since;  // that flag's date
};

// The level one flag calls for.
StatusLevel level_of(const model::Flag& flag) noexcept;

// True when `flag` counts for the status and the envelope: not settled by an
// assessment.
bool in_force(const model::Flag& flag) noexcept;

// The status of the flags given (any order): the worst level among those in
// force; of several flags at that level the most severe, then the earliest,
// sets the headline, the rule and the date.
Status status_of(std::span<const model::Flag> flags);

}  // namespace runload::analyze
