// `runload athletes set NAME [--born YYYY] [--sex female|male]`: the age and
// sex the heel-rise norms use (docs/TENDON.md). The `athletes` command of
// DESIGN.md section 6 (list, rename, delete, --tz) grows here.
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
#include <runload/report/tendon_text.hpp>
#include <runload/text/escape.hpp>

namespace runload::cli {
namespace {

struct SetOptions {
  std::string name;
  std::optional<std::string> born;
  std::optional<std::string> sex;
};

int set(Context& ctx, const SetOptions& o) {
  if (!o.born && !o.sex)
    throw UsageError(
        "give what to set: 'runload athletes set NAME --born YYYY --sex "
        "female|male'");
  auto& session = ctx.session();
  model::AthleteProfile given;
  if (o.born)
    given.born_year =
        checked_or_throw(journal::parse_born_year(*o.born, session.today()), "--born");
  if (o.sex) given.sex = checked_or_throw(journal::parse_sex(*o.sex), "--sex");
  const auto set = app::set_athlete_profile(session, o.name, given);
  ctx.print(fmt::format("{}: {} (used only for the heel-rise norms and a line of context)\n",
                        text::terminal_safe(set.athlete), report::profile_text(set.profile)));
  return k_exit_success;
}

}  // namespace

void setup_athletes(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(1);
  auto o = std::make_shared<SetOptions>();
  auto* setter = cmd.add_subcommand("set", "set an athlete's year of birth and sex (optional)");
  setter->add_option("NAME", o->name, "the athlete")->required();
  setter->add_option("--born", o->born, "year of birth, YYYY");
  setter->add_option("--sex", o->sex, "female or male");
  setter->callback([&ctx, &action, o] { action = [&ctx, o] { return set(ctx, *o); }; });
}

}  // namespace runload::cli
