#pragma once
// The athletes of a database (DESIGN.md section 6: --athlete, --tz and the
// `athletes` commands). An athlete's zone is set when it is created and
// changed only by set_time_zone(), which re-derives the local dates.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

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

// Whether resolving may create the athlete.
enum class AthleteUse {
  existing,  // the reading commands: never create; an unknown name is an error
  create,    // the writing commands: created on first use
  // What a writing command will work on, before it writes: never create; an
  // unknown name gives the athlete it would create (stored == false).
  peek,
};

struct ResolvedAthlete {
  Athlete athlete;
  bool created = false;
  // False when the database holds no athlete yet and none was named: the
  // athlete is the one a writing command would create (id 0), and reading
  // finds nothing of it.
  bool stored = true;
};

// The system's IANA zone: $TZ when it names a known zone, else /etc/localtime,
// else "UTC".
std::string system_time_zone();

// The login name of the user running runload, for the default athlete.
std::string login_name();

// Throws UsageError naming the zone when `zone` is not a known IANA zone
// (with the nearest known name when one is close).
void check_time_zone(const std::string& zone);

// Throws UsageError when `name` cannot name an athlete: it must be
// non-empty printable text (text::printable_text_problem). `option` names
// where it came from ("--athlete", "NEW").
void check_athlete_name(std::string_view name, std::string_view option);

// Picks the athlete a command works on. With a name: that athlete. Without:
// the only one, or, in a database without athletes, a new one named
// login_name(). A new athlete takes request.timezone, else
// system_time_zone(); an existing one given another zone is a UsageError
// naming `runload athletes set NAME --tz ZONE`, the one way to change it.
// With AthleteUse::existing nothing is created: a name no athlete has is a
// UsageError listing the athletes there are (and the nearest); a database
// without athletes gives ResolvedAthlete::stored == false, as does an
// unknown name with AthleteUse::peek.
// Several athletes without a name is a UsageError naming them.
ResolvedAthlete resolve_athlete(Database& db, const AthleteRequest& request,
                                AthleteUse use = AthleteUse::create);

// Every athlete, by name.
std::vector<Athlete> list_athletes(Database& db);

// What `runload athletes` shows of one athlete.
struct AthleteSummary {
  Athlete athlete;
  std::string created_at;  // UTC, ISO 8601
  std::int64_t activities = 0;
  std::int64_t runs = 0;  // activities of a running sport
  std::int64_t journal_entries = 0;
  std::optional<date::sys_days> first_activity;  // local dates
  std::optional<date::sys_days> last_activity;
};

std::vector<AthleteSummary> athlete_summaries(Database& db);

// The athlete named `name`; UsageError, listing the athletes and the
// nearest, when there is none. `option` names where the name came from.
Athlete find_athlete(Database& db, std::string_view name, std::string_view option);

// Renames the athlete. Throws UsageError when `new_name` is not printable
// text or another athlete has it.
void rename_athlete(Database& db, const Athlete& athlete, const std::string& new_name);

// What deleting an athlete removed.
struct DeletedAthlete {
  std::int64_t activities = 0;
  std::int64_t journal_entries = 0;
  std::int64_t imported_files = 0;
};

// How much delete_athlete() would remove, without removing it.
DeletedAthlete athlete_contents(Database& db, const Athlete& athlete);

// Deletes the athlete and everything of theirs (activities, sources,
// imported and failed files, deleted-activity records, journal and its
// history), in one transaction.
DeletedAthlete delete_athlete(Database& db, const Athlete& athlete);

// What changing a zone did to the stored activities.
struct ZoneChange {
  std::string previous;
  // Activities that started at a UTC instant (offset from the zone): the
  // instant is kept, the offset re-derived; of which how many moved to
  // another local day.
  std::int64_t instants_kept = 0;
  std::int64_t dates_moved = 0;
  // Activities written in wall-clock time (Garmin Connect, runload's CSV):
  // the wall time is kept, the UTC instant re-derived; of which how many
  // instants moved.
  std::int64_t wall_times_kept = 0;
  std::int64_t instants_moved = 0;
  // Activities whose file stated its offset: unchanged.
  std::int64_t file_offsets = 0;
};

// Sets the athlete's zone and re-derives the offsets, instants and local
// dates of their activities (see ZoneChange), in one transaction.
// Throws UsageError for an unknown zone.
ZoneChange set_time_zone(Database& db, const Athlete& athlete, const std::string& zone);

}  // namespace runload::store
