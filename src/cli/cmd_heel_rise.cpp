#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/tendon_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/report/tendon_json.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/text/json.hpp>
#include <runload/text/layout.hpp>

namespace runload::cli {
namespace {

struct HeelRiseOptions {
  std::optional<std::string> date;
  std::optional<std::string> left;
  std::optional<std::string> right;
};

int record(Context& ctx, const HeelRiseOptions& o) {
  if (!o.left || !o.right)
    throw UsageError(
        "give both legs: 'runload heel-rise --left N --right N' (single-leg heel "
        "raises to fatigue)");
  model::HeelRiseTest test;
  test.left = checked_or_throw(journal::parse_heel_rise_count(*o.left), "--left");
  test.right = checked_or_throw(journal::parse_heel_rise_count(*o.right), "--right");
  auto& session = ctx.session();
  test.date = day_option(session, o.date, "--date", session.today(app::Access::write));
  const auto recorded = app::record_heel_rise(session, test);
  const auto& outcome = recorded.outcome;
  ctx.print(
      !outcome.changed ? "unchanged: heel-rise test of that day\n"
      : outcome.before
          ? fmt::format("replaced the heel-rise test of that day (it was left {}, right {})\n",
                        outcome.before->left, outcome.before->right)
          : std::string("stored heel-rise test\n"));
  if (recorded.summary) {
    for (const auto& line : text::wrap(report::heel_rise_text(*recorded.summary), 78))
      ctx.print("  " + line + "\n");
  }
  return k_exit_success;
}

}  // namespace

void setup_heel_rise(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(0, 1);
  auto o = std::make_shared<HeelRiseOptions>();
  cmd.add_option("--date", o->date, "day of the test: YYYY-MM-DD, today, yesterday");
  cmd.add_option("--left", o->left, "single-leg heel raises to fatigue, left leg (0-200)");
  cmd.add_option("--right", o->right, "the same, right leg (0-200)");
  auto json = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "every heel-rise test, oldest first");
  list->add_flag("--json", *json, "print a JSON array");
  list->callback([&ctx, &action, o, json] {
    action = [&ctx, o, json] {
      if (o->date || o->left || o->right)
        throw UsageError(
            "--date, --left and --right belong to 'runload heel-rise', not "
            "'heel-rise list'");
      const auto tests = app::heel_rise_list(ctx.session());
      if (*json)
        ctx.print(text::dump(report::json_array(std::span(tests), report::heel_rise_json)) + "\n");
      else if (tests.empty())
        ctx.note(
            "no heel-rise test stored yet; record one with 'runload heel-rise --left N "
            "--right N'");
      else
        ctx.print(report::heel_rise_table(tests));
      return k_exit_success;
    };
  });
  cmd.callback([&ctx, &action, o, &cmd] {
    if (!cmd.get_subcommands().empty()) return;
    action = [&ctx, o] { return record(ctx, *o); };
  });
}

}  // namespace runload::cli
