#include <runload/report/journal_table.hpp>

#include <fmt/format.h>

#include <runload/journal/journal_format.hpp>
#include <runload/journal/red_flags.hpp>
#include <runload/text/escape.hpp>

namespace runload::report {
namespace {

std::string cell(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string("-");
}

std::string cell(const std::optional<bool>& value) {
  return value ? std::string(*value ? "yes" : "no") : std::string("-");
}

}  // namespace

std::string journal_table(const std::vector<model::JournalEntry>& entries,
                          std::optional<date::sys_days> since, std::optional<date::sys_days> until,
                          const Palette& p) {
  constexpr std::string_view k_header =
      "date        stiff   min  pain run  after  swelling  pop  side   note";
  std::string out = fmt::format("{}{}{}\n", p.bold(), k_header, p.reset());
  const std::string indent(k_header.find("note"), ' ');
  for (const auto& e : entries) {
    std::string note;
    if (e.note) {
      note = text::terminal_safe(*e.note, text::KeepNewlines::yes);
      for (auto at = note.find('\n'); at != std::string::npos; at = note.find('\n', at + 1))
        note.insert(at + 1, indent);
    }
    // An assessment is the entry that settles the red flags before it: it
    // opens the note column, where it cannot be missed.
    if (e.assessed.value_or(false)) note = note.empty() ? "ASSESSED" : "ASSESSED · " + note;
    const bool red = !journal::red_flag_reasons(e).empty();
    out += fmt::format("{}  {:>5}  {:>4}  {:>8}  {:>5}  {:>8}  {}{:>3}{}  {:<5}  {}\n",
                       date::format("%F", e.date), cell(e.stiffness), cell(e.stiffness_minutes),
                       cell(e.pain_run), cell(e.pain_after), cell(e.swelling), red ? p.red() : "",
                       cell(e.pop), red ? p.reset() : "",
                       e.side ? std::string(model::to_string(*e.side)) : std::string("-"), note);
  }
  const auto last = until.value_or(entries.back().date);
  auto first = since.value_or(entries.front().date);
  if (last - first >= date::days{k_journal_sparkline_days})
    first = last - date::days{k_journal_sparkline_days - 1};
  out += fmt::format("\nmorning stiffness {} to {} (· = not logged)\n  {}\n",
                     date::format("%F", first), date::format("%F", last),
                     journal::stiffness_sparkline(entries, first, last));
  return out;
}

}  // namespace runload::report
