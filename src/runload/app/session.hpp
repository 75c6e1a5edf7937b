#pragma once
// What every command works on: the database and the athlete, opened and
// resolved on first use, and the athlete's today. The core's half of the
// global options (--db, --athlete, --tz); the command line's half is in
// cli/context.

#include <functional>
#include <optional>
#include <string>

#include <date/date.h>
#include <date/tz.h>

#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/db_path.hpp>

namespace runload::app {

struct SessionOptions {
  std::optional<std::string> db;       // --db
  std::optional<std::string> athlete;  // --athlete
  std::optional<std::string> tz;       // --tz
};

// A line for the user ("created database ..."); the command line prints it.
using NoteFunction = std::function<void(const std::string&)>;

class Session {
 public:
  // `env` resolves the database path and reads the process's settings;
  // `note` receives what opening and resolving did.
  Session(SessionOptions options, store::EnvLookup env, NoteFunction note);

  // The database of --db / $RUNLOAD_DB / the XDG default, opened on the first
  // call (created and migrated in read_write mode) and noted when it was
  // created or upgraded. Later calls return it whatever `mode` says.
  // Throws DatabaseError, UsageError (no path can be formed).
  store::Database& database(store::OpenMode mode = store::OpenMode::read_write);

  // The path database() opens, without opening it.
  std::filesystem::path database_path() const;

  // The athlete of --athlete/--tz (store::resolve_athlete), created on first
  // use. When --tz changed the stored zone, the local dates of the
  // activities whose offset came from the zone are re-derived, and both are
  // noted. Opens the database.
  const store::Athlete& athlete();

  // The athlete's zone. Throws DatabaseError when the stored name is not a
  // zone this machine knows.
  const date::time_zone* zone();

  // The local date now in the athlete's zone.
  date::sys_days today();

  const store::EnvLookup& env() const noexcept { return m_env; }

 private:
  SessionOptions m_options;
  store::EnvLookup m_env;
  NoteFunction m_note;
  std::optional<store::Database> m_db;
  std::optional<store::ResolvedAthlete> m_athlete;
};

}  // namespace runload::app
