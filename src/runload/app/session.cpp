#include <runload/app/session.hpp>

#include <chrono>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/validation.hpp>
#include <runload/store/activity_repository.hpp>

namespace runload::app {

Session::Session(SessionOptions options, store::EnvLookup env, NoteFunction note)
    : m_options(std::move(options)), m_env(std::move(env)), m_note(std::move(note)) {}

std::filesystem::path Session::database_path() const {
  return store::resolve_db_path(m_options.db, m_env);
}

store::Database& Session::database(store::OpenMode mode) {
  if (m_db) return *m_db;
  const auto path = database_path();
  m_db.emplace(store::Database::open(path, mode));
  const auto& event = m_db->open_event();
  if (event.created) {
    m_note(fmt::format("created database {}", path.string()));
  } else if (event.from_version != event.to_version) {
    m_note(fmt::format("upgraded database {} from schema {} to {}{}", path.string(),
                       event.from_version, event.to_version,
                       event.backup ? fmt::format(" (backup: {})", event.backup->string()) : ""));
  }
  return *m_db;
}

const store::Athlete& Session::athlete() {
  if (m_athlete) return m_athlete->athlete;
  auto& db = database();
  m_athlete = store::resolve_athlete(db, {m_options.athlete, m_options.tz});
  if (m_athlete->previous_timezone) {
    const auto& athlete = m_athlete->athlete;
    m_note(fmt::format("time zone of {} changed from {} to {}", athlete.name,
                       *m_athlete->previous_timezone, athlete.timezone));
    const auto rederived =
        store::ActivityRepository(db).rederive_local_dates(athlete.id, athlete.timezone);
    m_note(
        fmt::format("re-derived the local times of {} activities from the new zone ({} moved "
                    "to another day)",
                    rederived.offsets_changed, rederived.dates_changed));
  }
  return m_athlete->athlete;
}

const date::time_zone* Session::zone() {
  const auto& name = athlete().timezone;
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    throw DatabaseError(
        fmt::format("the athlete's stored time zone '{}' is unknown: {}", name, e.what()));
  }
}

date::sys_days Session::today() {
  return journal::local_today(std::chrono::system_clock::now(), zone());
}

}  // namespace runload::app
