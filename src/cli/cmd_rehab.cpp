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
#include <runload/app/tendon_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/exercises.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/report/tendon_json.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/text/json.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::cli {
namespace {

struct RehabOptions {
  std::optional<std::string> date;
  std::string exercise;
  std::optional<std::string> sets;
  std::optional<std::string> reps;
  std::optional<std::string> load_kg;
  std::optional<std::string> pain;
};

struct RehabListOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  bool json = false;
};

// The exercise of EXERCISE, with the nearest id when it is none.
std::string exercise_option(const std::string& text) {
  const auto checked = journal::parse_exercise(text);
  if (checked) return *checked.value;
  std::vector<std::string_view> ids;
  for (const auto& e : journal::exercises()) ids.push_back(e.id);
  const auto suggestion = text::closest_match(text, ids);
  throw UsageError(
      fmt::format("EXERCISE {}{}; 'runload rehab exercises' lists them", checked.error,
                  suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : ""));
}

int record(Context& ctx, const RehabOptions& o) {
  model::RehabSession session_record;
  session_record.exercise = exercise_option(o.exercise);
  if (o.sets) session_record.sets = checked_or_throw(journal::parse_sets(*o.sets), "--sets");
  if (o.reps) session_record.reps = checked_or_throw(journal::parse_reps(*o.reps), "--reps");
  if (o.load_kg)
    session_record.load_kg = checked_or_throw(journal::parse_load_kg(*o.load_kg), "--load-kg");
  if (o.pain) session_record.pain = checked_or_throw(journal::parse_scale(*o.pain), "--pain");
  auto& session = ctx.session();
  session_record.date = day_option(session, o.date, "--date", session.today(app::Access::write));
  const auto stored = app::record_rehab(session, session_record);
  ctx.print(fmt::format("stored {}\n", report::rehab_line(stored)));
  return k_exit_success;
}

int list(Context& ctx, const RehabListOptions& o) {
  auto& session = ctx.session();
  std::optional<date::sys_days> since, until;
  if (o.since) since = day_option(session, o.since, "--since", {}, journal::FutureDates::allow);
  if (o.until) until = day_option(session, o.until, "--until", {}, journal::FutureDates::allow);
  const auto sessions = app::rehab_list(session, {since, until});
  if (o.json)
    ctx.print(text::dump(report::json_array(std::span(sessions), report::rehab_json)) + "\n");
  else if (sessions.empty())
    ctx.note("no rehab logged in that range; log an exercise with 'runload rehab EXERCISE'");
  else
    ctx.print(report::rehab_table(sessions));
  return k_exit_success;
}

}  // namespace

void setup_rehab(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(0, 1);
  auto o = std::make_shared<RehabOptions>();
  cmd.add_option("EXERCISE", o->exercise,
                 "the exercise (see 'runload rehab exercises'), e.g. eccentric-heel-drop");
  cmd.add_option("--date", o->date, "day of the exercise: YYYY-MM-DD, today, yesterday");
  cmd.add_option("--sets", o->sets, "sets, 1-50");
  cmd.add_option("--reps", o->reps, "repetitions per set, 1-1000");
  cmd.add_option("--load-kg", o->load_kg, "weight added, kg (0-500)");
  cmd.add_option("--pain", o->pain, "pain during the exercise, 0-10");

  auto l = std::make_shared<RehabListOptions>();
  auto* lister = cmd.add_subcommand("list", "the rehab log, oldest first");
  lister->add_option("--since", l->since, "first day (YYYY-MM-DD, today, yesterday)");
  lister->add_option("--until", l->until, "last day");
  lister->add_flag("--json", l->json, "print a JSON array");
  lister->callback([&ctx, &action, l] { action = [&ctx, l] { return list(ctx, *l); }; });

  auto* catalogue =
      cmd.add_subcommand("exercises", "the exercises runload logs, lightest tendon load first");
  catalogue->callback([&ctx, &action] {
    action = [&ctx] {
      ctx.print(report::exercise_catalogue());
      return k_exit_success;
    };
  });

  cmd.callback([&ctx, &action, o, &cmd] {
    if (!cmd.get_subcommands().empty()) return;
    action = [&ctx, o] {
      if (o->exercise.empty())
        throw UsageError(
            "name the exercise: 'runload rehab EXERCISE [--sets N --reps N] "
            "[--load-kg KG] [--pain N]'; 'runload rehab exercises' lists them");
      return record(ctx, *o);
    };
  });
}

}  // namespace runload::cli
