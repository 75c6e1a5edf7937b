#pragma once
// `runload runs`: the athlete's stored activities in a range of local dates,
// and their JSON (DESIGN.md section 6).

#include <vector>

#include <nlohmann/json.hpp>

#include <runload/app/session.hpp>
#include <runload/model/activity.hpp>
#include <runload/store/activity_repository.hpp>

namespace runload::app {

// Oldest first, with their sources. Throws UsageError when the range is
// empty (its start after its end).
std::vector<model::Activity> list_activities(Session& session, const store::LocalDateRange& range);

// `runs --json`: an array, oldest first, each with id, start_utc, local_date,
// sport, name, distance_km, elapsed_s, moving_s, elevation_gain_m, avg_hr,
// gear and sources (format, file, line).
nlohmann::ordered_json runs_json(const std::vector<model::Activity>& activities);

}  // namespace runload::app
