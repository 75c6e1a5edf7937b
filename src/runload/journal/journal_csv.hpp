#pragma once
// The journal as CSV, for runners who keep a spreadsheet and for moving a
// journal between databases: the days, and the tendon's own records
// (docs/TENDON.md). Columns (a header row names them, in any order; only
// `date` is required):
//
//   date,record,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note,
//   assessed,visa_a,heel_rise_left,heel_rise_right,exercise,sets,reps,load_kg,
//   exercise_pain,medication,until
//
// `record` says what a row holds (empty, or no such column: a day):
//   day        date; stiffness, pain_run, pain_after: 0-10; stiffness_minutes:
//              0-1440; swelling, pop, assessed (a doctor or physiotherapist
//              assessed the tendon that day): yes/no/true/false/1/0 (any
//              case); side: left/right/both; note: any text up to
//              k_note_max_bytes, verbatim. One row per date.
//   visa_a     date; visa_a: the 8 answers as `runload visa-a --answers`
//              takes them ("10,9,8,10,7,6,7,B14", quoted). One per date.
//   heel_rise  date; heel_rise_left, heel_rise_right: 0-200. One per date.
//   rehab      date; exercise (journal/exercises.hpp); sets, reps, load_kg,
//              exercise_pain (0-10) optional. Any number per date.
//   medication date (the first day); medication (a name); until (the last
//              day, optional). One per name and first day.
//   episode    date (the first day); until (optional); note (optional).
//              One per first day.
// A cell of a column another kind of row uses must be empty. An empty cell
// is a value not given: importing keeps what is stored for it. RFC 4180
// quoting, LF, CRLF or CR line ends, a UTF-8 byte-order mark, and quoted
// cells spanning lines are all read. The file must be UTF-8 text: a NUL byte,
// a byte that is not UTF-8, or a UTF-16 byte-order mark refuses it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>
#include <runload/model/tendon.hpp>

namespace runload::journal {

inline constexpr std::string_view k_csv_header =
    "date,record,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note,assessed,"
    "visa_a,heel_rise_left,heel_rise_right,exercise,sets,reps,load_kg,exercise_pain,medication,"
    "until";

// The tendon's records of a journal CSV, in file order. A medication's kind
// is set from its name (medication_kind).
struct CsvTendon {
  std::vector<model::VisaA> visa_a;
  std::vector<model::HeelRiseTest> heel_rise;
  std::vector<model::RehabSession> rehab;
  std::vector<model::Medication> medications;
  std::vector<model::Episode> episodes;

  bool empty() const noexcept {
    return visa_a.empty() && heel_rise.empty() && rehab.empty() && medications.empty() &&
           episodes.empty();
  }
};

struct CsvProblem {
  std::int64_t line = 0;  // 1-based line where the record starts
  std::string message;
};

struct CsvJournal {
  std::vector<model::JournalEntry> entries;  // the day rows, in file order
  CsvTendon tendon;                          // the other rows
  // Any problem refuses the whole file: the caller stores nothing of it.
  std::vector<CsvProblem> problems;

  bool ok() const noexcept { return problems.empty(); }
};

// Reads a journal CSV; dates are checked against `today` (the athlete's): no
// date may be in the future except a medication's last day. Every bad row is
// reported by its line; a record given on two rows (a day, or a VISA-A of a
// date, ...) is a problem of the second.
CsvJournal parse_journal_csv(std::string_view text, date::sys_days today);

// Writes `entries` and `tendon` as a CSV that parse_journal_csv reads back
// to the same values: header (k_csv_header) first, the day rows, then the
// VISA-A, heel-rise, rehab, medication and episode rows, each oldest first
// as given; LF line ends, unknown values as empty cells, booleans as yes/no,
// cells quoted when they need it.
std::string write_journal_csv(std::span<const model::JournalEntry> entries,
                              const CsvTendon& tendon = {});

}  // namespace runload::journal
