#pragma once
// The morning check-in as a state machine: the caller shows prompt(), reads
// one line, passes it to answer(), and repeats until done(). No terminal, no
// streams: the CLI drives it from stdin, the tests from strings.
//
// Questions, in turn (DESIGN.md section 1, "20 seconds"):
//   stiffness on the first steps this morning (0-10)
//   how many minutes it lasted      (skipped, and stored as 0, when stiffness is 0)
//   pain during yesterday's run     (0-10; skipped when no run is stored for yesterday)
//   pain after yesterday's run      (0-10; same)
//   swelling (y/n)
//   a pop or sudden sharp pain at the back of the heel (y/n)
//   which side (left/right/both)    (skipped when there is nothing to locate)
//   a note
// Morning answers belong to the day being logged; the two pain answers to the
// day before (DESIGN.md section 3, "Journal days").
//
// An empty line keeps the default shown in brackets: the value stored for
// that day when the check-in is repeated, else yesterday's (pain: yesterday's
// stored pain; pop: no). Without a default an empty line leaves the value
// unknown, except for stiffness, which is asked again.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <runload/model/journal_entry.hpp>

namespace runload::journal {

struct CheckinSetup {
  date::sys_days day{};                           // the morning being logged
  std::optional<model::JournalEntry> day_stored;  // its entry, when repeating the check-in
  std::optional<model::JournalEntry> yesterday_stored;
  bool ran_yesterday = false;  // a running activity is stored for day - 1
};

enum class Question {
  stiffness,
  stiffness_minutes,
  pain_run,
  pain_after,
  swelling,
  pop,
  side,
  note,
};

struct AnswerOutcome {
  bool accepted = false;
  std::string reason;                  // why the answer was refused; ask again
  std::vector<std::string> red_flags;  // red_flag_reasons() raised by this answer
};

class Checkin {
 public:
  explicit Checkin(CheckinSetup setup);

  bool done() const noexcept { return !m_question.has_value(); }
  // The morning being logged.
  date::sys_days day() const noexcept { return m_setup.day; }

  // REQUIRES: !done().
  Question question() const { return *m_question; }
  // The question with its scale and, when there is one, its default in
  // brackets, ending in ": ". REQUIRES: !done().
  std::string prompt() const;
  // Takes one line (without its newline). Refused answers leave the question
  // in place. REQUIRES: !done().
  AnswerOutcome answer(std::string_view line);

  // What to store, when done(): the day's morning entry, and, when a pain
  // answer was given, the day before's entry holding only the pain values.
  std::vector<model::JournalEntry> entries() const;

 private:
  bool applies(Question question) const;
  void advance_from(Question question);
  std::optional<std::string> default_answer(Question question) const;
  const std::optional<model::JournalEntry>& defaults() const;

  CheckinSetup m_setup;
  std::optional<Question> m_question;
  model::JournalEntry m_morning;
  model::JournalEntry m_yesterday;
};

}  // namespace runload::journal
