#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/app/doctor_command.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {

void setup_doctor(CLI::App& cmd, Context& ctx, Action& action) {
  auto json = std::make_shared<bool>(false);
  cmd.add_flag("--json", *json, "print one JSON object");
  cmd.callback([&ctx, &action, json] {
    action = [&ctx, json] {
      auto& session = ctx.session();
      const auto report = app::check_database(session);
      ctx.print(*json ? text::dump(app::doctor_json(report)) + "\n"
                      : app::doctor_text(report, ctx.out_palette()));
      if (report.healthy()) return k_exit_success;
      ctx.error(fmt::format("{} is not healthy ({})\n{}", session.database_path().string(),
                            app::problem_summary(report), app::doctor_advice(report)));
      return k_exit_database;
    };
  });
}

}  // namespace runload::cli
