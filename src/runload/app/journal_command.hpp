#pragma once
// `runload journal`: storing a day's values, the check-in's reads and
// writes, the list, and the journal CSV in and out (DESIGN.md sections 3 and
// 6; the CSV columns in journal/journal_csv.hpp).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/app/session.hpp>
#include <runload/files/load.hpp>
#include <runload/journal/checkin.hpp>
#include <runload/journal/journal_csv.hpp>
#include <runload/model/journal_entry.hpp>
#include <runload/store/journal_repository.hpp>

namespace runload::app {

struct Recorded {
  store::UpsertOutcome outcome;
  // journal::red_flag_reasons of what was given: the caller shows the
  // urgent warning with them.
  std::vector<std::string> red_flags;
};

// Stores the fields `entry` gives on its date (others kept, the earlier
// values in the history).
Recorded record_entry(Session& session, const model::JournalEntry& entry);

// What the check-in of `day` starts from: the entries of the day and the day
// before, and whether the athlete ran the day before. Creates nothing (the
// database and the athlete are created when the answers are stored), but
// refuses a database that cannot be written before the first question.
journal::CheckinSetup checkin_setup(Session& session, date::sys_days day);

// Stores the check-in's entries, all or none.
std::vector<store::UpsertOutcome> store_checkin(Session& session,
                                                const std::vector<model::JournalEntry>& entries);

// Entries with since <= date <= until (either bound optional), oldest first.
// Throws UsageError when since is after until. Never creates the database
// or the athlete.
std::vector<model::JournalEntry> journal_entries(Session& session,
                                                 std::optional<date::sys_days> since,
                                                 std::optional<date::sys_days> until);

// What a journal CSV's tendon rows did: how many of each were new or
// changed (the others were stored already, as they are).
struct TendonImport {
  int visa_a = 0;
  int heel_rise = 0;
  int rehab = 0;
  int medications = 0;
  int episodes = 0;
  int rows = 0;  // tendon rows in the file

  bool any_rows() const noexcept { return rows > 0; }
};

// What the tendon rows did, to follow the import's line: "; tendon records:
// 1 VISA-A, 2 rehab exercises new or changed (of 3)"; empty without tendon rows.
std::string describe(const TendonImport& done);

struct JournalImport {
  // The file could not be read (nothing was stored).
  std::optional<files::LoadError> load_error;
  // Bad rows: the whole file is refused (nothing was stored).
  std::vector<journal::CsvProblem> problems;
  // Stored entries, and the red flags of each entry that raises one.
  std::vector<store::UpsertOutcome> outcomes;
  std::vector<std::vector<std::string>> red_flags;
  TendonImport tendon;

  bool ok() const noexcept { return !load_error && problems.empty(); }
  std::size_t created() const noexcept;
  std::size_t updated() const noexcept;
};

// Reads the journal CSV at `path` (capped by RUNLOAD_MAX_FILE_BYTES) and
// stores its days and its tendon records in one transaction, or nothing of
// it: a day updates as a second `runload journal` does, a VISA-A or heel-rise
// test replaces that day's, rehab sessions not yet stored are added (equal
// sessions of a day counted), a medication or episode given again sets its
// end (and the episode's note).
JournalImport import_journal_csv(Session& session, const std::filesystem::path& path);

// The whole journal as CSV, with every tendon record (journal::write_journal_csv).
// Never creates.
std::string export_journal_csv(Session& session);

// `journal delete DATE`: deletes the entry of `day`, keeping it in the
// history table. Throws UsageError when there is none.
model::JournalEntry delete_entry(Session& session, date::sys_days day);

}  // namespace runload::app
