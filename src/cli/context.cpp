#include <cli/context.hpp>

#include <unistd.h>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/db_path.hpp>

namespace runload::cli {

bool Context::stdin_is_terminal() const {
  return ::isatty(STDIN_FILENO) == 1;
}
bool Context::stdout_is_terminal() const {
  return ::isatty(::fileno(out)) == 1;
}
bool Context::stderr_is_terminal() const {
  return ::isatty(::fileno(err)) == 1;
}

report::ColorMode Context::color_mode() const {
  const auto mode = report::color_mode_from_string(options.color);
  if (!mode)
    throw UsageError(fmt::format("--color must be auto, always or never, not '{}'", options.color));
  return *mode;
}

report::Palette Context::out_palette() const {
  const auto env = store::process_env();
  return {report::use_color(color_mode(), stdout_is_terminal(), env("TERM"), env("NO_COLOR"))};
}

report::Palette Context::err_palette() const {
  const auto env = store::process_env();
  return {report::use_color(color_mode(), stderr_is_terminal(), env("TERM"), env("NO_COLOR"))};
}

store::Database& Context::database(store::OpenMode mode) {
  if (m_db) return *m_db;
  const auto path = store::resolve_db_path(options.db, store::process_env());
  m_db.emplace(store::Database::open(path, mode));
  const auto& event = m_db->open_event();
  if (event.created) {
    note(fmt::format("created database {}", path.string()));
  } else if (event.from_version != event.to_version) {
    note(fmt::format("upgraded database {} from schema {} to {}{}", path.string(),
                     event.from_version, event.to_version,
                     event.backup ? fmt::format(" (backup: {})", event.backup->string()) : ""));
  }
  return *m_db;
}

const store::Athlete& Context::athlete() {
  if (!m_athlete) {
    auto& db = database();
    m_athlete = store::resolve_athlete(db, {options.athlete, options.tz});
    if (m_athlete->previous_timezone) {
      note(fmt::format("time zone of {} changed from {} to {}", m_athlete->athlete.name,
                       *m_athlete->previous_timezone, m_athlete->athlete.timezone));
      const auto rederived = store::ActivityRepository(db).rederive_local_dates(
          m_athlete->athlete.id, m_athlete->athlete.timezone);
      note(
          fmt::format("re-derived the local times of {} activities from the new zone ({} moved "
                      "to another day)",
                      rederived.offsets_changed, rederived.dates_changed));
    }
  }
  return m_athlete->athlete;
}

void Context::note(const std::string& message) const {
  if (!options.quiet) fmt::print(err, "runload: {}\n", message);
}

void Context::warn(const std::string& message) const {
  fmt::print(err, "runload: warning: {}\n", message);
}

}  // namespace runload::cli
