#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/athletes_command.hpp>
#include <runload/app/tendon_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

// The athletes commands name their athlete as an argument: the global
// --athlete and --tz would be ignored, so they are refused.
void refuse_global_athlete(const Context& ctx, std::string_view command) {
  if (ctx.options.athlete)
    throw UsageError(fmt::format(
        "--athlete does not apply to 'runload {}': name the athlete as its argument", command));
  if (ctx.options.tz)
    throw UsageError(fmt::format(
        "--tz does not apply to 'runload {}'; to change a zone: runload athletes set NAME --tz "
        "ZONE",
        command));
}

struct SetOptions {
  std::string name;
  std::optional<std::string> zone;
  std::optional<std::string> born;
  std::optional<std::string> sex;
  std::optional<std::string> hr_rest;
  std::optional<std::string> hr_max;
};

// --born and --sex: the age and sex the heel-rise norms use (docs/TENDON.md);
// --hr-rest and --hr-max: the heart-rate reserve of Banister's TRIMP
// (docs/REPORT.md), sex its factor.
void set_profile(Context& ctx, const SetOptions& o) {
  auto& session = ctx.session();
  model::AthleteProfile given;
  if (o.born)
    given.born_year = checked_or_throw(
        journal::parse_born_year(*o.born, session.today(app::Access::write)), "--born");
  if (o.sex) given.sex = checked_or_throw(journal::parse_sex(*o.sex), "--sex");
  if (o.hr_rest)
    given.hr_rest_bpm = checked_or_throw(journal::parse_hr_rest(*o.hr_rest), "--hr-rest");
  if (o.hr_max) given.hr_max_bpm = checked_or_throw(journal::parse_hr_max(*o.hr_max), "--hr-max");
  const auto set = app::set_athlete_profile(session, o.name, given);
  if (o.born || o.sex)
    ctx.print(
        fmt::format("{}: {} (for the heel-rise norms and a line of context; the sex also "
                    "picks the factor of TRIMP)\n",
                    text::terminal_safe(set.athlete), report::profile_text(set.profile)));
  if (o.hr_rest || o.hr_max)
    ctx.print(fmt::format("{}: {} (for the heart-rate load, Banister's TRIMP)\n",
                          text::terminal_safe(set.athlete),
                          report::heart_rate_profile_text(set.profile)));
}

int set(Context& ctx, const SetOptions& o) {
  if (ctx.options.athlete)
    throw UsageError(
        "--athlete does not apply to 'runload athletes set': name the athlete as its argument");
  if (!o.zone && !o.born && !o.sex && !o.hr_rest && !o.hr_max)
    throw UsageError(
        fmt::format("'athletes set {}' needs what to set: --tz ZONE, --born YYYY, --sex "
                    "female|male, --hr-rest BPM or --hr-max BPM",
                    text::terminal_safe(o.name)));
  if (o.zone) {
    const auto change = app::set_athlete_zone(ctx.session(), o.name, *o.zone);
    ctx.print(app::zone_change_text(o.name, *o.zone, change));
  }
  if (o.born || o.sex || o.hr_rest || o.hr_max) set_profile(ctx, o);
  return k_exit_success;
}

}  // namespace

void setup_athletes(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(0, 1);
  auto json = std::make_shared<bool>(false);
  cmd.add_flag("--json", *json, "print a JSON array");
  cmd.callback([&ctx, &action, json, &cmd] {
    if (!cmd.get_subcommands().empty()) return;
    action = [&ctx, json] {
      refuse_global_athlete(ctx, "athletes");
      const auto athletes = app::list_athletes(ctx.session());
      if (*json)
        ctx.print(text::dump(app::athletes_json(athletes)) + "\n");
      else if (athletes.empty())
        ctx.note("this database holds no athletes yet");
      else
        ctx.print(app::athletes_text(athletes));
      return k_exit_success;
    };
  });

  auto names = std::make_shared<std::pair<std::string, std::string>>();
  auto* rename = cmd.add_subcommand("rename", "rename an athlete");
  rename->add_option("OLD", names->first, "the athlete's name now")->required();
  rename->add_option("NEW", names->second, "the new name (printable text)")->required();
  rename->callback([&ctx, &action, names] {
    action = [&ctx, names] {
      refuse_global_athlete(ctx, "athletes rename");
      app::rename_athlete(ctx.session(), names->first, names->second);
      ctx.print(fmt::format("renamed '{}' to '{}'\n", text::terminal_safe(names->first),
                            text::terminal_safe(names->second)));
      return k_exit_success;
    };
  });

  auto name = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto* remove = cmd.add_subcommand(
      "delete", "delete an athlete and everything of theirs: activities, journal, records");
  remove->add_option("NAME", *name, "the athlete's name")->required();
  remove->add_flag("--yes", *yes, "confirm: without it nothing is deleted");
  remove->callback([&ctx, &action, name, yes] {
    action = [&ctx, name, yes] {
      refuse_global_athlete(ctx, "athletes delete");
      const auto deleted = app::delete_athlete(ctx.session(), *name,
                                               *yes ? app::Confirmed::yes : app::Confirmed::no);
      ctx.print(fmt::format("deleted athlete '{}' with {} activities and {} journal entries\n",
                            text::terminal_safe(*name), deleted.activities,
                            deleted.journal_entries));
      return k_exit_success;
    };
  });

  auto o = std::make_shared<SetOptions>();
  auto* setter = cmd.add_subcommand(
      "set", "change an athlete's time zone (the one way to), year of birth, sex or heart rates");
  setter->add_option("NAME", o->name, "the athlete's name")->required();
  setter->add_option("--tz", o->zone, "the new IANA time zone (e.g. Europe/Berlin)");
  setter->add_option("--born", o->born, "year of birth, YYYY (for the heel-rise norms)");
  offer_values(*setter->add_option("--sex", o->sex, "female or male (for the heel-rise norms)"),
               "SEX", {"female", "male"});
  setter->add_option("--hr-rest", o->hr_rest,
                     "resting heart rate, 25 to 120 bpm (for the heart-rate load, TRIMP)");
  setter->add_option("--hr-max", o->hr_max,
                     "maximum heart rate, 100 to 230 bpm, above the resting one (for TRIMP)");
  setter->footer(
      "A zone change: an activity whose file gave a UTC time (GPX, TCX, FIT, Strava) keeps its "
      "instant and may move to another local day; one written in wall-clock time (a Garmin "
      "Connect or runload CSV) keeps its local time; one whose file stated its offset keeps "
      "both.");
  setter->callback([&ctx, &action, o] { action = [&ctx, o] { return set(ctx, *o); }; });
}

}  // namespace runload::cli
