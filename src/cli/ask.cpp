#include <cli/ask.hpp>

#include <signal.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include <cli/context.hpp>

namespace runload::cli {
namespace {

// The message of the Ctrl-C handler, set before it is installed: the handler
// may only write what is already there.
std::string g_interrupted_message;

extern "C" void on_interrupt(int) {
  // Only async-signal-safe calls here; nothing has been written to the database.
  const ssize_t ignored =
      ::write(STDERR_FILENO, g_interrupted_message.data(), g_interrupted_message.size());
  (void)ignored;
  ::_exit(k_exit_interrupted);
}

// Ctrl-C during the questions ends the process with a message; restored
// before the answers are written, so a store is never cut short by it.
class InterruptGuard {
 public:
  explicit InterruptGuard(std::string_view what) {
    g_interrupted_message = fmt::format("\nrunload: {} interrupted; nothing was stored\n", what);
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &m_previous);
  }
  ~InterruptGuard() { ::sigaction(SIGINT, &m_previous, nullptr); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction m_previous {};
};

}  // namespace

bool ask(const Context& ctx, std::string_view title, std::string_view hint,
         const Questions& questions, std::string_view what) {
  InterruptGuard guard(what);
  const auto p = ctx.err_palette();
  fmt::print(ctx.err, "{}{}{} ({})\n", p.bold(), title, p.reset(), hint);
  std::string line;
  while (!questions.done()) {
    fmt::print(ctx.err, "{}", questions.prompt());
    std::fflush(ctx.err);
    // A line ended by Ctrl-D instead of Enter is a cancel as well.
    if (!std::getline(std::cin, line) || std::cin.eof()) {
      fmt::print(ctx.err, "\nrunload: {} cancelled (end of input); nothing was stored\n", what);
      return false;
    }
    const auto outcome = questions.answer(line);
    if (!outcome.accepted)
      fmt::print(ctx.err, "  {}{}{}; please answer again.\n", p.yellow(), outcome.reason,
                 p.reset());
    if (questions.after) questions.after(outcome);
  }
  return true;
}

}  // namespace runload::cli
