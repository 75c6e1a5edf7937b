#pragma once
// What every command gets: the global options, the output streams with their
// terminal facts, the session (database and athlete, opened on first use),
// and the one way to print a diagnostic.

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <runload/app/message.hpp>
#include <runload/app/session.hpp>
#include <runload/report/terminal.hpp>

namespace runload::cli {

// Output that could not be written: a file of --html, or stdout (exit 1, with
// the path and the system's reason).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GlobalOptions {
  std::optional<std::string> db;
  std::optional<std::string> athlete;
  std::optional<std::string> tz;
  std::string color = "auto";
  bool quiet = false;
};

class Context {
 public:
  GlobalOptions options;
  std::FILE* out = stdout;
  std::FILE* err = stderr;

  // Checks the global options that CLI11 takes as text (--color), so that
  // a bad one is refused whatever the command prints. Throws UsageError.
  void check_options() const;

  bool stdin_is_terminal() const;
  bool stdout_is_terminal() const;
  bool stderr_is_terminal() const;
  report::Palette out_palette() const;
  report::Palette err_palette() const;

  // The session of the global options, created on first call; what opening
  // the database and resolving the athlete did is noted on stderr.
  app::Session& session();

  // Prints `text` on stdout as it is. Throws OutputError when it cannot be
  // written (cli::run also checks stdout when it closes it).
  void print(std::string_view text) const;
  // Every diagnostic below is made terminal-safe as a whole
  // (text::terminal_safe keeping newlines and tabs): no control byte a
  // file or a user wrote reaches the terminal, whatever the message quotes.
  // "runload: <message>" on stderr unless --quiet.
  void note(const std::string& message) const;
  // "runload: <message>" on stderr, even with --quiet: a detail of an error.
  void detail(const std::string& message) const;
  // "runload: warning: <message>" on stderr, even with --quiet.
  void warn(const std::string& message) const;
  // "runload: error: <message>" on stderr ("error:" in red on a terminal).
  // Never throws: it runs in the handlers of cli::run, where a second
  // exception (stderr on a full disk) would abort the process.
  void error(const std::string& message) const noexcept;
  // Each message with its level's prefix (notes dropped under --quiet).
  void print(const app::Messages& messages) const;

 private:
  report::ColorMode color_mode() const;

  std::optional<app::Session> m_session;
};

}  // namespace runload::cli
