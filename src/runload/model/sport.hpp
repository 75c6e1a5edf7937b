#pragma once
// The sport of an activity. Only the running sports count as running load
// (DESIGN.md section 3); the others are stored so that `runs` can show them.

#include <optional>
#include <string_view>

namespace runload::model {

enum class Sport { run, trail_run, treadmill_run, virtual_run, walk, hike, ride, swim, other };

// True for run, trail_run, treadmill_run and virtual_run.
bool is_running(Sport sport) noexcept;

// The contract's snake_case name ("trail_run"), as stored and printed in JSON.
std::string_view to_string(Sport sport) noexcept;

// Parses the contract's snake_case name. Returns nullopt for anything else.
std::optional<Sport> sport_from_string(std::string_view name) noexcept;

}  // namespace runload::model
