#include <cli/run.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/version.hpp>
#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::cli {
namespace {

constexpr std::string_view k_usage =
    "usage: runload [--db PATH] [--athlete NAME] [--tz ZONE] [--color auto|always|never] "
    "[-q] COMMAND [ARGS]\n"
    "Try 'runload --help' for the list of commands.\n";

// Global options that take a value, so the command search can skip it.
bool takes_value(std::string_view option) {
  return option == "--db" || option == "--athlete" || option == "--tz" || option == "--color";
}

// The first argument that is neither an option nor an option's value, or "".
std::string find_command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? argv[i + 1] : "";
    if (arg.starts_with("-")) {
      if (takes_value(arg)) ++i;
      continue;
    }
    return std::string(arg);
  }
  return "";
}

std::string help_footer() {
  return "The database is --db, else $RUNLOAD_DB, else $XDG_DATA_HOME/runload/runload.db, else "
         "~/.local/share/runload/runload.db.\n"
         "Exit codes: 0 success, 1 some input failed, 2 usage error, 3 database error, 4 report "
         "--fail-on reached.\n"
         "runload informs; it does not diagnose.";
}

// Every output stream is checked on close: a write that failed (a full
// disk, /dev/full) is an error, not a silent truncation.
int finish_output(Context& ctx, int code) {
  errno = 0;
  if (std::fflush(ctx.out) == 0 && std::ferror(ctx.out) == 0) return code;
  const int error = errno;
  ctx.error(fmt::format("cannot write the output: {}",
                        error != 0 ? std::strerror(error) : "a write failed"));
  return code == k_exit_success || code == k_exit_threshold ? k_exit_input_failed : code;
}

int run_parsed(int argc, char** argv, Context& ctx) {
  const std::string word = find_command_word(argc, argv);
  std::vector<std::string_view> names;
  for (const auto& command : commands()) names.push_back(command.name);

  bool asks_help_or_version = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "--version") asks_help_or_version = true;
  }
  if (word.empty() && !asks_help_or_version) {
    fmt::print(ctx.err, "{}", k_usage);
    return k_exit_usage;
  }
  if (!word.empty() && std::find(names.begin(), names.end(), word) == names.end()) {
    const auto suggestion = text::closest_match(word, names);
    ctx.error(fmt::format("unknown command '{}'{}", word,
                          suggestion ? fmt::format("; did you mean '{}'?", *suggestion)
                                     : std::string("; see 'runload --help'")));
    return k_exit_usage;
  }

  CLI::App app{
      "runload: a training-load monitor for runners, watching for the jumps in "
      "distance, speed, hills and footwear that overload the Achilles tendon."};
  app.name("runload");
  app.set_version_flag("--version", runload::app::version_line());
  app.footer(help_footer());
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.options.db, "database file");
  app.add_option("--athlete", ctx.options.athlete, "athlete name (default: the only one)");
  app.add_option("--tz", ctx.options.tz, "IANA time zone of the athlete (e.g. Europe/Berlin)");
  offer_values(*app.add_option("--color", ctx.options.color, "colour: auto, always or never"),
               "WHEN", {"auto", "always", "never"});
  app.add_flag("-q,--quiet", ctx.options.quiet, "print no notes or progress on stderr");

  Action action;
  for (const auto& command : commands()) {
    auto* subcommand = app.add_subcommand(std::string(command.name), std::string(command.summary));
    command.setup(*subcommand, ctx, action);
  }

  if (!asks_help_or_version) check_option_names(app, argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    ctx.error(text::terminal_safe(e.what()));
    fmt::print(ctx.err, "Try '{} --help'.\n", command_path(app, argc, argv));
    return k_exit_usage;
  }
  ctx.check_options();
  return action ? action() : k_exit_usage;
}

int run_guarded(int argc, char** argv, Context& ctx) {
  try {
    return run_parsed(argc, argv, ctx);
  } catch (const UsageError& e) {
    ctx.error(e.what());
    return k_exit_usage;
  } catch (const OutputError& e) {
    ctx.error(e.what());
    return k_exit_input_failed;
  } catch (const DatabaseError& e) {
    ctx.error(e.what());
    return k_exit_database;
  } catch (const std::exception& e) {
    if (store::is_sqlite_error(e)) {
      ctx.error(store::sqlite_error_message(e));
      return k_exit_database;
    }
    ctx.error(fmt::format("unexpected: {}", e.what()));
    return k_exit_database;
  }
}

}  // namespace

int run(int argc, char** argv) {
  Context ctx;
  return finish_output(ctx, run_guarded(argc, argv, ctx));
}

}  // namespace runload::cli
