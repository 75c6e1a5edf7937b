#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include <cli/ask.hpp>
#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/tendon_command.hpp>
#include <runload/error.hpp>
#include <runload/journal/visa_a.hpp>
#include <runload/journal/visa_a_checkin.hpp>
#include <runload/report/tendon_json.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/text/json.hpp>

namespace runload::cli {
namespace {

struct VisaOptions {
  std::optional<std::string> date;
  std::optional<std::string> answers;
};

void print_stored(const Context& ctx, const store::Upserted<model::VisaA>& outcome) {
  const auto line = report::visa_a_line(outcome.stored);
  if (!outcome.changed)
    ctx.print(fmt::format("unchanged: VISA-A {}\n", line));
  else if (outcome.before)
    ctx.print(fmt::format("replaced the VISA-A of that day (it was {}/100): now {}\n",
                          outcome.before->score(), line));
  else
    ctx.print(fmt::format("stored VISA-A {}\n", line));
}

int record(Context& ctx, const VisaOptions& o) {
  auto& session = ctx.session();
  const auto day = day_option(session, o.date, "--date", session.today(app::Access::write));
  model::VisaA visa;
  if (o.answers) {
    visa = checked_or_throw(journal::parse_visa_answers(*o.answers), "--answers");
  } else {
    if (!ctx.stdin_is_terminal())
      throw UsageError(
          "no --answers given and standard input is not a terminal; give them as 'runload "
          "visa-a --answers 10,9,8,10,7,6,7,B14', or run 'runload visa-a' in a terminal for the "
          "questions");
    journal::VisaCheckin questions(day);
    const bool done =
        ask(ctx, fmt::format("VISA-A questionnaire for {}", date::format("%F", day)),
            "every question must be answered; questions in runload's words after Robinson et al. "
            "2001; Ctrl-D or Ctrl-C cancels",
            {[&] { return questions.done(); },
             [&] { return questions.prompt(); },
             [&](std::string_view line) { return questions.answer(line); },
             {}},
            "questionnaire");
    if (!done) return k_exit_input_failed;
    visa = questions.result();
  }
  visa.date = day;
  print_stored(ctx, app::record_visa_a(session, visa));
  return k_exit_success;
}

}  // namespace

void setup_visa_a(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(0, 1);
  auto o = std::make_shared<VisaOptions>();
  cmd.add_option("--date", o->date, "day of the questionnaire: YYYY-MM-DD, today, yesterday");
  cmd.add_option("--answers", o->answers,
                 "the 8 answers without questions: Q1-Q6 0-10, Q7 0/4/7/10, Q8 its branch and "
                 "score (A 0/7/14/21/30, B 0/4/10/14/20, C 0/2/5/7/10), e.g. 10,9,8,10,7,6,7,B14");
  auto json = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "every questionnaire, oldest first");
  list->add_flag("--json", *json, "print a JSON array");
  list->callback([&ctx, &action, o, json] {
    action = [&ctx, o, json] {
      if (o->date || o->answers)
        throw UsageError("--date and --answers belong to 'runload visa-a', not 'visa-a list'");
      const auto visas = app::visa_a_list(ctx.session());
      if (*json)
        ctx.print(text::dump(report::json_array(std::span(visas), report::visa_a_json)) + "\n");
      else if (visas.empty())
        ctx.note("no VISA-A questionnaire stored yet; answer one with 'runload visa-a'");
      else
        ctx.print(report::visa_a_table(visas));
      return k_exit_success;
    };
  });
  cmd.callback([&ctx, &action, o, &cmd] {
    if (!cmd.get_subcommands().empty()) return;
    action = [&ctx, o] { return record(ctx, *o); };
  });
}

}  // namespace runload::cli
