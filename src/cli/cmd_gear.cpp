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
#include <functional>
#include <runload/app/config_command.hpp>
#include <runload/app/gear_command.hpp>
#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/report/gear_table.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

// The athlete's today, for "today" and "yesterday" in a date option.
std::function<date::sys_days()> today_of(Context& ctx) {
  return [&ctx] { return ctx.session().today(app::Access::write); };
}

using text::terminal_safe;

// The options of `gear add` and `gear edit`, as typed.
struct ValueOptions {
  std::optional<std::string> rename;
  std::optional<std::string> brand;
  std::optional<std::string> model;
  std::optional<std::string> drop;
  std::optional<std::string> stack;
  bool minimalist = false;
  bool not_minimalist = false;
  std::optional<std::string> limit;
  std::optional<std::string> since;

  app::GearValues values(const std::function<date::sys_days()>& today) const {
    app::GearValues v;
    v.rename = rename;
    v.brand = brand;
    v.model = model;
    v.drop_mm = number_option(drop, "--drop");
    v.stack_mm = number_option(stack, "--stack");
    if (minimalist) v.minimalist = true;
    if (not_minimalist) v.minimalist = false;
    v.limit_km = number_option(limit, "--limit-km");
    v.since = date_option(since, "--since", today);
    return v;
  }
};

void add_value_options(CLI::App& cmd, ValueOptions& v) {
  cmd.add_option("--brand", v.brand, "the maker, \"Brooks\"");
  cmd.add_option("--model", v.model, "the model, \"Ghost 15\"");
  cmd.add_option("--drop", v.drop,
                 "heel-to-toe drop in mm (the maker's figure); what footwear_transition compares");
  cmd.add_option("--stack", v.stack, "heel stack height in mm");
  auto* minimalist = cmd.add_flag("--minimalist", v.minimalist,
                                  "a minimalist shoe (little cushioning, low drop, flexible)");
  auto* not_minimalist =
      cmd.add_flag("--not-minimalist", v.not_minimalist, "not a minimalist shoe");
  minimalist->excludes(not_minimalist);
  cmd.add_option("--limit-km", v.limit, "the distance after which you retire it (default 800 km)");
  cmd.add_option("--since", v.since, "first worn, YYYY-MM-DD");
}

void setup_add(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("add", "add a pair of shoes");
  auto name = std::make_shared<std::string>();
  auto v = std::make_shared<ValueOptions>();
  cmd->add_option("NAME", *name, "its name, as your runs or Strava name it")->required();
  add_value_options(*cmd, *v);
  cmd->callback([&ctx, &action, name, v] {
    action = [&ctx, name, v] {
      app::add_gear(ctx.session(), *name, v->values(today_of(ctx)));
      ctx.note(fmt::format("added '{}'", terminal_safe(*name)));
      return k_exit_success;
    };
  });
}

void setup_edit(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("edit", "change a shoe's values (only those given)");
  auto name = std::make_shared<std::string>();
  auto v = std::make_shared<ValueOptions>();
  cmd->add_option("NAME", *name, "the shoe")->required();
  cmd->add_option("--name", v->rename, "a new name (its runs follow)");
  add_value_options(*cmd, *v);
  cmd->callback([&ctx, &action, name, v] {
    action = [&ctx, name, v] {
      app::edit_gear(ctx.session(), *name, v->values(today_of(ctx)));
      ctx.note(fmt::format("changed '{}'", terminal_safe(v->rename.value_or(*name))));
      return k_exit_success;
    };
  });
}

int list(Context& ctx, bool json) {
  const auto shoes = app::list_gear(ctx.session());
  // The athlete's shoe_limit_km for a shoe without its own, and the units.
  const auto settings = app::applied_settings(ctx.session());
  const double default_limit_km = settings.thresholds.shoe_limit_m / 1000.0;
  if (json) {
    ctx.print(text::dump(app::gear_json(shoes, default_limit_km)) + "\n");
  } else if (shoes.empty()) {
    ctx.note(
        "no shoes yet: add one with 'runload gear add NAME --drop MM', or import a Strava "
        "export whose runs name theirs");
  } else {
    ctx.print(report::gear_table(shoes, default_limit_km, ctx.out_palette(), settings.units));
  }
  return k_exit_success;
}

void setup_list(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("list", "the shoes with their distance against their limit");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "print a JSON array, by name");
  cmd->callback([&ctx, &action, json] { action = [&ctx, json] { return list(ctx, *json); }; });
}

struct AssignOptions {
  std::vector<std::string> words;  // ACTIVITY... NAME
  std::optional<std::string> from;
  std::optional<std::string> to;
};

int assign(Context& ctx, const AssignOptions& o) {
  if (o.words.empty()) throw UsageError("gear assign: name the shoe");
  const auto& name = o.words.back();
  int changed = 0;
  if (o.from || o.to) {
    if (!o.from || !o.to) throw UsageError("gear assign: give both --from and --to");
    if (o.words.size() > 1)
      throw UsageError("gear assign: give activity ids or --from and --to, not both");
    changed = app::assign_gear_range(ctx.session(), *date_option(o.from, "--from", today_of(ctx)),
                                     *date_option(o.to, "--to", today_of(ctx)), name);
  } else {
    if (o.words.size() < 2)
      throw UsageError(
          "gear assign: give the activity ids, then the shoe ('gear assign 12 13 "
          "NAME'), or --from D --to D NAME");
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i + 1 < o.words.size(); ++i) ids.push_back(id_argument(o.words[i]));
    changed = app::assign_gear(ctx.session(), ids, name);
  }
  ctx.note(
      fmt::format("{} run{} now in '{}'", changed, changed == 1 ? "" : "s", terminal_safe(name)));
  return k_exit_success;
}

void setup_assign(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("assign", "say which shoe runs were in");
  auto o = std::make_shared<AssignOptions>();
  cmd->add_option("ACTIVITY... NAME", o->words, "activity ids (see 'runload runs'), then the shoe")
      ->required();
  cmd->add_option("--from", o->from, "every run from this local date, YYYY-MM-DD ...");
  cmd->add_option("--to", o->to, "... to this one");
  cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return assign(ctx, *o); }; });
}

void setup_default(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("default", "the shoe of runs that name none");
  auto name = std::make_shared<std::string>();
  cmd->add_option("NAME", *name, "the shoe")->required();
  cmd->callback([&ctx, &action, name] {
    action = [&ctx, name] {
      const int given = app::set_default_gear(ctx.session(), *name);
      ctx.note(fmt::format("'{}' is the default shoe; {} run{} without a shoe now name it",
                           terminal_safe(*name), given, given == 1 ? "" : "s"));
      return k_exit_success;
    };
  });
}

void setup_retire(CLI::App& gear, Context& ctx, Action& action) {
  auto* cmd = gear.add_subcommand("retire", "a shoe you no longer run in");
  auto name = std::make_shared<std::string>();
  auto day = std::make_shared<std::optional<std::string>>();
  auto undo = std::make_shared<bool>(false);
  cmd->add_option("NAME", *name, "the shoe")->required();
  cmd->add_option("--date", *day, "the day retired, YYYY-MM-DD (default: today)");
  cmd->add_flag("--undo", *undo, "put it back in use");
  cmd->callback([&ctx, &action, name, day, undo] {
    action = [&ctx, name, day, undo] {
      const auto retired =
          app::retire_gear(ctx.session(), *name, date_option(*day, "--date", today_of(ctx)), *undo);
      ctx.note(retired ? fmt::format("'{}' retired on {}", terminal_safe(*name),
                                     model::format_date(*retired))
                       : fmt::format("'{}' is in use again", terminal_safe(*name)));
      return k_exit_success;
    };
  });
}

}  // namespace

void setup_gear(CLI::App& gear, Context& ctx, Action& action) {
  gear.require_subcommand(0, 1);
  setup_add(gear, ctx, action);
  setup_list(gear, ctx, action);
  setup_edit(gear, ctx, action);
  setup_assign(gear, ctx, action);
  setup_default(gear, ctx, action);
  setup_retire(gear, ctx, action);
  gear.callback([&ctx, &action, &gear] {
    if (!gear.get_subcommands().empty()) return;
    action = [&ctx] { return list(ctx, false); };
  });
}

}  // namespace runload::cli
