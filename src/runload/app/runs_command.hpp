#pragma once
// `runload runs`: the athlete's stored activities in a range of local dates,
// and their JSON (DESIGN.md section 6); `runs show ID`, `runs delete ID...`
// and `runs set ID [--sport S] [--name N] [--gear G]`, the corrections a
// runner makes to what an import got wrong.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <runload/app/message.hpp>
#include <runload/app/session.hpp>
#include <runload/model/activity.hpp>
#include <runload/model/units.hpp>
#include <runload/store/activity_repository.hpp>

namespace runload::app {

// Which sports `runs --sport` lists: one sport, or every running sport.
struct SportFilter {
  std::optional<model::Sport> sport;  // nullopt with running == false: every sport
  bool running = false;               // run, trail_run, treadmill_run, virtual_run
};

// `--sport TEXT`: a sport's name (model::to_string) or "running". Throws
// UsageError naming the nearest name.
SportFilter parse_sport_filter(const std::string& text);

// A sport's name for `runs set --sport`. Throws UsageError naming the nearest.
model::Sport parse_sport(const std::string& text, std::string_view option);

struct ActivityList {
  std::vector<model::Activity> activities;  // oldest first, with sources
  Messages messages;  // a warning for each activity a report cannot use (skipped)
};

// Oldest first, with their sources. Throws UsageError when the range is
// empty (its start after its end). Never creates the database or the athlete.
ActivityList list_activities(Session& session, const store::LocalDateRange& range,
                             const SportFilter& filter = {});

// `runs --json`: an array, oldest first, each with id, start_utc, local_date,
// sport, name, distance_km, elapsed_s, moving_s, elevation_gain_m, avg_hr,
// gear and sources (format, file, line).
nlohmann::ordered_json runs_json(const std::vector<model::Activity>& activities);

// `runs show ID`: everything stored about one of the athlete's activities.
// Throws UsageError when the athlete has no activity of that id.
store::ActivityDetails show_activity(Session& session, std::int64_t id);

// `runs show ID` as text: every field, where its time came from, and each
// source with its file's content hash; user and file strings made terminal-safe.
std::string activity_text(const store::ActivityDetails& details,
                          model::Units units = model::Units::metric);
nlohmann::ordered_json activity_json(const store::ActivityDetails& details);

// `runs delete ID...`: all of them or, when any id is not one of the
// athlete's, none (UsageError naming it). Returns the deleted activities.
std::vector<model::Activity> delete_activities(Session& session,
                                               const std::vector<std::int64_t>& ids);

// `runs set ID ...`: sets the fields and marks them edited, so that no import
// changes them again. Throws UsageError when nothing is given, the id is not
// the athlete's, or a name or gear is not printable text (a name may be
// empty; an empty gear removes it).
model::Activity edit_activity(Session& session, std::int64_t id, const store::ActivityEdit& edit);

// One line about an activity for messages: "42 (2024-01-07, run, 10.00 km,
// "Long run")", strings terminal-safe.
std::string describe_activity(const model::Activity& activity,
                              model::Units units = model::Units::metric);

// The warning for an activity a report or listing skipped.
Message unusable_warning(const store::UnusableActivity& activity);

}  // namespace runload::app
