#pragma once
// The journal as CSV, for runners who keep a spreadsheet and for moving a
// journal between databases. Columns (a header row names them, in any order;
// only `date` is required):
//
//   date,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note,assessed
//
// date: YYYY-MM-DD (not in the future); stiffness, pain_run, pain_after: 0-10;
// stiffness_minutes: 0-1440; swelling, pop, assessed (a doctor or
// physiotherapist assessed the tendon that day): yes/no/true/false/1/0 (any case);
// side: left/right/both; note: any text up to k_note_max_bytes, verbatim. An
// empty cell is a value not given: importing keeps what is stored for it.
// RFC 4180 quoting, LF, CRLF or CR line ends, a UTF-8 byte-order mark, and
// quoted cells spanning lines are all read. The file must be UTF-8 text: a NUL
// byte, a byte that is not UTF-8, or a UTF-16 byte-order mark refuses it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

inline constexpr std::string_view k_csv_header =
    "date,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note,assessed";

struct CsvProblem {
  std::int64_t line = 0;  // 1-based line where the record starts
  std::string message;
};

struct CsvJournal {
  std::vector<model::JournalEntry> entries;  // in file order
  // Any problem refuses the whole file: the caller stores nothing of it.
  std::vector<CsvProblem> problems;

  bool ok() const noexcept { return problems.empty(); }
};

// Reads a journal CSV; dates are checked against `today` (the athlete's).
// Every bad row is reported by its line; a date given on two rows is a
// problem of the second.
CsvJournal parse_journal_csv(std::string_view text, date::sys_days today);

// Writes `entries` as a CSV that parse_journal_csv reads back to the same
// values: header first, LF line ends, unknown values as empty cells,
// booleans as yes/no, cells quoted when they need it.
std::string write_journal_csv(std::span<const model::JournalEntry> entries);

}  // namespace runload::journal
