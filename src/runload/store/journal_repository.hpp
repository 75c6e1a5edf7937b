#pragma once
// The Achilles journal of one athlete in the database (DESIGN.md section 3,
// "Journal days"; section 6, "A second journal for the same date updates the
// fields it gives and keeps the others; the earlier values stay in a history
// table"). Every value is bound as a parameter, so notes are stored verbatim.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>

namespace runload::store {

class Database;

// What one upsert did.
struct UpsertOutcome {
  model::JournalEntry stored;  // the row as it is now, all fields
  bool created = false;        // no row existed for the date
  bool changed = false;        // a given field differed from the stored one
};

// A superseded version of a day's entry.
struct JournalHistoryRow {
  model::JournalEntry entry;  // the values before the change
  std::string updated_at;     // when those values were written (UTC, ISO 8601)
  std::string changed_at;     // when they were replaced (UTC, ISO 8601)
};

class JournalRepository {
 public:
  // REQUIRES: `athlete_id` names a stored athlete; `db` outlives the repository.
  JournalRepository(Database& db, std::int64_t athlete_id);

  // Stores the fields of `given` that are set (non-nullopt) on the entry of
  // given.date, creating the entry when absent and keeping the fields it does
  // not give. When a stored value changes, the whole previous row is copied to
  // journal_history first, in the same BEGIN IMMEDIATE transaction.
  // An upsert that changes nothing writes nothing (no history row).
  // Values are not validated here beyond the table's CHECK constraints
  // (journal/validation does that); a violation throws SQLite::Exception and
  // nothing is stored.
  UpsertOutcome upsert(const model::JournalEntry& given);

  // Upserts every entry, in order, in one transaction: all are stored or none.
  std::vector<UpsertOutcome> upsert_all(std::span<const model::JournalEntry> given);
  // As upsert_all, inside the caller's transaction (store::WriteTransaction),
  // for a journal CSV whose other records are stored with its days.
  // REQUIRES: a write transaction is open on the database.
  std::vector<UpsertOutcome> upsert_each(std::span<const model::JournalEntry> given);

  // Deletes the entry of `day`, keeping it in journal_history first (its
  // changed_at is the time of the deletion), in one transaction. Returns the
  // entry deleted, or nullopt when there was none.
  std::optional<model::JournalEntry> remove(date::sys_days day);

  // The stored entry of `day`, or nullopt.
  std::optional<model::JournalEntry> find(date::sys_days day);

  // Entries with since <= date <= until (either bound optional), oldest first.
  std::vector<model::JournalEntry> list(std::optional<date::sys_days> since = std::nullopt,
                                        std::optional<date::sys_days> until = std::nullopt);

  // What the red flags that stand until an assessment need from before
  // `before` (the start of a report's journal window): the entries from the
  // latest one recording an assessment (included) on, that record one, a
  // pop, or stiffness or pain of `level` or more; oldest first. Reads the
  // journal by date through its (athlete_id, date) key, never its start.
  std::vector<model::JournalEntry> red_flag_history(date::sys_days before, int level);

  // The entries of [from, before) that record a pop, or stiffness or pain of
  // `level` or more, whatever the assessments: the red flags of the past year
  // that count as a prior episode. Reads by date through the key.
  std::vector<model::JournalEntry> symptomatic_between(date::sys_days from, date::sys_days before,
                                                       int level);

  // The superseded versions of `day`'s entry, oldest first.
  std::vector<JournalHistoryRow> history(date::sys_days day);

  // True when a running activity (run, trail_run, treadmill_run, virtual_run)
  // of the athlete has `day` as its local date. False while the database has
  // no activities table.
  bool has_run_on(date::sys_days day);

 private:
  UpsertOutcome upsert_in_transaction(const model::JournalEntry& given, const std::string& now);
  void keep_in_history(const model::JournalEntry& previous, const std::string& previous_updated_at,
                       const std::string& now);

  Database& m_db;
  std::int64_t m_athlete_id;
};

// "YYYY-MM-DD" of a day, as stored.
std::string format_day(date::sys_days day);

}  // namespace runload::store
