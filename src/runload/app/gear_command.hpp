#pragma once
// `runload gear`: the athlete's shoes (DESIGN.md section 6). Adding,
// editing, assigning runs to a shoe, the default shoe, retiring, and the
// list with each shoe's distance against its limit. The values a runner
// types are checked here, each error naming its option.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <runload/app/session.hpp>
#include <runload/model/gear.hpp>

namespace runload::app {

// The values `gear add` and `gear edit` were given; nullopt: not given (edit
// keeps the stored value).
struct GearValues {
  std::optional<std::string> rename;  // edit --name
  std::optional<std::string> brand;
  std::optional<std::string> model;
  std::optional<double> drop_mm;
  std::optional<double> stack_mm;
  std::optional<bool> minimalist;
  std::optional<double> limit_km;
  std::optional<date::sys_days> since;
};

// The accepted ranges (and the schema's CHECKs): a heel drop of -5 to 30 mm,
// a stack of 0 to 80 mm, a limit of 1 to 10000 km.
constexpr double k_min_drop_mm = -5.0;
constexpr double k_max_drop_mm = 30.0;
constexpr double k_max_stack_mm = 80.0;
constexpr double k_min_limit_km = 1.0;
constexpr double k_max_limit_km = 10000.0;

// Adds the shoe `name`. Throws UsageError for a bad value or a name taken.
void add_gear(Session& session, const std::string& name, const GearValues& values);
// Changes the values given. Throws UsageError for a bad value, an unknown
// shoe or a new name taken.
void edit_gear(Session& session, const std::string& name, const GearValues& values);

// Every shoe of the athlete, by name, with its use.
std::vector<model::GearUsage> list_gear(Session& session);

// Makes the activities `ids` name the shoe; returns how many changed.
int assign_gear(Session& session, const std::vector<std::int64_t>& ids, const std::string& name);
// The same for every run with a local date in [from, to].
int assign_gear_range(Session& session, date::sys_days from, date::sys_days to,
                      const std::string& name);
// Makes `name` the default shoe; returns how many runs without one it was given.
int set_default_gear(Session& session, const std::string& name);
// Retires the shoe on `day` (nullopt: today); `undo` puts it back in use. A
// retired default shoe stops being the default. Returns the day retired.
std::optional<date::sys_days> retire_gear(Session& session, const std::string& name,
                                          std::optional<date::sys_days> day, bool undo);

// `gear list --json`: an array by name, each with name, brand, model,
// distance_km, runs, first_use, last_use, drop_mm, stack_mm, minimalist,
// limit_km (its own or the default), limit_share, retired, retired_on and
// default; unknown values null.
nlohmann::ordered_json gear_json(const std::vector<model::GearUsage>& shoes,
                                 double default_limit_km);

}  // namespace runload::app
