#include <runload/app/journal_command.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/red_flags.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/tendon_repository.hpp>
#include <runload/store/transaction.hpp>

namespace runload::app {

namespace {

// The journal of the session's athlete, for writing (created on first use).
store::JournalRepository journal_for_writing(Session& session) {
  auto& db = session.database(Access::write);
  return store::JournalRepository(db, session.athlete(Access::write).id);
}

}  // namespace

Recorded record_entry(Session& session, const model::JournalEntry& entry) {
  Recorded recorded;
  recorded.red_flags = journal::red_flag_reasons(entry);
  recorded.outcome = journal_for_writing(session).upsert(entry);
  return recorded;
}

journal::CheckinSetup checkin_setup(Session& session, date::sys_days day) {
  const auto yesterday = day - date::days{1};
  // Nothing is created until the answers are stored.
  const auto athlete = session.athlete_before_writing();
  if (!athlete) return {day, std::nullopt, std::nullopt, false};
  store::JournalRepository journal(session.database(Access::write), athlete->id);
  return {day, journal.find(day), journal.find(yesterday), journal.has_run_on(yesterday)};
}

std::vector<store::UpsertOutcome> store_checkin(Session& session,
                                                const std::vector<model::JournalEntry>& entries) {
  return journal_for_writing(session).upsert_all(entries);
}

std::vector<model::JournalEntry> journal_entries(Session& session,
                                                 std::optional<date::sys_days> since,
                                                 std::optional<date::sys_days> until) {
  if (since && until && *since > *until)
    throw UsageError(fmt::format("--since {} is after --until {}", model::format_date(*since),
                                 model::format_date(*until)));
  auto& db = session.database(Access::read);
  const auto& athlete = session.athlete(Access::read);
  if (!session.athlete_stored(Access::read)) return {};
  return store::JournalRepository(db, athlete.id).list(since, until);
}

model::JournalEntry delete_entry(Session& session, date::sys_days day) {
  // Upkeep acts on what exists: the database and the athlete are found as
  // for reading (never created), then checked for writing.
  const auto& athlete = session.athlete(Access::read);
  if (!session.athlete_stored(Access::read))
    throw UsageError(fmt::format("no journal entry for {}: this database holds no athlete yet",
                                 model::format_date(day)));
  auto deleted = store::JournalRepository(session.database(Access::write), athlete.id).remove(day);
  if (!deleted)
    throw UsageError(
        fmt::format("no journal entry for {}; 'runload journal list' shows the days logged",
                    model::format_date(day)));
  return *deleted;
}

std::size_t JournalImport::created() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.created; }));
}

std::size_t JournalImport::updated() const noexcept {
  return static_cast<std::size_t>(std::count_if(
      outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.created && o.changed; }));
}

namespace {

// Stores the tendon rows of a journal CSV. REQUIRES: a write transaction.
TendonImport store_tendon(store::TendonRepository& tendon, const journal::CsvTendon& rows) {
  TendonImport done;
  for (const auto& v : rows.visa_a) done.visa_a += tendon.upsert_visa_a(v).changed ? 1 : 0;
  for (const auto& h : rows.heel_rise) done.heel_rise += tendon.upsert_heel_rise(h).changed ? 1 : 0;
  done.rehab = tendon.add_rehab_missing(rows.rehab);
  for (const auto& m : rows.medications)
    done.medications += tendon.upsert_medication(m).changed ? 1 : 0;
  for (const auto& e : rows.episodes) done.episodes += tendon.upsert_episode(e).changed ? 1 : 0;
  done.rows = static_cast<int>(rows.visa_a.size() + rows.heel_rise.size() + rows.rehab.size() +
                               rows.medications.size() + rows.episodes.size());
  return done;
}

}  // namespace

std::string describe(const TendonImport& done) {
  if (!done.any_rows()) return {};
  std::vector<std::string> parts;
  const auto add = [&parts](int n, std::string_view one, std::string_view many) {
    if (n > 0) parts.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
  };
  add(done.visa_a, "VISA-A", "VISA-A");
  add(done.heel_rise, "heel-rise test", "heel-rise tests");
  add(done.rehab, "rehab exercise", "rehab exercises");
  add(done.medications, "medication course", "medication courses");
  add(done.episodes, "episode", "episodes");
  if (parts.empty()) return fmt::format("; tendon records: 0 new or changed of {}", done.rows);
  return fmt::format("; tendon records: {} new or changed (of {})", fmt::join(parts, ", "),
                     done.rows);
}

JournalImport import_journal_csv(Session& session, const std::filesystem::path& path) {
  JournalImport result;
  const auto limit = files::max_file_bytes(session.env()("RUNLOAD_MAX_FILE_BYTES"));
  std::string text;
  if ((result.load_error = files::load_file(path, limit, text))) return result;
  // Checked before anything is created for it.
  auto parsed = journal::parse_journal_csv(text, session.today(Access::write));
  if (!parsed.ok()) {
    result.problems = std::move(parsed.problems);
    return result;
  }
  for (const auto& entry : parsed.entries) {
    if (auto reasons = journal::red_flag_reasons(entry); !reasons.empty())
      result.red_flags.push_back(std::move(reasons));
  }
  auto& db = session.database(Access::write);
  const auto athlete_id = session.athlete(Access::write).id;
  store::JournalRepository journal(db, athlete_id);
  store::TendonRepository tendon(db, athlete_id);
  store::WriteTransaction tx(db);
  result.outcomes = journal.upsert_each(parsed.entries);
  result.tendon = store_tendon(tendon, parsed.tendon);
  tx.commit();
  return result;
}

std::string export_journal_csv(Session& session) {
  const auto entries = journal_entries(session, std::nullopt, std::nullopt);
  if (!session.athlete_stored(Access::read)) return journal::write_journal_csv(entries, {});
  auto& db = session.database(Access::read);
  store::TendonRepository tendon(db, session.athlete(Access::read).id);
  journal::CsvTendon records{tendon.visa_a(), tendon.heel_rise(), tendon.rehab(),
                             tendon.medications(), tendon.episodes()};
  return journal::write_journal_csv(entries, records);
}

}  // namespace runload::app
