#pragma once
// The journal's red flag (DESIGN.md section 2, rule `rupture_warning`): a pop
// or a sudden sharp pain at the back of the heel, or pain of 9 or more, may
// mean the Achilles tendon has ruptured. The entry is stored all the same;
// the caller shows the warning at once.

#include <string>
#include <string_view>
#include <vector>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

// Pain at or above this, during or after a run, is treated as a possible
// rupture (DESIGN.md section 2, rupture_warning: "pain >= 9").
inline constexpr int k_rupture_pain = 9;

inline constexpr std::string_view k_rupture_warning =
    "possible Achilles tendon rupture: stop running and seek medical care now";
inline constexpr std::string_view k_rupture_source =
    "Mayo Clinic, \"Achilles tendinitis\" (patient page: a pop or the feeling of being kicked "
    "in the heel means seek care immediately); a sports physiotherapist's article on "
    "Achilles tendinitis in runners";

// Why an entry raises the red flag, one phrase per sign, e.g.
// "a pop or sudden sharp pain at the back of the heel on 2024-03-02" or
// "pain 9/10 during the run of 2024-03-01". Only the fields set in `entry`
// count; empty when none is a red flag.
std::vector<std::string> red_flag_reasons(const model::JournalEntry& entry);

// True for a pop, or a pain answer at or above k_rupture_pain.
bool is_red_flag_pop(bool pop) noexcept;
bool is_red_flag_pain(int pain) noexcept;

}  // namespace runload::journal
