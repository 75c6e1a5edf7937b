#pragma once
// One day of the Achilles journal (DESIGN.md section 3, "Journal days"):
// the morning of day D and the runs of day D. Unknown values are nullopt.

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace runload::model {

enum class Side { left, right, both };

std::string_view to_string(Side side) noexcept;
std::optional<Side> side_from_string(std::string_view text) noexcept;

struct JournalEntry {
  date::sys_days date{};
  std::optional<int> stiffness;          // 0-10, first steps of the morning
  std::optional<int> stiffness_minutes;  // how long the stiffness lasted
  std::optional<int> pain_run;           // 0-10, during the runs of the day
  std::optional<int> pain_after;         // 0-10, after the runs of the day
  std::optional<bool> swelling;
  std::optional<bool> pop;  // a pop or sudden sharp pain at the back of the heel
  std::optional<Side> side;
  std::optional<std::string> note;
  // A doctor or physiotherapist assessed the tendon on this day: the red
  // flags that stand until then (a possible rupture, persistent pain) are
  // settled by it.
  std::optional<bool> assessed;
};

}  // namespace runload::model
