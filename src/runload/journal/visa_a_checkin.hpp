#pragma once
// `runload visa-a` asked on a terminal, as a state machine with no I/O, like
// the morning check-in (checkin.hpp): the caller shows prompt(), reads one
// line, passes it to answer(), and repeats until done(). The CLI drives it
// from stdin, the tests from strings.
//
// Questions, in turn: Q1 to Q7 (visa_items()), then Q8 as two: the branch
// (A, B or C) and the minutes of training, which pick the branch's score
// (visa_q8_score_for_minutes). Every question must be answered: an empty
// line, or an answer out of its scale, is refused with the reason and the
// question asked again. No earlier answer is offered as a default, so that
// each questionnaire stands on its own.

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/journal/checkin.hpp>
#include <runload/model/tendon.hpp>

namespace runload::journal {

class VisaCheckin {
 public:
  explicit VisaCheckin(date::sys_days day);

  bool done() const noexcept { return m_step >= k_steps; }
  date::sys_days day() const noexcept { return m_visa.date; }

  // "Q3 of 8. After walking ... (0 = severe pain, 10 = no pain): ".
  // REQUIRES: !done().
  std::string prompt() const;
  // Takes one line (without its newline). REQUIRES: !done().
  AnswerOutcome answer(std::string_view line);

  // The questionnaire, REQUIRES: done().
  const model::VisaA& result() const noexcept { return m_visa; }

 private:
  // Q1-Q7 are steps 0-6; the Q8 branch 7; the Q8 minutes 8.
  static constexpr int k_steps = 9;
  int m_step = 0;
  model::VisaA m_visa;
};

}  // namespace runload::journal
