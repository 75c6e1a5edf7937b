#pragma once
// A pair of running shoes (DESIGN.md section 2, footwear_transition,
// minimalist_volume, shoe_worn): what the runner knows of it. Activities
// name their shoe by name; the name is unique per athlete. Unknown values
// are nullopt, never 0: a shoe whose heel drop is unknown is never counted
// as a change of drop.

#include <optional>
#include <string>

#include <date/date.h>

namespace runload::model {

struct Gear {
  std::string name;  // "Brooks Ghost 15", as Strava's Activity Gear writes it
  std::optional<std::string> brand;
  std::optional<std::string> model;
  std::optional<double> drop_mm;   // heel-to-toe drop
  std::optional<double> stack_mm;  // heel stack height
  bool minimalist = false;
  // The distance after which the runner retires it; nullopt: the default
  // limit (rules::Thresholds::shoe_limit_km).
  std::optional<double> limit_km;
  std::optional<date::sys_days> since;       // first worn (informational)
  std::optional<date::sys_days> retired_on;  // no longer in use
  bool is_default = false;                   // for runs that name no shoe
};

// A shoe and what the running activities that name it add up to.
struct GearUsage {
  Gear gear;
  double distance_m = 0.0;
  int runs = 0;
  std::optional<date::sys_days> first_use;
  std::optional<date::sys_days> last_use;
};

}  // namespace runload::model
