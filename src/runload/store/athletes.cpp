#include <runload/store/athletes.hpp>

#include <pwd.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/database.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::store {
namespace {

constexpr const char* k_select = "SELECT id, name, timezone FROM athletes";

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

std::optional<Athlete> find_by_name(Database& db, std::string_view name) {
  SQLite::Statement query(db.sql(), fmt::format("{} WHERE name = ?", k_select));
  query.bind(1, std::string(name));
  if (!query.executeStep()) return std::nullopt;
  return read_athlete(query);
}

std::vector<std::string> names_of(const std::vector<Athlete>& athletes) {
  std::vector<std::string> names;
  for (const auto& a : athletes) names.push_back(a.name);
  return names;
}

// "'ann', 'bob'" for messages.
std::string quoted_names(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& name : names) quoted.push_back(fmt::format("'{}'", text::terminal_safe(name)));
  return fmt::format("{}", fmt::join(quoted, ", "));
}

[[noreturn]] void unknown_athlete(Database& db, std::string_view name, std::string_view option) {
  const auto names = names_of(list_athletes(db));
  if (names.empty())
    throw UsageError(fmt::format(
        "{} '{}': this database holds no athletes yet (a writing command such as 'runload "
        "import' or 'runload journal' creates one)",
        option, text::terminal_safe(name)));
  throw UsageError(fmt::format("{} '{}': no such athlete{}; the athletes are {}", option,
                               text::terminal_safe(name), text::did_you_mean(name, names),
                               quoted_names(names)));
}

// An existing athlete given a zone that is not theirs: the zone is set once.
void refuse_other_zone(const Athlete& athlete, const std::optional<std::string>& zone) {
  if (!zone || *zone == athlete.timezone) return;
  throw UsageError(fmt::format(
      "--tz {}: the time zone of '{}' is {}; --tz applies only when an athlete is created. To "
      "change it (local dates are re-derived): runload athletes set {} --tz {}",
      text::terminal_safe(*zone), text::terminal_safe(athlete.name), athlete.timezone,
      text::terminal_safe(athlete.name), text::terminal_safe(*zone)));
}

Athlete create(Database& db, const std::string& name, const std::string& zone, bool& created) {
  auto& sql = db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement insert(sql,
                           "INSERT INTO athletes(name, timezone, created_at) VALUES(?, ?, ?) "
                           "ON CONFLICT(name) DO NOTHING");
  insert.bind(1, name);
  insert.bind(2, zone);
  insert.bind(3, utc_now_iso());
  created = insert.exec() > 0;
  tx.commit();
  // Read back: another process may have created the same athlete first.
  const auto stored = find_by_name(db, name);
  if (!stored) throw DatabaseError(fmt::format("athlete '{}' was not stored", name));
  return *stored;
}

std::int64_t count_of(Database& db, const char* table, std::int64_t athlete_id) {
  SQLite::Statement query(db.sql(),
                          fmt::format("SELECT count(*) FROM {} WHERE athlete_id = ?", table));
  query.bind(1, athlete_id);
  query.executeStep();
  return query.getColumn(0).getInt64();
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
  if (is_known_zone(zone)) return;
  std::vector<std::string> zones;
  try {
    for (const auto& z : date::get_tzdb().zones) zones.emplace_back(z.name());
  } catch (const std::exception&) {
    // No tz database to suggest from; the message still names the zone.
  }
  throw UsageError(
      fmt::format("unknown time zone '{}'{} (expected an IANA name such as Europe/Berlin)",
                  text::terminal_safe(zone), text::did_you_mean(zone, zones)));
}

void check_athlete_name(std::string_view name, std::string_view option) {
  if (const auto problem = text::printable_text_problem(name))
    throw UsageError(fmt::format("{} '{}' {}: an athlete's name must be printable text", option,
                                 text::terminal_safe(name), *problem));
}

ResolvedAthlete resolve_athlete(Database& db, const AthleteRequest& request, AthleteUse use) {
  if (request.name) check_athlete_name(*request.name, "--athlete");
  if (request.timezone) check_time_zone(*request.timezone);
  ResolvedAthlete result;

  std::optional<Athlete> found;
  if (request.name) {
    found = find_by_name(db, *request.name);
    if (!found && use == AthleteUse::existing) unknown_athlete(db, *request.name, "--athlete");
  } else {
    const auto athletes = list_athletes(db);
    if (athletes.size() > 1)
      throw UsageError(
          fmt::format("this database holds several athletes ({}); choose one with --athlete NAME",
                      quoted_names(names_of(athletes))));
    if (!athletes.empty()) found = athletes.front();
  }
  if (found) {
    refuse_other_zone(*found, request.timezone);
    result.athlete = *found;
    return result;
  }

  const std::string name = request.name.value_or(login_name());
  const std::string zone = request.timezone.value_or(system_time_zone());
  if (use != AthleteUse::create) {
    result.athlete = Athlete{0, name, zone};
    result.stored = false;
    return result;
  }
  check_athlete_name(name, "the login name");
  result.athlete = create(db, name, zone, result.created);
  // Created by another process at the same moment with another zone.
  refuse_other_zone(result.athlete, request.timezone);
  return result;
}

std::vector<Athlete> list_athletes(Database& db) {
  SQLite::Statement query(db.sql(), fmt::format("{} ORDER BY name, id", k_select));
  std::vector<Athlete> athletes;
  while (query.executeStep()) athletes.push_back(read_athlete(query));
  return athletes;
}

std::vector<AthleteSummary> athlete_summaries(Database& db) {
  SQLite::Statement query(
      db.sql(),
      "SELECT a.id, a.name, a.timezone, a.created_at, "
      "(SELECT count(*) FROM activities WHERE athlete_id = a.id), "
      "(SELECT count(*) FROM activities WHERE athlete_id = a.id AND sport IN ('run', "
      "'trail_run', 'treadmill_run', 'virtual_run')), "
      "(SELECT count(*) FROM journal_entries WHERE athlete_id = a.id), "
      "(SELECT min(local_date) FROM activities WHERE athlete_id = a.id), "
      "(SELECT max(local_date) FROM activities WHERE athlete_id = a.id) "
      "FROM athletes a ORDER BY a.name, a.id");
  std::vector<AthleteSummary> summaries;
  while (query.executeStep()) {
    AthleteSummary s;
    s.athlete = read_athlete(query);
    s.created_at = query.getColumn(3).getString();
    s.activities = query.getColumn(4).getInt64();
    s.runs = query.getColumn(5).getInt64();
    s.journal_entries = query.getColumn(6).getInt64();
    // A local date a report cannot use (see ActivityRepository) reads as unknown here.
    if (!query.getColumn(7).isNull())
      s.first_activity = model::parse_date(query.getColumn(7).getString());
    if (!query.getColumn(8).isNull())
      s.last_activity = model::parse_date(query.getColumn(8).getString());
    summaries.push_back(std::move(s));
  }
  return summaries;
}

Athlete find_athlete(Database& db, std::string_view name, std::string_view option) {
  auto found = find_by_name(db, name);
  if (!found) unknown_athlete(db, name, option);
  return *found;
}

void rename_athlete(Database& db, const Athlete& athlete, const std::string& new_name) {
  check_athlete_name(new_name, "NEW");
  auto& sql = db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  if (const auto other = find_by_name(db, new_name); other && other->id != athlete.id)
    throw UsageError(fmt::format("an athlete named '{}' exists already; choose another name",
                                 text::terminal_safe(new_name)));
  SQLite::Statement update(sql, "UPDATE athletes SET name = ? WHERE id = ?");
  update.bind(1, new_name);
  update.bind(2, athlete.id);
  update.exec();
  tx.commit();
}

DeletedAthlete athlete_contents(Database& db, const Athlete& athlete) {
  return DeletedAthlete{count_of(db, "activities", athlete.id),
                        count_of(db, "journal_entries", athlete.id),
                        count_of(db, "imported_files", athlete.id)};
}

DeletedAthlete delete_athlete(Database& db, const Athlete& athlete) {
  auto& sql = db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  const auto contents = athlete_contents(db, athlete);
  // Every table of an athlete's refers to athletes(id) ON DELETE CASCADE
  // (activity_sources and deleted_activity_files through their parents).
  SQLite::Statement remove(sql, "DELETE FROM athletes WHERE id = ?");
  remove.bind(1, athlete.id);
  remove.exec();
  tx.commit();
  return contents;
}

ZoneChange set_time_zone(Database& db, const Athlete& athlete, const std::string& zone) {
  check_time_zone(zone);
  auto& sql = db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement update(sql, "UPDATE athletes SET timezone = ? WHERE id = ?");
  update.bind(1, zone);
  update.bind(2, athlete.id);
  update.exec();
  const auto rederived = ActivityRepository(db).rederive_local_dates(athlete.id, zone);
  tx.commit();
  return ZoneChange{athlete.timezone,          rederived.instants_kept,  rederived.dates_changed,
                    rederived.wall_times_kept, rederived.instants_moved, rederived.file_offsets};
}

}  // namespace runload::store
