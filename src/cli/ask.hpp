#pragma once
// Asking a command's questions on the terminal, for the state machines of
// the core that hold them (journal::Checkin, journal::VisaCheckin): each
// prompt on stderr, one line read from stdin, the answer passed on, a
// refused answer's reason shown and the question asked again. Ctrl-D (end
// of input) cancels; Ctrl-C ends the process with exit 130 and says that
// nothing was stored, and is restored before the caller writes anything.

#include <functional>
#include <string>
#include <string_view>

#include <runload/journal/checkin.hpp>

namespace runload::cli {

class Context;

// 128 + SIGINT, as a shell reports a command stopped by Ctrl-C.
inline constexpr int k_exit_interrupted = 130;

struct Questions {
  std::function<bool()> done;
  std::function<std::string()> prompt;
  std::function<journal::AnswerOutcome(std::string_view)> answer;
  // Called after every answer (the journal's urgent warning); may be empty.
  std::function<void(const journal::AnswerOutcome&)> after;
};

// Asks until done(); "`title` (`hint`)" is printed first, the title in
// bold. `what` names the questions
// in the messages ("check-in": "check-in cancelled (end of input); nothing
// was stored"). False when the runner cancelled with Ctrl-D.
// REQUIRES: `what` outlives the call (the Ctrl-C handler prints it).
bool ask(const Context& ctx, std::string_view title, std::string_view hint,
         const Questions& questions, std::string_view what);

}  // namespace runload::cli
