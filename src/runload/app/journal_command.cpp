#include <runload/app/journal_command.hpp>

#include <algorithm>

#include <runload/error.hpp>
#include <runload/journal/red_flags.hpp>

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
  result.outcomes = store::JournalRepository(db, session.athlete().id).upsert_all(parsed.entries);
  return result;
}

std::string export_journal_csv(Session& session) {
  const auto entries = store::JournalRepository(session.database(), session.athlete().id).list();
  return journal::write_journal_csv(entries);
}

}  // namespace runload::app
