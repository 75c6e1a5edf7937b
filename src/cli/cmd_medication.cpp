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

namespace runload::cli {

namespace {

struct AddOptions {
  std::string name;
  std::optional<std::string> from;
  std::optional<std::string> to;
};

int add(Context& ctx, const AddOptions& o) {
  model::Medication medication;
  medication.name = checked_or_throw(journal::parse_medication_name(o.name), "NAME");
  auto& session = ctx.session();
  if (!o.from)
    throw UsageError("give the first day: 'runload medication add NAME --from D [--to D]'");
  medication.from = day_option(session, o.from, "--from", {});
  if (o.to) medication.to = day_option(session, o.to, "--to", {}, journal::FutureDates::allow);
  const auto outcome = app::add_medication(session, medication);
  const auto status =
      analyze::medication_status(std::span(&outcome.stored, 1), session.today(app::Access::write));
  ctx.print(fmt::format("{} {}\n",
                        !outcome.changed ? "unchanged:"
                        : outcome.before ? "updated:"
                                         : "stored:",
                        report::medication_line(status.front())));
  if (outcome.stored.kind == model::MedicationKind::other)
    ctx.note(fmt::format("runload has no rule for '{}'; the rules know\n{}", outcome.stored.name,
                         journal::known_medications()));
  return k_exit_success;
}

}  // namespace

void setup_medication(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(1);
  auto o = std::make_shared<AddOptions>();
  auto* adder = cmd.add_subcommand(
      "add", "record a course: fluoroquinolones and oral corticosteroids raise the tendon risk");
  adder->add_option("NAME", o->name, "the medication, e.g. ciprofloxacin or fluoroquinolone")
      ->required();
  adder->add_option("--from", o->from, "first day taken: YYYY-MM-DD, today, yesterday");
  adder->add_option("--to", o->to, "last day taken (leave out while still taking it)");
  adder->callback([&ctx, &action, o] { action = [&ctx, o] { return add(ctx, *o); }; });

  auto json = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "every course with its window");
  list->add_flag("--json", *json, "print a JSON array");
  list->callback([&ctx, &action, json] {
    action = [&ctx, json] {
      const auto courses = app::medication_list(ctx.session());
      if (*json)
        ctx.print(text::dump(report::json_array(std::span(courses), report::medication_json)) +
                  "\n");
      else if (courses.empty())
        ctx.note(
            "no medication recorded; record a course with 'runload medication add NAME "
            "--from D'");
      else
        ctx.print(report::medication_table(courses));
      return k_exit_success;
    };
  });

  auto id = std::make_shared<std::string>();
  auto* remover = cmd.add_subcommand("delete", "delete a course by its id (see 'medication list')");
  remover->add_option("ID", *id, "the course's id")->required();
  remover->callback([&ctx, &action, id] {
    action = [&ctx, id] {
      app::delete_medication(ctx.session(), id_option(*id, "ID"));
      ctx.print(fmt::format("deleted medication course {}\n", *id));
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
