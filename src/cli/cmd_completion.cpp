#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include <cli/commands.hpp>
#include <cli/completion.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/app/athletes_command.hpp>
#include <runload/app/gear_command.hpp>
#include <runload/error.hpp>

namespace runload::cli {

namespace {

struct CompletionArgs {
  std::string shell;
  std::string names;
};

// The shoe or athlete names a completion offers: none when the database does not exist
// yet (completing must never create it).
int print_names(Context& ctx, const std::string& kind) {
  auto& session = ctx.session();
  if (!std::filesystem::exists(session.database_path())) return k_exit_success;
  std::string out;
  if (kind == "gear")
    for (const auto& shoe : app::list_gear(session)) out += shoe.gear.name + "\n";
  if (kind == "athletes")
    for (const auto& athlete : app::list_athletes(session)) out += athlete.athlete.name + "\n";
  ctx.print(out);
  return k_exit_success;
}

}  // namespace

void setup_completion(CLI::App& cmd, Context& ctx, Action& action) {
  auto args = std::make_shared<CompletionArgs>();
  cmd.add_option("SHELL", args->shell, "bash, zsh or fish")
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd.add_option("--names", args->names, "print the names a completion offers, one a line")
      ->check(CLI::IsMember({"gear", "athletes"}))
      ->group("");  // for the scripts, not for people
  cmd.footer(
      "Installed packages put the scripts where each shell finds them. By hand:\n"
      "  bash: runload completion bash > ~/.local/share/bash-completion/completions/runload\n"
      "  zsh:  runload completion zsh > \"${fpath[1]}/_runload\"\n"
      "  fish: runload completion fish > ~/.config/fish/completions/runload.fish");
  cmd.callback([&ctx, &action, &cmd, args] {
    action = [&ctx, &cmd, args] {
      if (!args->names.empty()) return print_names(ctx, args->names);
      if (args->shell.empty()) throw UsageError("completion: name the shell: bash, zsh or fish");
      ctx.print(completion_script(args->shell, completion_tree(*cmd.get_parent())));
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
