#include <runload/store/tendon_repository.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/database.hpp>

namespace runload::store {
namespace {

std::string utc_now_iso() {
  return model::format_utc(date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

date::sys_days read_day(const SQLite::Column& column, std::string_view table) {
  const auto text = column.getString();
  const auto day = model::parse_date(text);
  if (!day) throw DatabaseError(fmt::format("{} holds a bad date '{}'", table, text));
  return *day;
}

std::optional<date::sys_days> read_optional_day(const SQLite::Column& column,
                                                std::string_view table) {
  if (column.isNull()) return std::nullopt;
  return read_day(column, table);
}

std::optional<int> read_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value)
    statement.bind(index, *value);
  else
    statement.bind(index);
}

void bind_optional_day(SQLite::Statement& statement, int index,
                       const std::optional<date::sys_days>& day) {
  if (day)
    statement.bind(index, model::format_date(*day));
  else
    statement.bind(index);
}

// Binds ?2 and ?3 of a "date BETWEEN ?2 AND ?3" query; the open ends lie
// beyond any real day, and dates as text compare like dates.
void bind_range(SQLite::Statement& statement, const DayRange& range) {
  statement.bind(2, range.since ? model::format_date(*range.since) : std::string("0000-01-01"));
  statement.bind(3, range.until ? model::format_date(*range.until) : std::string("9999-12-31"));
}

std::optional<model::VisaBranch> branch_from(std::string_view text) {
  if (text == "A") return model::VisaBranch::a;
  if (text == "B") return model::VisaBranch::b;
  if (text == "C") return model::VisaBranch::c;
  return std::nullopt;
}

std::optional<model::MedicationKind> kind_from(std::string_view text) {
  for (auto kind : {model::MedicationKind::fluoroquinolone, model::MedicationKind::corticosteroid,
                    model::MedicationKind::corticosteroid_injection, model::MedicationKind::other})
    if (model::to_string(kind) == text) return kind;
  return std::nullopt;
}

constexpr const char* k_visa_columns = "date, q1, q2, q3, q4, q5, q6, q7, q8_branch, q8";

model::VisaA read_visa(SQLite::Statement& row) {
  model::VisaA visa;
  visa.date = read_day(row.getColumn(0), "visa_a");
  for (int i = 0; i < 7; ++i)
    visa.items[static_cast<std::size_t>(i)] = row.getColumn(1 + i).getInt();
  const auto branch = branch_from(row.getColumn(8).getString());
  if (!branch)
    throw DatabaseError(
        fmt::format("visa_a holds a bad Q8 branch '{}'", row.getColumn(8).getString()));
  visa.q8_branch = *branch;
  visa.q8 = row.getColumn(9).getInt();
  return visa;
}

model::HeelRiseTest read_heel_rise(SQLite::Statement& row) {
  return {read_day(row.getColumn(0), "heel_rise_tests"), row.getColumn(1).getInt(),
          row.getColumn(2).getInt()};
}

constexpr const char* k_rehab_columns = "id, date, exercise, sets, reps, load_kg, pain";

model::RehabSession read_rehab(SQLite::Statement& row) {
  model::RehabSession s;
  s.id = row.getColumn(0).getInt64();
  s.date = read_day(row.getColumn(1), "rehab_sessions");
  s.exercise = row.getColumn(2).getString();
  s.sets = read_int(row.getColumn(3));
  s.reps = read_int(row.getColumn(4));
  if (!row.getColumn(5).isNull()) s.load_kg = row.getColumn(5).getDouble();
  s.pain = read_int(row.getColumn(6));
  return s;
}

constexpr const char* k_medication_columns = "id, name, kind, date_from, date_to";

model::Medication read_medication(SQLite::Statement& row) {
  model::Medication m;
  m.id = row.getColumn(0).getInt64();
  m.name = row.getColumn(1).getString();
  const auto kind = kind_from(row.getColumn(2).getString());
  if (!kind)
    throw DatabaseError(
        fmt::format("medications holds a bad kind '{}'", row.getColumn(2).getString()));
  m.kind = *kind;
  m.from = read_day(row.getColumn(3), "medications");
  m.to = read_optional_day(row.getColumn(4), "medications");
  return m;
}

constexpr const char* k_episode_columns = "id, date_from, date_to, note";

model::Episode read_episode(SQLite::Statement& row) {
  model::Episode e;
  e.id = row.getColumn(0).getInt64();
  e.from = read_day(row.getColumn(1), "episodes");
  e.to = read_optional_day(row.getColumn(2), "episodes");
  if (!row.getColumn(3).isNull()) e.note = row.getColumn(3).getString();
  return e;
}

bool same(const model::VisaA& a, const model::VisaA& b) {
  return a.items == b.items && a.q8_branch == b.q8_branch && a.q8 == b.q8;
}

// The identity of a rehab session for add_rehab_missing: every value.
auto rehab_key(const model::RehabSession& s) {
  return std::make_tuple(s.date, s.exercise, s.sets, s.reps, s.load_kg, s.pain);
}

}  // namespace

TendonRepository::TendonRepository(Database& db, std::int64_t athlete_id)
    : m_db(db), m_athlete_id(athlete_id) {}

Upserted<model::VisaA> TendonRepository::upsert_visa_a(const model::VisaA& visa) {
  auto& sql = m_db.sql();
  Upserted<model::VisaA> result{visa, std::nullopt, true};
  {
    SQLite::Statement find(sql, fmt::format("SELECT {} FROM visa_a WHERE athlete_id = ? AND "
                                            "date = ?",
                                            k_visa_columns));
    find.bind(1, m_athlete_id);
    find.bind(2, model::format_date(visa.date));
    if (find.executeStep()) result.before = read_visa(find);
  }
  if (result.before && same(*result.before, visa)) {
    result.changed = false;
    return result;
  }
  SQLite::Statement upsert(
      sql, fmt::format("INSERT INTO visa_a(athlete_id, {}, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?) ON CONFLICT(athlete_id, date) DO UPDATE SET q1 = "
                       "excluded.q1, q2 = excluded.q2, q3 = excluded.q3, q4 = excluded.q4, q5 = "
                       "excluded.q5, q6 = excluded.q6, q7 = excluded.q7, q8_branch = "
                       "excluded.q8_branch, q8 = excluded.q8, updated_at = excluded.updated_at",
                       k_visa_columns));
  upsert.bind(1, m_athlete_id);
  upsert.bind(2, model::format_date(visa.date));
  for (int i = 0; i < 7; ++i) upsert.bind(3 + i, visa.items[static_cast<std::size_t>(i)]);
  upsert.bind(10, std::string(model::to_string(visa.q8_branch)));
  upsert.bind(11, visa.q8);
  upsert.bind(12, utc_now_iso());
  upsert.exec();
  return result;
}

std::vector<model::VisaA> TendonRepository::visa_a(const DayRange& range) {
  SQLite::Statement query(m_db.sql(), fmt::format("SELECT {} FROM visa_a WHERE athlete_id = ?1 "
                                                  "AND date BETWEEN ?2 AND ?3 ORDER BY date",
                                                  k_visa_columns));
  query.bind(1, m_athlete_id);
  bind_range(query, range);
  std::vector<model::VisaA> found;
  while (query.executeStep()) found.push_back(read_visa(query));
  return found;
}

std::vector<model::VisaA> TendonRepository::visa_a_before(date::sys_days day, int count) {
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {} FROM visa_a WHERE athlete_id = ? AND date < ? "
                                      "ORDER BY date DESC LIMIT ?",
                                      k_visa_columns));
  query.bind(1, m_athlete_id);
  query.bind(2, model::format_date(day));
  query.bind(3, count);
  std::vector<model::VisaA> found;
  while (query.executeStep()) found.push_back(read_visa(query));
  std::reverse(found.begin(), found.end());
  return found;
}

Upserted<model::HeelRiseTest> TendonRepository::upsert_heel_rise(const model::HeelRiseTest& test) {
  auto& sql = m_db.sql();
  Upserted<model::HeelRiseTest> result{test, std::nullopt, true};
  {
    SQLite::Statement find(sql,
                           "SELECT date, left_reps, right_reps FROM heel_rise_tests WHERE "
                           "athlete_id = ? AND date = ?");
    find.bind(1, m_athlete_id);
    find.bind(2, model::format_date(test.date));
    if (find.executeStep()) result.before = read_heel_rise(find);
  }
  if (result.before && result.before->left == test.left && result.before->right == test.right) {
    result.changed = false;
    return result;
  }
  SQLite::Statement upsert(sql,
                           "INSERT INTO heel_rise_tests(athlete_id, date, left_reps, right_reps, "
                           "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(athlete_id, date) DO "
                           "UPDATE SET left_reps = excluded.left_reps, right_reps = "
                           "excluded.right_reps, updated_at = excluded.updated_at");
  upsert.bind(1, m_athlete_id);
  upsert.bind(2, model::format_date(test.date));
  upsert.bind(3, test.left);
  upsert.bind(4, test.right);
  upsert.bind(5, utc_now_iso());
  upsert.exec();
  return result;
}

std::vector<model::HeelRiseTest> TendonRepository::heel_rise(const DayRange& range) {
  SQLite::Statement query(m_db.sql(),
                          "SELECT date, left_reps, right_reps FROM heel_rise_tests WHERE "
                          "athlete_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date");
  query.bind(1, m_athlete_id);
  bind_range(query, range);
  std::vector<model::HeelRiseTest> found;
  while (query.executeStep()) found.push_back(read_heel_rise(query));
  return found;
}

std::int64_t TendonRepository::add_rehab(const model::RehabSession& session) {
  auto& sql = m_db.sql();
  SQLite::Statement insert(sql,
                           "INSERT INTO rehab_sessions(athlete_id, date, exercise, sets, reps, "
                           "load_kg, pain, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, m_athlete_id);
  insert.bind(2, model::format_date(session.date));
  insert.bind(3, session.exercise);
  bind_optional(insert, 4, session.sets);
  bind_optional(insert, 5, session.reps);
  bind_optional(insert, 6, session.load_kg);
  bind_optional(insert, 7, session.pain);
  insert.bind(8, utc_now_iso());
  insert.exec();
  return sql.getLastInsertRowid();
}

int TendonRepository::add_rehab_missing(std::span<const model::RehabSession> sessions) {
  if (sessions.empty()) return 0;
  const auto [low, high] =
      std::minmax_element(sessions.begin(), sessions.end(),
                          [](const auto& a, const auto& b) { return a.date < b.date; });
  std::map<decltype(rehab_key(sessions.front())), int> stored;
  for (const auto& s : rehab({low->date, high->date})) ++stored[rehab_key(s)];
  int added = 0;
  for (const auto& s : sessions) {
    auto& left = stored[rehab_key(s)];
    if (left > 0) {
      --left;
      continue;
    }
    add_rehab(s);
    ++added;
  }
  return added;
}

std::vector<model::RehabSession> TendonRepository::rehab(const DayRange& range) {
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {} FROM rehab_sessions WHERE athlete_id = ?1 AND "
                                      "date BETWEEN ?2 AND ?3 ORDER BY date, id",
                                      k_rehab_columns));
  query.bind(1, m_athlete_id);
  bind_range(query, range);
  std::vector<model::RehabSession> found;
  while (query.executeStep()) found.push_back(read_rehab(query));
  return found;
}

Upserted<model::Medication> TendonRepository::upsert_medication(
    const model::Medication& medication) {
  auto& sql = m_db.sql();
  Upserted<model::Medication> result{medication, std::nullopt, true};
  {
    SQLite::Statement find(sql, fmt::format("SELECT {} FROM medications WHERE athlete_id = ? AND "
                                            "name = ? AND date_from = ?",
                                            k_medication_columns));
    find.bind(1, m_athlete_id);
    find.bind(2, medication.name);
    find.bind(3, model::format_date(medication.from));
    if (find.executeStep()) result.before = read_medication(find);
  }
  if (result.before) {
    result.stored = *result.before;
    if (!medication.to || medication.to == result.before->to) {
      result.changed = false;
      return result;
    }
    SQLite::Statement update(sql, "UPDATE medications SET date_to = ? WHERE id = ?");
    bind_optional_day(update, 1, medication.to);
    update.bind(2, *result.before->id);
    update.exec();
    result.stored.to = medication.to;
    return result;
  }
  SQLite::Statement insert(sql,
                           "INSERT INTO medications(athlete_id, name, kind, date_from, date_to, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, m_athlete_id);
  insert.bind(2, medication.name);
  insert.bind(3, std::string(model::to_string(medication.kind)));
  insert.bind(4, model::format_date(medication.from));
  bind_optional_day(insert, 5, medication.to);
  insert.bind(6, utc_now_iso());
  insert.exec();
  result.stored.id = sql.getLastInsertRowid();
  return result;
}

std::vector<model::Medication> TendonRepository::medications(
    std::optional<date::sys_days> reaching) {
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {} FROM medications WHERE athlete_id = ?1 AND "
                                      "(?2 IS NULL OR date_to IS NULL OR date_to >= ?2) "
                                      "ORDER BY date_from, id",
                                      k_medication_columns));
  query.bind(1, m_athlete_id);
  bind_optional_day(query, 2, reaching);
  std::vector<model::Medication> found;
  while (query.executeStep()) found.push_back(read_medication(query));
  return found;
}

bool TendonRepository::delete_medication(std::int64_t id) {
  SQLite::Statement del(m_db.sql(), "DELETE FROM medications WHERE athlete_id = ? AND id = ?");
  del.bind(1, m_athlete_id);
  del.bind(2, id);
  return del.exec() > 0;
}

Upserted<model::Episode> TendonRepository::upsert_episode(const model::Episode& episode) {
  auto& sql = m_db.sql();
  Upserted<model::Episode> result{episode, std::nullopt, true};
  {
    SQLite::Statement find(sql, fmt::format("SELECT {} FROM episodes WHERE athlete_id = ? AND "
                                            "date_from = ?",
                                            k_episode_columns));
    find.bind(1, m_athlete_id);
    find.bind(2, model::format_date(episode.from));
    if (find.executeStep()) result.before = read_episode(find);
  }
  if (result.before) {
    auto merged = *result.before;
    if (episode.to) merged.to = episode.to;
    if (episode.note) merged.note = episode.note;
    result.stored = merged;
    if (merged.to == result.before->to && merged.note == result.before->note) {
      result.changed = false;
      return result;
    }
    SQLite::Statement update(sql, "UPDATE episodes SET date_to = ?, note = ? WHERE id = ?");
    bind_optional_day(update, 1, merged.to);
    bind_optional(update, 2, merged.note);
    update.bind(3, *merged.id);
    update.exec();
    return result;
  }
  SQLite::Statement insert(sql,
                           "INSERT INTO episodes(athlete_id, date_from, date_to, note, created_at) "
                           "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, m_athlete_id);
  insert.bind(2, model::format_date(episode.from));
  bind_optional_day(insert, 3, episode.to);
  bind_optional(insert, 4, episode.note);
  insert.bind(5, utc_now_iso());
  insert.exec();
  result.stored.id = sql.getLastInsertRowid();
  return result;
}

std::vector<model::Episode> TendonRepository::episodes(std::optional<date::sys_days> reaching) {
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {} FROM episodes WHERE athlete_id = ?1 AND "
                                      "(?2 IS NULL OR date_to IS NULL OR date_to >= ?2) "
                                      "ORDER BY date_from, id",
                                      k_episode_columns));
  query.bind(1, m_athlete_id);
  bind_optional_day(query, 2, reaching);
  std::vector<model::Episode> found;
  while (query.executeStep()) found.push_back(read_episode(query));
  return found;
}

bool TendonRepository::delete_episode(std::int64_t id) {
  SQLite::Statement del(m_db.sql(), "DELETE FROM episodes WHERE athlete_id = ? AND id = ?");
  del.bind(1, m_athlete_id);
  del.bind(2, id);
  return del.exec() > 0;
}

}  // namespace runload::store
