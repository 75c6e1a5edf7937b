#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/config_command.hpp>
#include <runload/app/runs_command.hpp>
#include <runload/report/runs_table.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

struct ListOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> sport;
  bool json = false;
};

int list_runs(Context& ctx, const ListOptions& o) {
  const auto filter = o.sport ? app::parse_sport_filter(*o.sport) : app::SportFilter{};
  auto& session = ctx.session();
  const auto today = [&session] { return session.today(app::Access::read); };
  const store::LocalDateRange range{date_option(o.since, "--since", today),
                                    date_option(o.until, "--until", today)};
  const auto listed = app::list_activities(session, range, filter);
  ctx.print(listed.messages);
  if (o.json) {
    ctx.print(text::dump(app::runs_json(listed.activities)) + "\n");
  } else if (listed.activities.empty()) {
    ctx.note("no activities stored in that range");
  } else {
    ctx.print(report::runs_table(listed.activities, ctx.out_palette(),
                                 app::applied_settings(session).units));
  }
  return k_exit_success;
}

void setup_show(CLI::App& runs, Context& ctx, Action& action) {
  auto* show = runs.add_subcommand("show", "every field and source of one activity");
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  show->add_option("ID", *id, "the activity's id, as 'runload runs' lists it")->required();
  show->add_flag("--json", *json, "print one JSON object");
  show->callback([&ctx, &action, id, json] {
    action = [&ctx, id, json] {
      const auto details = app::show_activity(ctx.session(), id_argument(*id));
      ctx.print(*json ? text::dump(app::activity_json(details)) + "\n"
                      : app::activity_text(details, app::applied_settings(ctx.session()).units));
      return k_exit_success;
    };
  });
}

void setup_delete(CLI::App& runs, Context& ctx, Action& action) {
  auto* remove = runs.add_subcommand(
      "delete", "delete activities (importing their files again does not bring them back)");
  auto ids = std::make_shared<std::vector<std::string>>();
  remove->add_option("ID", *ids, "the ids of the activities, as 'runload runs' lists them")
      ->required();
  remove->footer(
      "A deleted activity stays deleted when the same run is imported again, from the same "
      "file or another; 'runload import --undelete FILE...' brings it back.");
  remove->callback([&ctx, &action, ids] {
    action = [&ctx, ids] {
      std::vector<std::int64_t> numbers;
      for (const auto& id : *ids) numbers.push_back(id_argument(id));
      const auto deleted = app::delete_activities(ctx.session(), numbers);
      const auto units = app::applied_settings(ctx.session()).units;
      for (const auto& a : deleted)
        ctx.print(fmt::format("deleted activity {}\n", app::describe_activity(a, units)));
      ctx.note(
          "importing their files again will not bring them back; 'runload import --undelete' "
          "does");
      return k_exit_success;
    };
  });
}

void setup_set(CLI::App& runs, Context& ctx, Action& action) {
  auto* set = runs.add_subcommand(
      "set", "correct an activity's sport, name or gear (no later import changes them back)");
  auto id = std::make_shared<std::string>();
  auto sport = std::make_shared<std::optional<std::string>>();
  auto name = std::make_shared<std::optional<std::string>>();
  auto gear = std::make_shared<std::optional<std::string>>();
  set->add_option("ID", *id, "the activity's id, as 'runload runs' lists it")->required();
  offer_values(*set->add_option("--sport", *sport,
                                "run, trail_run, treadmill_run, virtual_run (running load), walk, "
                                "hike, ride, swim or other (not)"),
               "SPORT", sport_names());
  set->add_option("--name", *name, "the activity's name ('' for none)");
  set->add_option("--gear", *gear, "the shoes or gear ('' for none)");
  set->callback([&ctx, &action, id, sport, name, gear] {
    action = [&ctx, id, sport, name, gear] {
      store::ActivityEdit edit;
      if (*sport) edit.sport = app::parse_sport(**sport, "--sport");
      edit.name = *name;
      edit.gear = *gear;
      const auto stored = app::edit_activity(ctx.session(), id_argument(*id), edit);
      ctx.print(
          fmt::format("updated activity {}\n",
                      app::describe_activity(stored, app::applied_settings(ctx.session()).units)));
      return k_exit_success;
    };
  });
}

}  // namespace

void setup_runs(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(0, 1);
  auto o = std::make_shared<ListOptions>();
  cmd.add_option("--since", o->since, "first local date: YYYY-MM-DD, today or yesterday");
  cmd.add_option("--until", o->until, "last local date: YYYY-MM-DD, today or yesterday");
  offer_values(*cmd.add_option("--sport", o->sport,
                               "only this sport (run, trail_run, ..., walk, ride, other) or "
                               "'running' for the four running sports"),
               "SPORT", sport_names(true));
  cmd.add_flag("--json", o->json, "print a JSON array, oldest first");
  setup_show(cmd, ctx, action);
  setup_delete(cmd, ctx, action);
  setup_set(cmd, ctx, action);
  cmd.callback([&ctx, &action, o, &cmd] {
    if (!cmd.get_subcommands().empty()) {
      if (o->since || o->until || o->sport || o->json) {
        // --json belongs to `runs show` too; the listing's options do not.
        if (o->since || o->until || o->sport)
          throw UsageError(
              fmt::format("--since, --until and --sport belong to 'runload runs', "
                          "not 'runload runs {}'",
                          cmd.get_subcommands().front()->get_name()));
      }
      return;
    }
    action = [&ctx, o] { return list_runs(ctx, *o); };
  });
}

}  // namespace runload::cli
