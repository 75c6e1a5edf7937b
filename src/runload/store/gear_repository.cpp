#include <runload/store/gear_repository.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/database.hpp>
#include <runload/store/running_sql.hpp>

namespace runload::store {
namespace {

constexpr const char* k_gear_columns =
    "name, brand, model, drop_mm, stack_mm, minimalist, limit_km, since, retired_on, is_default";
// The running sports (DESIGN.md section 3), whose distance a shoe carries.
constexpr std::string_view k_running = k_running_sports_sql;

std::optional<std::string> text_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<double> real_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

std::optional<date::sys_days> day_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  const auto day = model::parse_date(c.getString());
  if (!day) throw DatabaseError(fmt::format("gear holds a bad date '{}'", c.getString()));
  return day;
}

// Reads the k_gear_columns starting at column `first`.
model::Gear read_gear(SQLite::Statement& q, int first = 0) {
  model::Gear g;
  g.name = q.getColumn(first).getString();
  g.brand = text_of(q.getColumn(first + 1));
  g.model = text_of(q.getColumn(first + 2));
  g.drop_mm = real_of(q.getColumn(first + 3));
  g.stack_mm = real_of(q.getColumn(first + 4));
  g.minimalist = q.getColumn(first + 5).getInt() != 0;
  g.limit_km = real_of(q.getColumn(first + 6));
  g.since = day_of(q.getColumn(first + 7));
  g.retired_on = day_of(q.getColumn(first + 8));
  g.is_default = q.getColumn(first + 9).getInt() != 0;
  return g;
}

template <typename T>
void bind_optional(SQLite::Statement& s, int index, const std::optional<T>& value) {
  if (value)
    s.bind(index, *value);
  else
    s.bind(index);
}

void bind_day(SQLite::Statement& s, int index, const std::optional<date::sys_days>& day) {
  if (day)
    s.bind(index, model::format_date(*day));
  else
    s.bind(index);
}

// Binds the k_gear_columns from index `first` on.
void bind_gear(SQLite::Statement& s, int first, const model::Gear& g) {
  s.bind(first, g.name);
  bind_optional(s, first + 1, g.brand);
  bind_optional(s, first + 2, g.model);
  bind_optional(s, first + 3, g.drop_mm);
  bind_optional(s, first + 4, g.stack_mm);
  s.bind(first + 5, g.minimalist ? 1 : 0);
  bind_optional(s, first + 6, g.limit_km);
  bind_day(s, first + 7, g.since);
  bind_day(s, first + 8, g.retired_on);
  s.bind(first + 9, g.is_default ? 1 : 0);
}

std::string now_iso() {
  return model::format_utc(date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

GearRepository::GearRepository(Database& db, std::int64_t athlete_id)
    : m_db(db), m_athlete_id(athlete_id) {}

std::vector<model::GearUsage> GearRepository::list() {
  SQLite::Statement q(
      m_db.sql(),
      fmt::format("SELECT {0}, (SELECT coalesce(sum(distance_m), 0) FROM activities a WHERE "
                  "a.athlete_id = g.athlete_id AND a.gear = g.name AND a.sport IN {1}), (SELECT "
                  "count(*) FROM activities a WHERE a.athlete_id = g.athlete_id AND a.gear = "
                  "g.name AND a.sport IN {1}), (SELECT min(local_date) FROM activities a WHERE "
                  "a.athlete_id = g.athlete_id AND a.gear = g.name AND a.sport IN {1}), (SELECT "
                  "max(local_date) FROM activities a WHERE a.athlete_id = g.athlete_id AND a.gear "
                  "= g.name AND a.sport IN {1}) FROM gear g WHERE g.athlete_id = ? ORDER BY "
                  "g.name",
                  k_gear_columns, k_running));
  q.bind(1, m_athlete_id);
  std::vector<model::GearUsage> out;
  while (q.executeStep()) {
    model::GearUsage u;
    u.gear = read_gear(q);
    u.distance_m = q.getColumn(10).getDouble();
    u.runs = q.getColumn(11).getInt();
    u.first_use = day_of(q.getColumn(12));
    u.last_use = day_of(q.getColumn(13));
    out.push_back(std::move(u));
  }
  return out;
}

std::optional<model::Gear> GearRepository::find(const std::string& name) {
  SQLite::Statement q(m_db.sql(), fmt::format("SELECT {} FROM gear WHERE athlete_id = ? AND "
                                              "name = ?",
                                              k_gear_columns));
  q.bind(1, m_athlete_id);
  q.bind(2, name);
  if (!q.executeStep()) return std::nullopt;
  return read_gear(q);
}

model::Gear GearRepository::require(const std::string& name) {
  auto found = find(name);
  if (!found) throw UsageError(fmt::format("no shoe named '{}'; see 'runload gear list'", name));
  return *found;
}

void GearRepository::add(const model::Gear& gear) {
  if (find(gear.name))
    throw UsageError(
        fmt::format("a shoe named '{}' exists; change it with 'runload gear edit'", gear.name));
  SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  if (gear.is_default)
    m_db.sql().exec(
        fmt::format("UPDATE gear SET is_default = 0 WHERE "
                    "athlete_id = {}",
                    m_athlete_id));
  SQLite::Statement s(m_db.sql(), fmt::format("INSERT INTO gear(athlete_id, {}, created_at) "
                                              "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                              k_gear_columns));
  s.bind(1, m_athlete_id);
  bind_gear(s, 2, gear);
  s.bind(12, now_iso());
  s.exec();
  tx.commit();
}

void GearRepository::update(const std::string& name, const model::Gear& values) {
  require(name);
  if (values.name != name && find(values.name))
    throw UsageError(fmt::format("a shoe named '{}' exists", values.name));
  SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement s(m_db.sql(),
                      "UPDATE gear SET name = ?, brand = ?, model = ?, drop_mm = ?, stack_mm = ?, "
                      "minimalist = ?, limit_km = ?, since = ?, retired_on = ?, is_default = ? "
                      "WHERE athlete_id = ? AND name = ?");
  bind_gear(s, 1, values);
  s.bind(11, m_athlete_id);
  s.bind(12, name);
  s.exec();
  if (values.name != name) {
    SQLite::Statement rename(m_db.sql(),
                             "UPDATE activities SET gear = ? WHERE athlete_id = ? AND gear = ?");
    rename.bind(1, values.name);
    rename.bind(2, m_athlete_id);
    rename.bind(3, name);
    rename.exec();
  }
  tx.commit();
}

bool GearRepository::ensure(const model::Gear& gear) {
  SQLite::Statement s(m_db.sql(),
                      "INSERT INTO gear(athlete_id, name, brand, model, created_at) "
                      "VALUES(?, ?, ?, ?, ?) ON CONFLICT(athlete_id, name) DO UPDATE SET "
                      "brand = coalesce(brand, excluded.brand), model = coalesce(model, "
                      "excluded.model)");
  s.bind(1, m_athlete_id);
  s.bind(2, gear.name);
  bind_optional(s, 3, gear.brand);
  bind_optional(s, 4, gear.model);
  s.bind(5, now_iso());
  const bool existed = find(gear.name).has_value();
  s.exec();
  return !existed;
}

int GearRepository::assign(std::span<const std::int64_t> ids, const std::string& name) {
  require(name);
  SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement check(m_db.sql(),
                          "SELECT sport FROM activities WHERE athlete_id = ? AND id = ?");
  SQLite::Statement set(m_db.sql(),
                        "UPDATE activities SET gear = ? WHERE athlete_id = ? AND id = ? AND "
                        "gear IS NOT ?");
  int changed = 0;
  for (const auto id : ids) {
    check.bind(1, m_athlete_id);
    check.bind(2, id);
    if (!check.executeStep())
      throw UsageError(fmt::format("no activity {}; see 'runload runs'", id));
    check.reset();
    set.bind(1, name);
    set.bind(2, m_athlete_id);
    set.bind(3, id);
    set.bind(4, name);
    changed += set.exec();
    set.reset();
  }
  tx.commit();
  return changed;
}

int GearRepository::assign_range(date::sys_days from, date::sys_days to, const std::string& name) {
  require(name);
  SQLite::Statement s(m_db.sql(), fmt::format("UPDATE activities SET gear = ? WHERE athlete_id "
                                              "= ? AND local_date BETWEEN ? AND ? AND sport IN "
                                              "{} AND gear IS NOT ?",
                                              k_running));
  s.bind(1, name);
  s.bind(2, m_athlete_id);
  s.bind(3, model::format_date(from));
  s.bind(4, model::format_date(to));
  s.bind(5, name);
  return s.exec();
}

int GearRepository::set_default(const std::string& name) {
  const auto shoe = require(name);
  SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement flags(m_db.sql(),
                          "UPDATE gear SET is_default = (name = ?) WHERE athlete_id = ?");
  flags.bind(1, name);
  flags.bind(2, m_athlete_id);
  flags.exec();
  SQLite::Statement fill(m_db.sql(), fmt::format("UPDATE activities SET gear = ? WHERE "
                                                 "athlete_id = ? AND gear IS NULL AND sport IN "
                                                 "{} AND local_date >= ?",
                                                 k_running));
  fill.bind(1, name);
  fill.bind(2, m_athlete_id);
  fill.bind(3, shoe.since ? model::format_date(*shoe.since) : std::string());
  const int assigned = fill.exec();
  tx.commit();
  return assigned;
}

std::optional<std::string> GearRepository::default_name() {
  SQLite::Statement q(m_db.sql(),
                      "SELECT name FROM gear WHERE athlete_id = ? AND is_default = 1 LIMIT 1");
  q.bind(1, m_athlete_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::map<std::string, double> GearRepository::distance_before(date::sys_days day) {
  SQLite::Statement q(m_db.sql(), fmt::format("SELECT gear, sum(distance_m) FROM activities "
                                              "WHERE athlete_id = ? AND gear IS NOT NULL AND "
                                              "local_date < ? AND sport IN {} GROUP BY gear",
                                              k_running));
  q.bind(1, m_athlete_id);
  q.bind(2, model::format_date(day));
  std::map<std::string, double> out;
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getDouble();
  return out;
}

}  // namespace runload::store
