#pragma once
// The shoes of one athlete (migrations/0006_gear.sql): what `runload gear`
// edits and what the footwear rules read. Activities name their shoe by
// name in activities.gear, so a rename renames it on every activity too.
// SQLite errors propagate as SQLite::Exception; a shoe the runner names that
// does not exist, or a name taken, is a UsageError.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/model/gear.hpp>

namespace runload::store {

class Database;

class GearRepository {
 public:
  // REQUIRES: `athlete_id` names a stored athlete; `db` outlives the repository.
  GearRepository(Database& db, std::int64_t athlete_id);

  // Every shoe, by name, with its running distance and use.
  std::vector<model::GearUsage> list();
  std::optional<model::Gear> find(const std::string& name);

  // Adds a shoe. Throws UsageError when the name is taken.
  void add(const model::Gear& gear);
  // Replaces the shoe `name`'s values with `values` (its name too: a rename
  // renames it on every activity). Throws UsageError when `name` is unknown
  // or the new name is taken.
  void update(const std::string& name, const model::Gear& values);
  // Creates the shoe when absent, with what is known of it (a Strava export's
  // shoes.csv: brand and model); fills brand and model when they are unknown.
  // Returns true when it was created.
  bool ensure(const model::Gear& gear);

  // Makes the running activities of `ids` name the shoe. Throws UsageError
  // naming the first id that is not one of the athlete's activities. Returns
  // how many changed.
  int assign(std::span<const std::int64_t> ids, const std::string& name);
  // The same for every running activity with a local date in [from, to].
  int assign_range(date::sys_days from, date::sys_days to, const std::string& name);
  // Makes `name` the shoe of runs that name none: the running activities
  // without a shoe from its `since` on get it now, and runs imported later
  // without one get it too. Returns how many runs it was given.
  int set_default(const std::string& name);
  // The default shoe, when one is set.
  std::optional<std::string> default_name();

  // Running distance per shoe of the activities before `day`: what the
  // analysis of a window starting on `day` adds to each shoe's mileage.
  std::map<std::string, double> distance_before(date::sys_days day);

 private:
  model::Gear require(const std::string& name);

  Database& m_db;
  std::int64_t m_athlete_id;
};

}  // namespace runload::store
