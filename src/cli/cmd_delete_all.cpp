#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/app/delete_all_command.hpp>
#include <runload/error.hpp>
#include <runload/text/escape.hpp>

namespace runload::cli {

void setup_delete_all(CLI::App& cmd, Context& ctx, Action& action) {
  auto yes = std::make_shared<bool>(false);
  cmd.add_flag("--yes", *yes, "confirm: without it nothing is removed");
  cmd.footer(
      "The whole database goes, every athlete in it, with its backups and the exports "
      "'runload export --out' wrote (unless changed since): --athlete does not apply.");
  cmd.callback([&ctx, &action, yes] {
    action = [&ctx, yes] {
      if (ctx.options.athlete)
        throw UsageError(
            "--athlete does not apply to 'runload delete-all': it removes the whole database; "
            "to delete one athlete: runload athletes delete NAME --yes");
      const auto deleted =
          app::delete_all(ctx.session(), *yes ? app::Confirmed::yes : app::Confirmed::no);
      for (const auto& file : deleted.removed)
        ctx.print(fmt::format("removed {}\n", text::terminal_safe(file.string())));
      for (const auto& [file, why] : deleted.kept)
        ctx.print(app::Messages{
            {app::Message::Level::warning,
             fmt::format("kept the export {}: {}", text::terminal_safe(file.string()), why)}});
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
