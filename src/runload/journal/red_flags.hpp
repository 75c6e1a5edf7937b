#pragma once
// The journal's red flag (DESIGN.md section 2, rule `rupture_warning`): a pop
// or a sudden sharp pain at the back of the heel, or pain of 9 or more, may
// mean the Achilles tendon has ruptured. The entry is stored all the same;
// the caller shows the warning at once, in the words of the rule catalogue.

#include <string>
#include <string_view>
#include <vector>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

// Why an entry raises the red flag, one phrase per sign, e.g.
// "a pop or sudden sharp pain at the back of the heel on 2024-03-02" or
// "pain 9/10 during the run of 2024-03-01". Only the fields set in `entry`
// count; empty when none is a red flag.
std::vector<std::string> red_flag_reasons(const model::JournalEntry& entry);

// True for a pop, or a pain answer at or above the rupture_warning threshold.
bool is_red_flag_pop(bool pop) noexcept;
bool is_red_flag_pain(int pain) noexcept;

// The urgent warning for `reasons` (red_flag_reasons): the rule's headline
// and the reasons, e.g. "possible Achilles tendon rupture: stop running and
// seek medical care now (a pop ... on 2024-03-02)."
std::string urgent_warning(const std::vector<std::string>& reasons);

// Where the warning comes from (the rule's source).
std::string_view urgent_source() noexcept;

}  // namespace runload::journal
