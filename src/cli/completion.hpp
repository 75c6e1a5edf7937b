#pragma once
// Shell completion scripts for bash, zsh and fish, generated from the
// command line itself: the commands of the command table, their
// subcommands and options, and the values an option accepts (CLI11's
// IsMember sets). Shoe names come from the database at completion time
// (`runload completion --names gear`), so a new pair completes at once.

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace runload::cli {

struct CompletionOption {
  std::vector<std::string> names;  // "--db", "-q"
  bool takes_value = false;
  std::vector<std::string> values;  // the accepted values, when a fixed set
  std::string help;
};

// One command of the tree: "" for runload itself, "gear add" below.
struct CompletionCommand {
  std::string path;
  std::string summary;
  std::vector<std::string> subcommands;
  std::vector<CompletionOption> options;
  bool takes_shoe = false;  // a positional that names a shoe
  // The words the first positional takes, when a fixed set (the keys of
  // `config get`, `config set` and `config unset`).
  std::vector<std::string> positional_values;
};

// Every command of `root` and below, root first, parents before children.
std::vector<CompletionCommand> completion_tree(const CLI::App& root);

// The script for `shell` ("bash", "zsh" or "fish"). Throws UsageError for
// another shell.
std::string completion_script(std::string_view shell, const std::vector<CompletionCommand>& tree);

}  // namespace runload::cli
