#pragma once
// The table of commands: name, one-line summary, and the function that adds
// the command's options. Help text is data (ninja's tool table): run.cpp
// creates each subcommand with its name and summary, so `runload --help`
// and the spelling suggestions read this table and nothing else.

#include <functional>
#include <span>
#include <string_view>

namespace CLI {
class App;
}

namespace runload::cli {

class Context;

// Set by a command's parse callback; run after parsing succeeds. Returns the
// exit code.
using Action = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view summary;
  // Adds the command's options to `command` (the subcommand of that name);
  // its callback stores the Action in `action`.
  void (*setup)(CLI::App& command, Context& ctx, Action& action);
};

std::span<const Command> commands();

// One setup function per command, each in its own cmd_<name>.cpp.
void setup_athletes(CLI::App& command, Context& ctx, Action& action);
void setup_completion(CLI::App& command, Context& ctx, Action& action);
void setup_delete_all(CLI::App& command, Context& ctx, Action& action);
void setup_doctor(CLI::App& command, Context& ctx, Action& action);
void setup_export(CLI::App& command, Context& ctx, Action& action);
void setup_gear(CLI::App& command, Context& ctx, Action& action);
void setup_import(CLI::App& command, Context& ctx, Action& action);
void setup_runs(CLI::App& command, Context& ctx, Action& action);
void setup_journal(CLI::App& command, Context& ctx, Action& action);
void setup_report(CLI::App& command, Context& ctx, Action& action);
void setup_visa_a(CLI::App& command, Context& ctx, Action& action);
void setup_heel_rise(CLI::App& command, Context& ctx, Action& action);
void setup_rehab(CLI::App& command, Context& ctx, Action& action);
void setup_medication(CLI::App& command, Context& ctx, Action& action);
void setup_episode(CLI::App& command, Context& ctx, Action& action);
void setup_config(CLI::App& command, Context& ctx, Action& action);
void setup_athletes(CLI::App& command, Context& ctx, Action& action);

}  // namespace runload::cli
