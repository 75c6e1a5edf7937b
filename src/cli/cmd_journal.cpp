#include <date/tz.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>

#include <cli/ask.hpp>
#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/journal_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/checkin.hpp>
#include <runload/journal/journal_format.hpp>
#include <runload/journal/red_flags.hpp>
#include <runload/journal/validation.hpp>
#include <runload/report/journal_table.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>
#include <runload/text/spellcheck.hpp>
#include <runload/text/utf8.hpp>

namespace runload::cli {
namespace {

struct ValueOptions {
  std::optional<std::string> date;
  std::optional<std::string> stiffness;
  std::optional<std::string> stiffness_minutes;
  std::optional<std::string> pain_run;
  std::optional<std::string> pain_after;
  bool swelling = false;
  bool no_swelling = false;
  bool pop = false;
  bool no_pop = false;
  bool assessed = false;
  bool not_assessed = false;
  std::optional<std::string> side;
  std::optional<std::string> note;

  bool any_value() const {
    return stiffness || stiffness_minutes || pain_run || pain_after || swelling || no_swelling ||
           pop || no_pop || assessed || not_assessed || side || note;
  }
};

struct RangeOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  bool json = false;
};

// The journal values of the options, without the date. Throws UsageError
// naming the first bad option.
model::JournalEntry entry_from_options(const ValueOptions& o) {
  model::JournalEntry entry;
  if (o.stiffness)
    entry.stiffness = checked_or_throw(journal::parse_scale(*o.stiffness), "--stiffness");
  if (o.stiffness_minutes)
    entry.stiffness_minutes = checked_or_throw(
        journal::parse_stiffness_minutes(*o.stiffness_minutes), "--stiffness-minutes");
  if (o.pain_run)
    entry.pain_run = checked_or_throw(journal::parse_scale(*o.pain_run), "--pain-run");
  if (o.pain_after)
    entry.pain_after = checked_or_throw(journal::parse_scale(*o.pain_after), "--pain-after");
  if (o.swelling) entry.swelling = true;
  if (o.no_swelling) entry.swelling = false;
  if (o.pop) entry.pop = true;
  if (o.no_pop) entry.pop = false;
  if (o.assessed) entry.assessed = true;
  if (o.not_assessed) entry.assessed = false;
  if (o.side) {
    const auto side = journal::parse_side(*o.side);
    if (!side)
      throw UsageError(fmt::format("--side {}{}", side.error,
                                   text::did_you_mean(*o.side, {"left", "right", "both"})));
    entry.side = *side.value;
  }
  if (o.note && o.note->size() > journal::k_note_max_bytes)
    throw UsageError(fmt::format("--note is {} bytes long; a note may have at most {}",
                                 o.note->size(), journal::k_note_max_bytes));
  // Stored notes are UTF-8 text, as the journal CSV requires: a note that is
  // not would make runload refuse its own export.
  if (o.note)
    if (const auto bad = text::first_bad_byte(*o.note))
      throw UsageError(fmt::format(
          "--note is not UTF-8 text: byte {} is 0x{:02X}; write the note in UTF-8 (a terminal set "
          "to UTF-8 does)",
          *bad, static_cast<unsigned char>((*o.note)[*bad])));
  if (o.note) entry.note = *o.note;
  return entry;
}

void print_urgent(const Context& ctx, const std::vector<std::string>& reasons) {
  if (reasons.empty()) return;
  const auto p = ctx.err_palette();
  fmt::print(ctx.err, "runload: {}{}URGENT{}: {}\n  Source: {}\n", p.bold(), p.red(), p.reset(),
             journal::urgent_warning(reasons), journal::urgent_source());
}

// The day of --date (YYYY-MM-DD, today, yesterday), else today: of the
// athlete the entry is for, found or to be created (nothing is created
// before the date is known to be valid).
date::sys_days entry_day(app::Session& session, const std::optional<std::string>& date) {
  const auto today = [&session] { return session.today(app::Access::write); };
  return date ? *date_option(date, "--date", today, journal::FutureDates::refuse) : today();
}

// --- runload journal --value ... ---------------------------------------------

int store_values(Context& ctx, const ValueOptions& options) {
  auto entry = entry_from_options(options);
  auto& session = ctx.session();
  entry.date = entry_day(session, options.date);
  const auto recorded = app::record_entry(session, entry);
  print_urgent(ctx, recorded.red_flags);
  const char* verb = recorded.outcome.created   ? "stored"
                     : recorded.outcome.changed ? "updated (previous values kept in the history)"
                                                : "unchanged";
  ctx.print(fmt::format("{} {}\n", verb, journal::describe(recorded.outcome.stored)));
  return k_exit_success;
}

// --- the interactive check-in --------------------------------------------------

// Asks the check-in's questions on the terminal until it is done. False when
// the runner cancelled with Ctrl-D (Ctrl-C ends the process).
bool ask_checkin(const Context& ctx, journal::Checkin& checkin) {
  return ask(ctx, fmt::format("Achilles check-in for {}", date::format("%F", checkin.day())),
             "Enter keeps the value in brackets, Ctrl-D or Ctrl-C cancels",
             {[&] { return checkin.done(); }, [&] { return checkin.prompt(); },
              [&](std::string_view line) { return checkin.answer(line); },
              [&](const journal::AnswerOutcome& outcome) { print_urgent(ctx, outcome.red_flags); }},
             "check-in");
}

int run_checkin(Context& ctx, const ValueOptions& options) {
  auto& session = ctx.session();
  journal::Checkin checkin(app::checkin_setup(session, entry_day(session, options.date)));
  if (!ask_checkin(ctx, checkin)) return k_exit_input_failed;
  std::vector<std::string> parts;
  for (const auto& outcome : app::store_checkin(session, checkin.entries()))
    parts.push_back(journal::describe(outcome.stored));
  ctx.print(fmt::format("stored {}\n", fmt::join(parts, "; ")));
  return k_exit_success;
}

// --- journal list ------------------------------------------------------------------

int list_entries(Context& ctx, const RangeOptions& options) {
  auto& session = ctx.session();
  const auto today = [&session] { return session.today(app::Access::read); };
  const auto since = date_option(options.since, "--since", today);
  const auto until = date_option(options.until, "--until", today);
  const auto entries = app::journal_entries(session, since, until);
  if (options.json) {
    ctx.print(text::dump(journal::to_json(entries)) + "\n");
  } else if (entries.empty()) {
    ctx.note("no journal entries in that range");
  } else {
    ctx.print(report::journal_table(entries, since, until, ctx.out_palette()));
  }
  return k_exit_success;
}

// --- journal import / export ------------------------------------------------------

int import_csv(Context& ctx, const std::string& path) {
  const auto result = app::import_journal_csv(ctx.session(), path);
  if (const auto& error = result.load_error) {
    ctx.error(error->kind == files::LoadError::Kind::too_large
                  ? fmt::format("{}: {}", path, error->reason)
                  : fmt::format("cannot read {}: {}", path, error->reason));
    return k_exit_input_failed;
  }
  if (!result.problems.empty()) {
    for (const auto& problem : result.problems)
      ctx.detail(
          fmt::format("{}:{}: {}", path, problem.line, text::terminal_safe(problem.message)));
    ctx.error(fmt::format("{}: {} bad row{}; nothing from this file was stored", path,
                          result.problems.size(), result.problems.size() == 1 ? "" : "s"));
    return k_exit_input_failed;
  }
  for (const auto& reasons : result.red_flags) print_urgent(ctx, reasons);
  const auto total = result.outcomes.size();
  ctx.print(fmt::format("imported {} journal entr{} from {}: {} new, {} updated, {} unchanged{}\n",
                        total, total == 1 ? "y" : "ies", path, result.created(), result.updated(),
                        total - result.created() - result.updated(), app::describe(result.tendon)));
  return k_exit_success;
}

int delete_entry(Context& ctx, const std::string& day) {
  auto& session = ctx.session();
  const auto today = [&session] { return session.today(app::Access::read); };
  const auto deleted = app::delete_entry(session, *date_option(day, "DATE", today));
  ctx.print(fmt::format("deleted the journal entry {} (kept in the history table)\n",
                        journal::describe(deleted)));
  return k_exit_success;
}

void refuse_values_on(const ValueOptions& values, std::string_view subcommand) {
  if (values.any_value() || values.date)
    throw UsageError(
        fmt::format("the value options belong to 'runload journal', not "
                    "'runload journal {}'",
                    subcommand));
}

}  // namespace

// Long by design: the declaration of the journal's options and of its four
// subcommands, one CLI11 call each, with no logic between them.
void setup_journal(CLI::App& journal, Context& ctx, Action& action) {
  auto* cmd = &journal;
  cmd->require_subcommand(0, 1);
  auto values = std::make_shared<ValueOptions>();
  cmd->add_option("--date", values->date,
                  "day of the entry: YYYY-MM-DD, today, yesterday "
                  "(default: today in the athlete's zone)");
  cmd->add_option("--stiffness", values->stiffness,
                  "stiffness on the first steps of the morning, 0-10");
  cmd->add_option("--stiffness-minutes", values->stiffness_minutes,
                  "how long the stiffness lasted, 0-1440 minutes");
  cmd->add_option("--pain-run", values->pain_run, "pain during the day's runs, 0-10");
  cmd->add_option("--pain-after", values->pain_after, "pain after the day's runs, 0-10");
  auto* swelling = cmd->add_flag("--swelling", values->swelling, "swelling along the tendon");
  auto* no_swelling = cmd->add_flag("--no-swelling", values->no_swelling, "no swelling");
  swelling->excludes(no_swelling);
  auto* pop =
      cmd->add_flag("--pop", values->pop, "a pop or sudden sharp pain at the back of the heel");
  auto* no_pop = cmd->add_flag("--no-pop", values->no_pop, "no pop (corrects an earlier --pop)");
  pop->excludes(no_pop);
  auto* assessed = cmd->add_flag("--assessed", values->assessed,
                                 "a doctor or physiotherapist assessed the tendon that day: the "
                                 "red flags that stand until then are settled");
  auto* not_assessed = cmd->add_flag("--no-assessed", values->not_assessed,
                                     "no assessment that day (corrects an earlier --assessed)");
  assessed->excludes(not_assessed);
  cmd->add_option("--side", values->side, "left, right or both")
      ->type_name("SIDE:{left,right,both}");  // the values, for help and completion
  cmd->add_option("--note", values->note, "a note, stored verbatim");

  auto range = std::make_shared<RangeOptions>();
  auto* list = cmd->add_subcommand("list", "the journal as a table with a stiffness sparkline");
  list->add_option("--since", range->since, "first day (YYYY-MM-DD, today, yesterday)");
  list->add_option("--until", range->until, "last day");
  list->add_flag("--json", range->json, "print a JSON array, oldest first");
  list->callback([&ctx, &action, values, range] {
    action = [&ctx, values, range] {
      refuse_values_on(*values, "list");
      return list_entries(ctx, *range);
    };
  });

  auto file = std::make_shared<std::string>();
  auto* importer = cmd->add_subcommand("import", "import journal entries from a CSV file");
  importer->add_option("FILE", *file, "CSV file with the columns of 'runload journal export'")
      ->required();
  importer->callback([&ctx, &action, values, file] {
    action = [&ctx, values, file] {
      refuse_values_on(*values, "import");
      return import_csv(ctx, *file);
    };
  });

  auto* exporter = cmd->add_subcommand("export", "print the journal as CSV on stdout");
  exporter->callback([&ctx, &action, values] {
    action = [&ctx, values] {
      refuse_values_on(*values, "export");
      ctx.print(app::export_journal_csv(ctx.session()));
      return k_exit_success;
    };
  });

  auto day = std::make_shared<std::string>();
  auto* remover = cmd->add_subcommand(
      "delete", "delete the entry of a day (kept in the history table, like every change)");
  remover->add_option("DATE", *day, "the day: YYYY-MM-DD, today or yesterday")->required();
  remover->callback([&ctx, &action, values, day] {
    action = [&ctx, values, day] {
      refuse_values_on(*values, "delete");
      return delete_entry(ctx, *day);
    };
  });

  cmd->callback([&ctx, &action, values, cmd] {
    if (!cmd->get_subcommands().empty()) return;
    action = [&ctx, values] {
      if (values->any_value()) return store_values(ctx, *values);
      if (!ctx.stdin_is_terminal())
        throw UsageError(
            "no values given and standard input is not a terminal; give values such as "
            "'runload journal --stiffness 3', or run 'runload journal' in a terminal for the "
            "check-in");
      return run_checkin(ctx, *values);
    };
  });
}

}  // namespace runload::cli
