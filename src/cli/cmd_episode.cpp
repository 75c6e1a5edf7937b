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
#include <runload/journal/validation.hpp>
#include <runload/report/tendon_json.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

struct AddOptions {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> note;
};

int add(Context& ctx, const AddOptions& o) {
  auto& session = ctx.session();
  if (!o.from)
    throw UsageError("give the first day: 'runload episode add --from D [--to D] [--note TEXT]'");
  model::Episode episode;
  episode.from = day_option(session, o.from, "--from", {});
  if (o.to) episode.to = day_option(session, o.to, "--to", {});
  if (o.note && o.note->size() > journal::k_note_max_bytes)
    throw UsageError(fmt::format("--note is {} bytes long; a note may have at most {}",
                                 o.note->size(), journal::k_note_max_bytes));
  episode.note = o.note;
  const auto outcome = app::add_episode(session, episode);
  ctx.print(fmt::format("{} Achilles episode {}\n",
                        !outcome.changed ? "unchanged:"
                        : outcome.before ? "updated:"
                                         : "stored:",
                        report::episode_line(outcome.stored)));
  return k_exit_success;
}

}  // namespace

void setup_episode(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(1);
  auto o = std::make_shared<AddOptions>();
  auto* adder = cmd.add_subcommand(
      "add", "record an Achilles episode: for 12 months the spike flags speak sooner");
  adder->add_option("--from", o->from, "first day: YYYY-MM-DD, today, yesterday");
  adder->add_option("--to", o->to, "last day (leave out while it lasts)");
  adder->add_option("--note", o->note, "what it was, stored verbatim");
  adder->callback([&ctx, &action, o] { action = [&ctx, o] { return add(ctx, *o); }; });

  auto json = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "every recorded episode");
  list->add_flag("--json", *json, "print a JSON array");
  list->callback([&ctx, &action, json] {
    action = [&ctx, json] {
      const auto episodes = app::episode_list(ctx.session());
      if (*json)
        ctx.print(text::dump(report::json_array(std::span(episodes), report::episode_json)) + "\n");
      else if (episodes.empty())
        ctx.note("no Achilles episode recorded; record one with 'runload episode add --from D'");
      else
        ctx.print(report::episode_table(episodes));
      return k_exit_success;
    };
  });

  auto id = std::make_shared<std::string>();
  auto* remover = cmd.add_subcommand("delete", "delete an episode by its id (see 'episode list')");
  remover->add_option("ID", *id, "the episode's id")->required();
  remover->callback([&ctx, &action, id] {
    action = [&ctx, id] {
      app::delete_episode(ctx.session(), id_option(*id, "ID"));
      ctx.print(fmt::format("deleted episode {}\n", *id));
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
