#pragma once
// The tendon's own records of one athlete (docs/TENDON.md; schema in
// migrations/0008_tendon.sql): VISA-A questionnaires and heel-rise tests (one
// of each per day), the rehab log (any number a day), medication courses
// (one per name and first day) and Achilles episodes (one per first day).
//
// No method opens a transaction: the caller wraps what belongs together in
// one store::WriteTransaction (a command, or a whole journal CSV). Values are
// not validated here beyond the tables' CHECK constraints (journal/ does
// that); a violation throws SQLite::Exception.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <date/date.h>

#include <runload/model/tendon.hpp>

namespace runload::store {

class Database;

// What storing a record of a day (or a key) did.
template <typename T>
struct Upserted {
  T stored;                 // as it is now
  std::optional<T> before;  // what it replaced; nullopt when it is new
  bool changed = false;     // new, or a value differed
};

// Inclusive days; an absent end is open.
struct DayRange {
  std::optional<date::sys_days> since;
  std::optional<date::sys_days> until;
};

class TendonRepository {
 public:
  // REQUIRES: `athlete_id` names a stored athlete; `db` outlives the repository.
  TendonRepository(Database& db, std::int64_t athlete_id);

  // --- VISA-A: the day's questionnaire replaces an earlier one of that day.
  Upserted<model::VisaA> upsert_visa_a(const model::VisaA& visa);
  std::vector<model::VisaA> visa_a(const DayRange& range = {});  // oldest first
  // The `count` latest questionnaires before `day`, oldest first.
  std::vector<model::VisaA> visa_a_before(date::sys_days day, int count = 1);

  // --- heel-rise tests: the day's test replaces an earlier one of that day.
  Upserted<model::HeelRiseTest> upsert_heel_rise(const model::HeelRiseTest& test);
  std::vector<model::HeelRiseTest> heel_rise(const DayRange& range = {});  // oldest first

  // --- the rehab log
  // Adds one session; returns its id.
  std::int64_t add_rehab(const model::RehabSession& session);
  // Adds of `sessions` only those not stored yet, counting equal sessions of a
  // day (a day holding one "3 x 15 eccentric heel drops" and given two adds
  // one): importing the same file twice adds nothing. Returns how many it
  // added.
  int add_rehab_missing(std::span<const model::RehabSession> sessions);
  std::vector<model::RehabSession> rehab(const DayRange& range = {});  // by date, then id

  // --- medication courses, by (name, first day): a course given again with an
  // end day sets it (an end day not given keeps the stored one).
  Upserted<model::Medication> upsert_medication(const model::Medication& medication);
  // Every course, by first day; with `reaching`, only those whose last day is
  // on or after it or not recorded.
  std::vector<model::Medication> medications(std::optional<date::sys_days> reaching = {});
  // True when a course with that id was deleted.
  bool delete_medication(std::int64_t id);

  // --- Achilles episodes, by first day: given again, the end day and the note
  // given replace the stored ones.
  Upserted<model::Episode> upsert_episode(const model::Episode& episode);
  std::vector<model::Episode> episodes(std::optional<date::sys_days> reaching = {});
  bool delete_episode(std::int64_t id);

 private:
  Database& m_db;
  std::int64_t m_athlete_id;
};

}  // namespace runload::store
