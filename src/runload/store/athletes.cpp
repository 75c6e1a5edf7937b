#include <runload/store/athletes.hpp>

#include <pwd.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include <runload/error.hpp>
#include <runload/store/database.hpp>

namespace runload::store {
namespace {

bool is_known_zone(const std::string& zone) {
  try {
    (void)date::locate_zone(zone);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string utc_now_iso() {
  return date::format("%Y-%m-%dT%H:%M:%SZ",
                      date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Athlete read_athlete(SQLite::Statement& query) {
  return Athlete{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                 query.getColumn(2).getString()};
}

}  // namespace

std::string system_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    std::string name = *tz == ':' ? tz + 1 : tz;
    if (is_known_zone(name)) return name;
  }
  try {
    return std::string(date::current_zone()->name());
  } catch (const std::exception&) {
    return "UTC";  // no /etc/localtime, as in minimal containers
  }
}

std::string login_name() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr)
    return pw->pw_name;
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "runner";
}

void check_time_zone(const std::string& zone) {
  if (!is_known_zone(zone))
    throw UsageError(
        fmt::format("unknown time zone '{}' (expected an IANA name such as "
                    "Europe/Berlin)",
                    zone));
}

ResolvedAthlete resolve_athlete(Database& db, const AthleteRequest& request, bool may_create) {
  if (request.timezone) check_time_zone(*request.timezone);
  auto& sql = db.sql();
  ResolvedAthlete result;

  std::optional<Athlete> found;
  if (request.name) {
    SQLite::Statement query(sql, "SELECT id, name, timezone FROM athletes WHERE name = ?");
    query.bind(1, *request.name);
    if (query.executeStep()) found = read_athlete(query);
  } else {
    SQLite::Statement query(sql, "SELECT id, name, timezone FROM athletes ORDER BY id LIMIT 2");
    if (query.executeStep()) {
      found = read_athlete(query);
      if (query.executeStep())
        throw UsageError("this database holds several athletes; choose one with --athlete NAME");
    }
  }

  if (!found) {
    const std::string name = request.name.value_or(login_name());
    if (!may_create || db.read_only())
      return ResolvedAthlete{Athlete{0, name, request.timezone.value_or(system_time_zone())}, false,
                             std::nullopt};
    SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(sql,
                             "INSERT INTO athletes(name, timezone, created_at) VALUES(?, ?, ?) "
                             "ON CONFLICT(name) DO NOTHING");
    insert.bind(1, name);
    insert.bind(2, request.timezone.value_or(system_time_zone()));
    insert.bind(3, utc_now_iso());
    const int inserted = insert.exec();
    tx.commit();
    // Read back: another process may have created the same athlete first.
    SQLite::Statement query(sql, "SELECT id, name, timezone FROM athletes WHERE name = ?");
    query.bind(1, name);
    query.executeStep();
    result.athlete = read_athlete(query);
    result.created = inserted > 0;
    return result;
  }

  result.athlete = *found;
  if (request.timezone && *request.timezone != found->timezone && may_create && !db.read_only()) {
    SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement update(sql, "UPDATE athletes SET timezone = ? WHERE id = ?");
    update.bind(1, *request.timezone);
    update.bind(2, found->id);
    update.exec();
    tx.commit();
    result.previous_timezone = found->timezone;
    result.athlete.timezone = *request.timezone;
  }
  return result;
}

}  // namespace runload::store
