#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/runs_command.hpp>
#include <runload/report/runs_table.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {

void setup_runs(CLI::App& cmd, Context& ctx, Action& action) {
  auto since = std::make_shared<std::optional<std::string>>();
  auto until = std::make_shared<std::optional<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd.add_option("--since", *since, "first local date, YYYY-MM-DD");
  cmd.add_option("--until", *until, "last local date, YYYY-MM-DD");
  cmd.add_flag("--json", *json, "print a JSON array, oldest first");
  cmd.callback([&ctx, &action, since, until, json] {
    action = [&ctx, since, until, json] {
      const store::LocalDateRange range{date_option(*since, "--since"),
                                        date_option(*until, "--until")};
      const auto activities = app::list_activities(ctx.session(), range);
      if (*json) {
        ctx.print(text::dump(app::runs_json(activities)) + "\n");
      } else if (activities.empty()) {
        ctx.note("no activities stored in that range");
      } else {
        ctx.print(report::runs_table(activities, ctx.out_palette()));
      }
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
