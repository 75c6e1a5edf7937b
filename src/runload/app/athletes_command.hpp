#pragma once
// `runload athletes`: the athletes of the database, and the upkeep of one:
// rename, delete with everything of theirs, and a new time zone (the one way
// to change it, which re-derives the local dates of their activities).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <runload/app/session.hpp>
#include <runload/store/athletes.hpp>

namespace runload::app {

// Every athlete with their counts, by name. Never creates the database.
std::vector<store::AthleteSummary> list_athletes(Session& session);

// The table `runload athletes` prints, strings terminal-safe.
std::string athletes_text(const std::vector<store::AthleteSummary>& athletes);

// `athletes --json`: an array of name, timezone, created_at, activities,
// runs, journal_entries, first_activity and last_activity (local dates or
// null).
nlohmann::ordered_json athletes_json(const std::vector<store::AthleteSummary>& athletes);

// Renames OLD to NEW. UsageError for an unknown OLD (with the nearest), a
// NEW that is not printable text or that another athlete has.
void rename_athlete(Session& session, const std::string& old_name, const std::string& new_name);

enum class Confirmed { no, yes };

// Deletes the athlete and everything of theirs. Without Confirmed::yes
// nothing is deleted: UsageError saying what would go and how to confirm.
store::DeletedAthlete delete_athlete(Session& session, const std::string& name,
                                     Confirmed confirmed);

// Sets the athlete's zone (store::set_time_zone).
store::ZoneChange set_athlete_zone(Session& session, const std::string& name,
                                   const std::string& zone);

// What set_athlete_zone() did, in a line or two.
std::string zone_change_text(const std::string& name, const std::string& zone,
                             const store::ZoneChange& change);

}  // namespace runload::app
