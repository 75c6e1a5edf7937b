#pragma once
// What every command gets: the global options, the output streams with their
// terminal facts, and the database and athlete, opened on first use.

#include <cstdio>
#include <optional>
#include <string>

#include <runload/report/terminal.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>

namespace runload::cli {

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

  bool stdin_is_terminal() const;
  bool stdout_is_terminal() const;
  bool stderr_is_terminal() const;
  report::Palette out_palette() const;
  report::Palette err_palette() const;

  // Opens the database on first call (creating and migrating it) and says on
  // stderr when it was created or upgraded.
  store::Database& database(store::OpenMode mode = store::OpenMode::read_write);
  // The athlete of --athlete/--tz, created on first use. When --tz changed
  // the stored zone, re-derives the local dates of the activities whose
  // offset came from the zone, and says so.
  const store::Athlete& athlete();

  // "runload: <message>" on stderr unless --quiet.
  void note(const std::string& message) const;
  // "runload: warning: <message>" on stderr, even with --quiet.
  void warn(const std::string& message) const;

 private:
  report::ColorMode color_mode() const;

  std::optional<store::Database> m_db;
  std::optional<store::ResolvedAthlete> m_athlete;
};

}  // namespace runload::cli
