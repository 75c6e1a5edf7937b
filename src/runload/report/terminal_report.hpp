#pragma once
// The weekly report for the terminal (`runload report`). Pure: values in, a
// string out; the CLI prints it.
//
// Sections: a header (athlete, zone, ISO week, dates, days with data); this
// week's load with the three ACWR forms, monotony and strain; the weeks
// shown, oldest first, with a distance bar, the next-week envelope under
// them and sparklines of longest run, climb, fast distance and morning
// stiffness; the flags, worst first, each with its numbers, explanation,
// advice and source; the symptoms of the week day by day; the next-week
// envelope; a warming-up note when fewer than 28 days of history exist; the
// disclaimer. With no run stored, an honest empty report saying how to
// import.
//
// Every line is at most k_terminal_width columns (display_width()), whatever
// the name, zone or notes; user strings pass through terminal_safe().
// Severity is always written as a word (URGENT, HIGH, CAUTION, INFO); colour
// comes only from `palette` and adds nothing the words do not say.

#include <cstddef>
#include <string>
#include <string_view>

#include <runload/analyze/analysis.hpp>
#include <runload/model/flag.hpp>
#include <runload/report/report_meta.hpp>
#include <runload/report/terminal.hpp>

namespace runload::report {

inline constexpr std::size_t k_terminal_width = 80;

std::string terminal_report(const ReportMeta& meta, const analyze::Report& report,
                            const Palette& palette);

// "URGENT", "HIGH", "CAUTION", "INFO".
std::string_view severity_word(model::Severity severity) noexcept;

// "cohort study", "randomised trial", "clinical advice", "biomechanically
// plausible, not validated".
std::string_view evidence_text(model::Evidence evidence) noexcept;

// The numbers behind a flag in words, as its catalogue entry writes them,
// e.g. "18.4 km vs 12.0 km, ratio 1.53"; empty when the flag carries none.
// Distances and climbs in `units`.
std::string flag_numbers(const model::Flag& flag, model::Units units);

}  // namespace runload::report
