#include <runload/app/session.hpp>

#include <chrono>

#include <fmt/format.h>

#include <runload/app/doctor_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/validation.hpp>

namespace runload::app {

Session::Session(SessionOptions options, store::EnvLookup env, NoteFunction note)
    : m_options(std::move(options)), m_env(std::move(env)), m_note(std::move(note)) {}

std::filesystem::path Session::database_path() const {
  return store::resolve_db_path(m_options.db, m_env);
}

store::Database& Session::database(Access access) {
  const auto path = database_path();
  if (!m_db) {
    try {
      m_db.emplace(store::Database::open(
          path, access == Access::write ? store::OpenMode::create : store::OpenMode::existing));
    } catch (const store::MissingDatabaseError&) {
      throw DatabaseError(fmt::format(
          "there is no database at {} yet; 'runload import FILE...' or 'runload journal' "
          "creates it (--db or RUNLOAD_DB chooses another)",
          path.string()));
    }
    const auto& event = m_db->open_event();
    if (event.created) {
      m_note(fmt::format("created database {}", path.string()));
    } else if (event.from_version != event.to_version) {
      m_note(fmt::format("upgraded database {} from schema {} to {}{}", path.string(),
                         event.from_version, event.to_version,
                         event.backup ? fmt::format(" (backup: {})", event.backup->string()) : ""));
    }
  }
  if (access == Access::write && !m_checked_for_writing) {
    try {
      m_db->check_writable();
    } catch (const store::DamagedDatabaseError& e) {
      throw DatabaseError(fmt::format("{}\n{}", e.what(), recovery_advice(path)));
    }
    m_checked_for_writing = true;
  }
  return *m_db;
}

const store::ResolvedAthlete& Session::athlete_resolved(Access access) {
  // A reading lookup that found no athlete is not kept: a write may create it.
  if (m_athlete && (m_athlete->stored || access == Access::read)) return *m_athlete;
  auto& db = database(access);
  m_athlete = store::resolve_athlete(
      db, {m_options.athlete, m_options.tz},
      access == Access::write ? store::AthleteUse::create : store::AthleteUse::existing);
  if (m_athlete->created)
    m_note(fmt::format("created athlete '{}' (time zone {})", m_athlete->athlete.name,
                       m_athlete->athlete.timezone));
  return *m_athlete;
}

const store::Athlete& Session::athlete(Access access) {
  return athlete_resolved(access).athlete;
}

std::optional<store::Athlete> Session::athlete_before_writing() {
  if (m_athlete && m_athlete->stored) return m_athlete->athlete;
  std::error_code ec;
  if (!m_db && (std::filesystem::file_size(database_path(), ec) == 0 || ec)) {
    // Nothing stored yet; the options are still checked now, not after a
    // database was created for them.
    if (m_options.athlete) store::check_athlete_name(*m_options.athlete, "--athlete");
    if (m_options.tz) store::check_time_zone(*m_options.tz);
    return std::nullopt;
  }
  auto peeked = store::resolve_athlete(database(Access::write), {m_options.athlete, m_options.tz},
                                       store::AthleteUse::peek);
  if (!peeked.stored) return std::nullopt;
  m_athlete = std::move(peeked);
  return m_athlete->athlete;
}

const date::time_zone* Session::zone(Access access) {
  std::string name;
  if (m_athlete && (m_athlete->stored || access == Access::read)) {
    name = m_athlete->athlete.timezone;
  } else if (access == Access::read) {
    std::error_code ec;
    if (!m_db && (std::filesystem::file_size(database_path(), ec) == 0 || ec)) {
      if (m_options.tz) store::check_time_zone(*m_options.tz);
      name = m_options.tz.value_or(store::system_time_zone());
    } else {
      name = athlete(Access::read).timezone;
    }
  } else if (const auto stored = athlete_before_writing()) {
    name = stored->timezone;
  } else {
    // The zone the athlete will be created with.
    name = m_options.tz.value_or(store::system_time_zone());
  }
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    throw DatabaseError(
        fmt::format("the athlete's stored time zone '{}' is unknown: {}", name, e.what()));
  }
}

date::sys_days Session::today(Access access) {
  return journal::local_today(std::chrono::system_clock::now(), zone(access));
}

}  // namespace runload::app
