#include <runload/app/journal_command.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/red_flags.hpp>
#include <runload/store/tendon_repository.hpp>
#include <runload/store/transaction.hpp>

namespace runload::app {

Recorded record_entry(Session& session, const model::JournalEntry& entry) {
  auto& db = session.database();
  Recorded recorded;
  recorded.red_flags = journal::red_flag_reasons(entry);
  recorded.outcome = store::JournalRepository(db, session.athlete().id).upsert(entry);
  return recorded;
}

journal::CheckinSetup checkin_setup(Session& session, date::sys_days day) {
  store::JournalRepository journal(session.database(), session.athlete().id);
  const auto yesterday = day - date::days{1};
  return {day, journal.find(day), journal.find(yesterday), journal.has_run_on(yesterday)};
}

std::vector<store::UpsertOutcome> store_checkin(Session& session,
                                                const std::vector<model::JournalEntry>& entries) {
  return store::JournalRepository(session.database(), session.athlete().id).upsert_all(entries);
}

std::vector<model::JournalEntry> journal_entries(Session& session,
                                                 std::optional<date::sys_days> since,
                                                 std::optional<date::sys_days> until) {
  if (since && until && *since > *until) throw UsageError("--since must not be after --until");
  return store::JournalRepository(session.database(), session.athlete().id).list(since, until);
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
  auto& db = session.database();
  auto parsed = journal::parse_journal_csv(text, session.today());
  if (!parsed.ok()) {
    result.problems = std::move(parsed.problems);
    return result;
  }
  for (const auto& entry : parsed.entries) {
    if (auto reasons = journal::red_flag_reasons(entry); !reasons.empty())
      result.red_flags.push_back(std::move(reasons));
  }
  const auto athlete_id = session.athlete().id;
  store::JournalRepository journal(db, athlete_id);
  store::TendonRepository tendon(db, athlete_id);
  store::WriteTransaction tx(db);
  result.outcomes = journal.upsert_each(parsed.entries);
  result.tendon = store_tendon(tendon, parsed.tendon);
  tx.commit();
  return result;
}

std::string export_journal_csv(Session& session) {
  const auto athlete_id = session.athlete().id;
  auto& db = session.database();
  const auto entries = store::JournalRepository(db, athlete_id).list();
  store::TendonRepository tendon(db, athlete_id);
  journal::CsvTendon records{tendon.visa_a(), tendon.heel_rise(), tendon.rehab(),
                             tendon.medications(), tendon.episodes()};
  return journal::write_journal_csv(entries, records);
}

}  // namespace runload::app
