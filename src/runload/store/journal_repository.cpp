#include <runload/store/journal_repository.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

#include <runload/error.hpp>
#include <runload/store/database.hpp>

namespace runload::store {
namespace {

constexpr const char* k_entry_columns =
    "date, stiffness, stiffness_minutes, pain_run, pain_after, swelling, pop, side, note, "
    "assessed";
constexpr int k_entry_column_count = 10;

std::string utc_now_iso() {
  return date::format("%Y-%m-%dT%H:%M:%SZ",
                      date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

date::sys_days parse_stored_day(const std::string& text) {
  std::istringstream in(text);
  date::sys_days day;
  in >> date::parse("%F", day);
  // The column's CHECK keeps the shape; a hand-edited impossible date still
  // must not become a silent wrong day.
  if (in.fail()) throw DatabaseError(fmt::format("journal_entries holds a bad date '{}'", text));
  return day;
}

std::optional<int> read_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

std::optional<bool> read_bool(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt() != 0;
}

// Reads the k_entry_columns starting at column `first`.
model::JournalEntry read_entry(SQLite::Statement& query, int first = 0) {
  model::JournalEntry entry;
  entry.date = parse_stored_day(query.getColumn(first).getString());
  entry.stiffness = read_int(query.getColumn(first + 1));
  entry.stiffness_minutes = read_int(query.getColumn(first + 2));
  entry.pain_run = read_int(query.getColumn(first + 3));
  entry.pain_after = read_int(query.getColumn(first + 4));
  entry.swelling = read_bool(query.getColumn(first + 5));
  entry.pop = read_bool(query.getColumn(first + 6));
  if (const auto side = query.getColumn(first + 7); !side.isNull()) {
    entry.side = model::side_from_string(side.getString());
    if (!entry.side)
      throw DatabaseError(fmt::format("journal_entries holds a bad side '{}'", side.getString()));
  }
  if (const auto note = query.getColumn(first + 8); !note.isNull()) entry.note = note.getString();
  entry.assessed = read_bool(query.getColumn(first + 9));
  return entry;
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<int>& value) {
  if (value)
    statement.bind(index, *value);
  else
    statement.bind(index);
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<bool>& value) {
  if (value)
    statement.bind(index, *value ? 1 : 0);
  else
    statement.bind(index);
}

// Binds the values of k_entry_columns from index `first` on.
void bind_entry(SQLite::Statement& statement, int first, const model::JournalEntry& entry) {
  statement.bind(first, format_day(entry.date));
  bind_optional(statement, first + 1, entry.stiffness);
  bind_optional(statement, first + 2, entry.stiffness_minutes);
  bind_optional(statement, first + 3, entry.pain_run);
  bind_optional(statement, first + 4, entry.pain_after);
  bind_optional(statement, first + 5, entry.swelling);
  bind_optional(statement, first + 6, entry.pop);
  if (entry.side)
    statement.bind(first + 7, std::string(model::to_string(*entry.side)));
  else
    statement.bind(first + 7);
  if (entry.note)
    statement.bind(first + 8, *entry.note);
  else
    statement.bind(first + 8);
  bind_optional(statement, first + 9, entry.assessed);
}

// "?, ?, ?": `count` parameters.
std::string placeholders(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

template <typename T>
void take_given(std::optional<T>& stored, const std::optional<T>& given, bool& changed) {
  if (!given) return;
  if (stored != given) changed = true;
  stored = given;
}

}  // namespace

std::string format_day(date::sys_days day) {
  return date::format("%F", day);
}

JournalRepository::JournalRepository(Database& db, std::int64_t athlete_id)
    : m_db(db), m_athlete_id(athlete_id) {}

UpsertOutcome JournalRepository::upsert(const model::JournalEntry& given) {
  auto outcomes = upsert_all(std::span(&given, 1));
  return std::move(outcomes.front());
}

std::vector<UpsertOutcome> JournalRepository::upsert_all(
    std::span<const model::JournalEntry> given) {
  auto& sql = m_db.sql();
  const std::string now = utc_now_iso();
  std::vector<UpsertOutcome> outcomes;
  outcomes.reserve(given.size());
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& entry : given) outcomes.push_back(upsert_in_transaction(entry, now));
  tx.commit();
  return outcomes;
}

std::vector<UpsertOutcome> JournalRepository::upsert_each(
    std::span<const model::JournalEntry> given) {
  const std::string now = utc_now_iso();
  std::vector<UpsertOutcome> outcomes;
  outcomes.reserve(given.size());
  for (const auto& entry : given) outcomes.push_back(upsert_in_transaction(entry, now));
  return outcomes;
}

UpsertOutcome JournalRepository::upsert_in_transaction(const model::JournalEntry& given,
                                                       const std::string& now) {
  auto& sql = m_db.sql();
  const std::string day = format_day(given.date);
  SQLite::Statement select(sql, fmt::format("SELECT {}, updated_at FROM journal_entries "
                                            "WHERE athlete_id = ? AND date = ?",
                                            k_entry_columns));
  select.bind(1, m_athlete_id);
  select.bind(2, day);

  UpsertOutcome outcome;
  if (!select.executeStep()) {
    SQLite::Statement insert(
        sql, fmt::format("INSERT INTO journal_entries(athlete_id, {}, updated_at) VALUES ({})",
                         k_entry_columns, placeholders(k_entry_column_count + 2)));
    insert.bind(1, m_athlete_id);
    bind_entry(insert, 2, given);
    insert.bind(k_entry_column_count + 2, now);
    insert.exec();
    outcome.stored = given;
    outcome.created = true;
    outcome.changed = true;
    return outcome;
  }

  const model::JournalEntry previous = read_entry(select);
  const std::string previous_updated_at = select.getColumn(k_entry_column_count).getString();
  model::JournalEntry merged = previous;
  bool changed = false;
  take_given(merged.stiffness, given.stiffness, changed);
  take_given(merged.stiffness_minutes, given.stiffness_minutes, changed);
  take_given(merged.pain_run, given.pain_run, changed);
  take_given(merged.pain_after, given.pain_after, changed);
  take_given(merged.swelling, given.swelling, changed);
  take_given(merged.pop, given.pop, changed);
  take_given(merged.side, given.side, changed);
  take_given(merged.note, given.note, changed);
  take_given(merged.assessed, given.assessed, changed);
  outcome.stored = merged;
  outcome.changed = changed;
  if (!changed) return outcome;

  keep_in_history(previous, previous_updated_at, now);

  SQLite::Statement update(sql,
                           "UPDATE journal_entries SET date = ?, stiffness = ?, "
                           "stiffness_minutes = ?, pain_run = ?, pain_after = ?, swelling = ?, "
                           "pop = ?, side = ?, note = ?, assessed = ?, updated_at = ? "
                           "WHERE athlete_id = ? AND date = ?");
  bind_entry(update, 1, merged);
  update.bind(k_entry_column_count + 1, now);
  update.bind(k_entry_column_count + 2, m_athlete_id);
  update.bind(k_entry_column_count + 3, day);
  update.exec();
  return outcome;
}

void JournalRepository::keep_in_history(const model::JournalEntry& previous,
                                        const std::string& previous_updated_at,
                                        const std::string& now) {
  SQLite::Statement keep(m_db.sql(),
                         fmt::format("INSERT INTO journal_history(athlete_id, {}, "
                                     "updated_at, changed_at) VALUES ({})",
                                     k_entry_columns, placeholders(k_entry_column_count + 3)));
  keep.bind(1, m_athlete_id);
  bind_entry(keep, 2, previous);
  keep.bind(k_entry_column_count + 2, previous_updated_at);
  keep.bind(k_entry_column_count + 3, now);
  keep.exec();
}

std::optional<model::JournalEntry> JournalRepository::remove(date::sys_days day) {
  auto& sql = m_db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement select(sql, fmt::format("SELECT {}, updated_at FROM journal_entries "
                                            "WHERE athlete_id = ? AND date = ?",
                                            k_entry_columns));
  select.bind(1, m_athlete_id);
  select.bind(2, format_day(day));
  if (!select.executeStep()) return std::nullopt;
  const model::JournalEntry previous = read_entry(select);
  keep_in_history(previous, select.getColumn(k_entry_column_count).getString(), utc_now_iso());
  SQLite::Statement erase(sql, "DELETE FROM journal_entries WHERE athlete_id = ? AND date = ?");
  erase.bind(1, m_athlete_id);
  erase.bind(2, format_day(day));
  erase.exec();
  tx.commit();
  return previous;
}

std::optional<model::JournalEntry> JournalRepository::find(date::sys_days day) {
  SQLite::Statement query(m_db.sql(), fmt::format("SELECT {} FROM journal_entries WHERE "
                                                  "athlete_id = ? AND date = ?",
                                                  k_entry_columns));
  query.bind(1, m_athlete_id);
  query.bind(2, format_day(day));
  if (!query.executeStep()) return std::nullopt;
  return read_entry(query);
}

std::vector<model::JournalEntry> JournalRepository::list(std::optional<date::sys_days> since,
                                                         std::optional<date::sys_days> until) {
  // Dates are stored as YYYY-MM-DD, so text order is date order.
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {} FROM journal_entries WHERE athlete_id = ? "
                                      "AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR "
                                      "date <= ?3) ORDER BY date",
                                      k_entry_columns));
  query.bind(1, m_athlete_id);
  if (since)
    query.bind(2, format_day(*since));
  else
    query.bind(2);
  if (until)
    query.bind(3, format_day(*until));
  else
    query.bind(3);
  std::vector<model::JournalEntry> entries;
  while (query.executeStep()) entries.push_back(read_entry(query));
  return entries;
}

std::vector<model::JournalEntry> JournalRepository::red_flag_history(date::sys_days before,
                                                                     int level) {
  SQLite::Statement query(
      m_db.sql(),
      fmt::format("SELECT {} FROM journal_entries WHERE athlete_id = ?1 AND date < ?2 AND "
                  "date >= coalesce((SELECT max(date) FROM journal_entries WHERE athlete_id = ?1 "
                  "AND assessed = 1 AND date < ?2), '') AND (assessed = 1 OR pop = 1 OR "
                  "stiffness >= ?3 OR pain_run >= ?3 OR pain_after >= ?3) ORDER BY date",
                  k_entry_columns));
  query.bind(1, m_athlete_id);
  query.bind(2, format_day(before));
  query.bind(3, level);
  std::vector<model::JournalEntry> entries;
  while (query.executeStep()) entries.push_back(read_entry(query));
  return entries;
}

std::vector<model::JournalEntry> JournalRepository::symptomatic_between(date::sys_days from,
                                                                        date::sys_days before,
                                                                        int level) {
  SQLite::Statement query(
      m_db.sql(),
      fmt::format("SELECT {} FROM journal_entries WHERE athlete_id = ?1 AND date >= ?2 AND date "
                  "< ?3 AND (pop = 1 OR stiffness >= ?4 OR pain_run >= ?4 OR pain_after >= ?4) "
                  "ORDER BY date",
                  k_entry_columns));
  query.bind(1, m_athlete_id);
  query.bind(2, format_day(from));
  query.bind(3, format_day(before));
  query.bind(4, level);
  std::vector<model::JournalEntry> entries;
  while (query.executeStep()) entries.push_back(read_entry(query));
  return entries;
}

std::vector<JournalHistoryRow> JournalRepository::history(date::sys_days day) {
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT {}, updated_at, changed_at FROM journal_history "
                                      "WHERE athlete_id = ? AND date = ? ORDER BY id",
                                      k_entry_columns));
  query.bind(1, m_athlete_id);
  query.bind(2, format_day(day));
  std::vector<JournalHistoryRow> rows;
  while (query.executeStep())
    rows.push_back(JournalHistoryRow{read_entry(query),
                                     query.getColumn(k_entry_column_count).getString(),
                                     query.getColumn(k_entry_column_count + 1).getString()});
  return rows;
}

bool JournalRepository::has_run_on(date::sys_days day) {
  auto& sql = m_db.sql();
  SQLite::Statement query(sql,
                          "SELECT EXISTS (SELECT 1 FROM activities WHERE athlete_id = ? AND "
                          "local_date = ? AND sport IN ('run', 'trail_run', 'treadmill_run', "
                          "'virtual_run'))");
  query.bind(1, m_athlete_id);
  query.bind(2, format_day(day));
  query.executeStep();
  return query.getColumn(0).getInt() != 0;
}

}  // namespace runload::store
