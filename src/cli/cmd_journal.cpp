#include <signal.h>
#include <unistd.h>

#include <date/tz.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/error.hpp>
#include <runload/import/importer.hpp>
#include <runload/journal/checkin.hpp>
#include <runload/journal/journal_csv.hpp>
#include <runload/journal/journal_format.hpp>
#include <runload/journal/red_flags.hpp>
#include <runload/journal/validation.hpp>
#include <runload/store/db_path.hpp>
#include <runload/store/journal_repository.hpp>
#include <runload/text/escape.hpp>

namespace runload::cli {
namespace {

// 128 + SIGINT, as a shell reports a command stopped by Ctrl-C.
constexpr int k_exit_interrupted = 130;
// The sparkline under `journal list` covers at most the last eight weeks.
constexpr int k_sparkline_days = 56;

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
  std::optional<std::string> side;
  std::optional<std::string> note;

  bool any_value() const {
    return stiffness || stiffness_minutes || pain_run || pain_after || swelling || no_swelling ||
           pop || no_pop || side || note;
  }
};

struct RangeOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  bool json = false;
};

template <typename T>
T checked_or_throw(const journal::Checked<T>& checked, std::string_view option) {
  if (!checked) throw UsageError(fmt::format("{} {}", option, checked.error));
  return *checked.value;
}

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
  if (o.side) entry.side = checked_or_throw(journal::parse_side(*o.side), "--side");
  if (o.note && o.note->size() > journal::k_note_max_bytes)
    throw UsageError(fmt::format("--note is {} bytes long; a note may have at most {}",
                                 o.note->size(), journal::k_note_max_bytes));
  if (o.note) entry.note = *o.note;
  return entry;
}

date::sys_days athlete_today(Context& ctx) {
  const auto& zone_name = ctx.athlete().timezone;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name);
  } catch (const std::exception& e) {
    throw DatabaseError(
        fmt::format("the athlete's stored time zone '{}' is unknown: {}", zone_name, e.what()));
  }
  return journal::local_today(std::chrono::system_clock::now(), zone);
}

void print_urgent(const Context& ctx, const std::vector<std::string>& reasons) {
  if (reasons.empty()) return;
  const auto p = ctx.err_palette();
  fmt::print(ctx.err, "runload: {}{}URGENT{}: {} ({}).\n  Source: {}\n", p.bold(), p.red(),
             p.reset(), journal::k_rupture_warning, fmt::join(reasons, "; "),
             journal::k_rupture_source);
}

void print_stored(const Context& ctx, const store::UpsertOutcome& outcome) {
  const char* verb = outcome.created   ? "stored"
                     : outcome.changed ? "updated (previous values kept in the history)"
                                       : "unchanged";
  fmt::print(ctx.out, "{} {}\n", verb, journal::describe(outcome.stored));
}

// --- runload journal --value ... ---------------------------------------------

int store_values(Context& ctx, const ValueOptions& options) {
  auto entry = entry_from_options(options);
  auto& db = ctx.database();
  const auto today = athlete_today(ctx);
  entry.date =
      options.date ? checked_or_throw(journal::parse_day(*options.date, today), "--date") : today;
  print_urgent(ctx, journal::red_flag_reasons(entry));
  store::JournalRepository journal(db, ctx.athlete().id);
  print_stored(ctx, journal.upsert(entry));
  return k_exit_success;
}

// --- the interactive check-in --------------------------------------------------

constexpr char k_interrupted_message[] = "\nrunload: check-in interrupted; nothing was stored\n";

extern "C" void on_interrupt(int) {
  // Only async-signal-safe calls here; nothing has been written to the database.
  const ssize_t ignored =
      ::write(STDERR_FILENO, k_interrupted_message, sizeof k_interrupted_message - 1);
  (void)ignored;
  ::_exit(k_exit_interrupted);
}

// Ctrl-C during the questions ends the process with a message; restored
// before the answers are written, so a store is never cut short by it.
class InterruptGuard {
 public:
  InterruptGuard() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &m_previous);
  }
  ~InterruptGuard() { ::sigaction(SIGINT, &m_previous, nullptr); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction m_previous {};
};

int run_checkin(Context& ctx, const ValueOptions& options) {
  auto& db = ctx.database();
  const auto today = athlete_today(ctx);
  const auto day =
      options.date ? checked_or_throw(journal::parse_day(*options.date, today), "--date") : today;
  store::JournalRepository journal(db, ctx.athlete().id);
  const auto yesterday = day - date::days{1};
  journal::Checkin checkin(
      {day, journal.find(day), journal.find(yesterday), journal.has_run_on(yesterday)});

  {
    InterruptGuard guard;
    const auto p = ctx.err_palette();
    fmt::print(ctx.err,
               "{}Achilles check-in for {}{} (Enter keeps the value in brackets, "
               "Ctrl-D or Ctrl-C cancels)\n",
               p.bold(), date::format("%F", day), p.reset());
    std::string line;
    while (!checkin.done()) {
      fmt::print(ctx.err, "{}", checkin.prompt());
      std::fflush(ctx.err);
      // A line ended by Ctrl-D instead of Enter is a cancel as well.
      if (!std::getline(std::cin, line) || std::cin.eof()) {
        fmt::print(ctx.err, "\nrunload: check-in cancelled (end of input); nothing was stored\n");
        return k_exit_input_failed;
      }
      const auto outcome = checkin.answer(line);
      if (!outcome.accepted)
        fmt::print(ctx.err, "  {}{}{}; please answer again.\n", p.yellow(), outcome.reason,
                   p.reset());
      print_urgent(ctx, outcome.red_flags);
    }
  }
  const auto entries = checkin.entries();
  const auto outcomes = journal.upsert_all(entries);
  std::vector<std::string> parts;
  for (const auto& outcome : outcomes) parts.push_back(journal::describe(outcome.stored));
  fmt::print(ctx.out, "stored {}\n", fmt::join(parts, "; "));
  return k_exit_success;
}

// --- journal list ------------------------------------------------------------------

std::string cell(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string("-");
}

std::string cell(const std::optional<bool>& value) {
  return value ? std::string(*value ? "yes" : "no") : std::string("-");
}

int list_entries(Context& ctx, const RangeOptions& options) {
  auto& db = ctx.database();
  const auto today = athlete_today(ctx);
  std::optional<date::sys_days> since, until;
  if (options.since)
    since = checked_or_throw(journal::parse_day(*options.since, today, journal::FutureDates::allow),
                             "--since");
  if (options.until)
    until = checked_or_throw(journal::parse_day(*options.until, today, journal::FutureDates::allow),
                             "--until");
  if (since && until && *since > *until) throw UsageError("--since must not be after --until");
  store::JournalRepository journal(db, ctx.athlete().id);
  const auto entries = journal.list(since, until);

  if (options.json) {
    fmt::print(
        ctx.out, "{}\n",
        journal::to_json(entries).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return k_exit_success;
  }
  if (entries.empty()) {
    ctx.note("no journal entries in that range");
    return k_exit_success;
  }
  const auto p = ctx.out_palette();
  constexpr std::string_view k_header =
      "date        stiff   min  pain run  after  swelling  pop  side   note";
  fmt::print(ctx.out, "{}{}{}\n", p.bold(), k_header, p.reset());
  const std::string indent(k_header.find("note"), ' ');
  for (const auto& e : entries) {
    std::string note;
    if (e.note) {
      note = text::terminal_safe(*e.note, text::KeepNewlines::yes);
      for (auto at = note.find('\n'); at != std::string::npos; at = note.find('\n', at + 1))
        note.insert(at + 1, indent);
    }
    const bool red = !journal::red_flag_reasons(e).empty();
    fmt::print(ctx.out, "{}  {:>5}  {:>4}  {:>8}  {:>5}  {:>8}  {}{:>3}{}  {:<5}  {}\n",
               date::format("%F", e.date), cell(e.stiffness), cell(e.stiffness_minutes),
               cell(e.pain_run), cell(e.pain_after), cell(e.swelling), red ? p.red() : "",
               cell(e.pop), red ? p.reset() : "",
               e.side ? std::string(model::to_string(*e.side)) : std::string("-"), note);
  }
  const auto last = until.value_or(entries.back().date);
  auto first = since.value_or(entries.front().date);
  if (last - first >= date::days{k_sparkline_days}) first = last - date::days{k_sparkline_days - 1};
  fmt::print(ctx.out, "\nmorning stiffness {} to {} (· = not logged)\n  {}\n",
             date::format("%F", first), date::format("%F", last),
             journal::stiffness_sparkline(entries, first, last));
  return k_exit_success;
}

// --- journal import / export ------------------------------------------------------

int import_csv(Context& ctx, const std::string& path) {
  const auto limit = import::max_file_bytes(store::process_env()("RUNLOAD_MAX_FILE_BYTES"));
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::is_regular_file(status)) {
    fmt::print(ctx.err, "runload: error: cannot read {}: {}\n", path,
               ec ? ec.message() : std::string("not a regular file"));
    return k_exit_input_failed;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limit) {
    fmt::print(ctx.err, "runload: error: {}: the file is {}; runload reads files up to {}\n", path,
               import::format_size(size), import::format_size(limit));
    return k_exit_input_failed;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(ctx.err, "runload: error: cannot read {}: {}\n", path, std::strerror(errno));
    return k_exit_input_failed;
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    fmt::print(ctx.err, "runload: error: cannot read {}: {}\n", path, std::strerror(errno));
    return k_exit_input_failed;
  }
  auto& db = ctx.database();
  const auto parsed = journal::parse_journal_csv(text, athlete_today(ctx));
  if (!parsed.ok()) {
    for (const auto& problem : parsed.problems)
      fmt::print(ctx.err, "runload: {}:{}: {}\n", path, problem.line,
                 text::terminal_safe(problem.message));
    fmt::print(ctx.err, "runload: error: {}: {} bad row{}; nothing from this file was stored\n",
               path, parsed.problems.size(), parsed.problems.size() == 1 ? "" : "s");
    return k_exit_input_failed;
  }
  for (const auto& entry : parsed.entries) print_urgent(ctx, journal::red_flag_reasons(entry));
  store::JournalRepository journal(db, ctx.athlete().id);
  const auto outcomes = journal.upsert_all(parsed.entries);
  std::size_t created = 0, updated = 0;
  for (const auto& o : outcomes) {
    if (o.created)
      ++created;
    else if (o.changed)
      ++updated;
  }
  fmt::print(ctx.out, "imported {} journal entr{} from {}: {} new, {} updated, {} unchanged\n",
             outcomes.size(), outcomes.size() == 1 ? "y" : "ies", path, created, updated,
             outcomes.size() - created - updated);
  return k_exit_success;
}

int export_csv(Context& ctx) {
  auto& db = ctx.database();
  store::JournalRepository journal(db, ctx.athlete().id);
  const auto entries = journal.list();
  fmt::print(ctx.out, "{}", journal::write_journal_csv(entries));
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

void setup_journal(CLI::App& app, Context& ctx, Action& action) {
  auto* cmd = app.add_subcommand(
      "journal",
      "log this morning's Achilles stiffness and yesterday's pain (no values: a check-in)");
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
  cmd->add_option("--side", values->side, "left, right or both");
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
  auto* import = cmd->add_subcommand("import", "import journal entries from a CSV file");
  import->add_option("FILE", *file, "CSV file with the columns of 'runload journal export'")
      ->required();
  import->callback([&ctx, &action, values, file] {
    action = [&ctx, values, file] {
      refuse_values_on(*values, "import");
  return import_csv(ctx, *file);
};
}  // namespace runload::cli
);

auto* exporter = cmd->add_subcommand("export", "print the journal as CSV on stdout");
exporter->callback([&ctx, &action, values] {
  action = [&ctx, values] {
    refuse_values_on(*values, "export");
    return export_csv(ctx);
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
