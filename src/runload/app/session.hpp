#pragma once
// What every command works on: the database and the athlete, opened and
// resolved on first use, and the athlete's today. The core's half of the
// global options (--db, --athlete, --tz); the command line's half is in
// cli/context.
//
// Reading never creates: a use case that only reads asks for Access::read,
// which opens an existing database (never a new file or folder) and finds an
// existing athlete (never a new one). Access::write creates the database and
// the athlete on first use, and refuses a database that is read-only or
// fails SQLite's quick check before anything is written.

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

enum class Access { read, write };

// A line for the user ("created database ..."); the command line prints it.
using NoteFunction = std::function<void(const std::string&)>;

class Session {
 public:
  // `env` resolves the database path and reads the process's settings;
  // `note` receives what opening and resolving did.
  Session(SessionOptions options, store::EnvLookup env, NoteFunction note);

  // The database of --db / $RUNLOAD_DB / the XDG default, opened on the
  // first call and noted when it was created or upgraded.
  // Access::read: a missing database is a DatabaseError saying how to start.
  // Access::write: created when missing; a read-only database is a
  // DatabaseError saying why it cannot be written, one that fails SQLite's
  // quick check a DatabaseError with the recovery advice of `doctor`
  // (checked once, before the first write).
  // Throws UsageError for a path that cannot be a database (store::resolve_db_path,
  // a folder).
  store::Database& database(Access access);

  // The path database() opens, without opening it.
  std::filesystem::path database_path() const;

  // The athlete of --athlete/--tz (store::resolve_athlete); Access::write
  // creates it on first use (noted). Opens the database as database(access).
  const store::Athlete& athlete(Access access);

  // False when reading found no athlete at all in the database (nothing was
  // named): the athlete() is the one a writing command would create.
  bool athlete_stored(Access access) { return athlete_resolved(access).stored; }

  // For a writing command before it writes: the stored athlete it will work
  // on, or nullopt when that athlete (or the database) does not exist yet.
  // Creates nothing; an existing database is opened as database(Access::write)
  // (so a read-only or damaged one is refused before any question is asked).
  std::optional<store::Athlete> athlete_before_writing();

  // The athlete's zone, without creating anything: the stored athlete's, or
  // the one a new athlete would get (--tz, else the system's). With
  // Access::read an unknown athlete is a UsageError (as athlete()); with
  // Access::write it is the athlete the command will create, so a command can
  // check its dates before anything is created. Throws DatabaseError when a
  // stored name is not a zone this machine knows.
  const date::time_zone* zone(Access access);

  // The local date now in zone(access).
  date::sys_days today(Access access);

  const store::EnvLookup& env() const noexcept { return m_env; }

 private:
  const store::ResolvedAthlete& athlete_resolved(Access access);

  SessionOptions m_options;
  store::EnvLookup m_env;
  NoteFunction m_note;
  std::optional<store::Database> m_db;
  bool m_checked_for_writing = false;
  std::optional<store::ResolvedAthlete> m_athlete;
};

}  // namespace runload::app
