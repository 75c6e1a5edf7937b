#pragma once
// The athletes of a database (DESIGN.md section 6, --athlete and --tz).

#include <cstdint>
#include <optional>
#include <string>

namespace runload::store {

class Database;

struct Athlete {
  std::int64_t id = 0;
  std::string name;
  std::string timezone;  // IANA name
};

struct AthleteRequest {
  std::optional<std::string> name;      // --athlete
  std::optional<std::string> timezone;  // --tz
};

struct ResolvedAthlete {
  Athlete athlete;
  bool created = false;
  // Set when --tz changed the stored zone: the zone it replaced.
  std::optional<std::string> previous_timezone;
};

// The system's IANA zone: $TZ when it names a known zone, else /etc/localtime,
// else "UTC".
std::string system_time_zone();

// The login name of the user running runload, for the default athlete.
std::string login_name();

// Throws UsageError naming the zone when `zone` is not a known IANA zone.
void check_time_zone(const std::string& zone);

// Picks the athlete a command works on. With a name: that athlete, created
// when absent. Without: the only athlete, or a new one named login_name()
// when there is none; several athletes without --athlete is a UsageError.
// A new athlete takes request.timezone, else system_time_zone(). An existing
// athlete given another zone has it changed (the caller re-derives dates).
// `may_create` false (read-only commands) reports a missing athlete instead.
ResolvedAthlete resolve_athlete(Database& db, const AthleteRequest& request,
                                bool may_create = true);

}  // namespace runload::store
