#include <runload/report/clinician.hpp>

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include <runload/report/tendon_text.hpp>
#include <runload/report/terminal_report.hpp>
#include <runload/report/text.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>
#include <runload/text/numbers.hpp>

namespace runload::report {
namespace {

using text::display_width;
using text::html_escape;
using text::terminal_safe;
using text::wrap;

// What the page says about the symptoms of the weeks shown.
struct SymptomFacts {
  int mornings = 0;
  int days = 0;
  std::optional<int> worst_pain_run;
  std::optional<date::sys_days> worst_pain_run_on;
  std::optional<int> worst_pain_after;
  std::optional<date::sys_days> worst_pain_after_on;
  std::vector<date::sys_days> pops;
  std::vector<date::sys_days> assessments;
};

SymptomFacts symptom_facts(const analyze::Report& r) {
  SymptomFacts f;
  if (!r.weeks.empty())
    f.days = static_cast<int>((r.as_of - r.weeks.front().summary.start).count() + 1);
  for (const auto& d : r.symptom_days) {
    if (d.stiffness) ++f.mornings;
    if (d.pain_run && (!f.worst_pain_run || *d.pain_run > *f.worst_pain_run)) {
      f.worst_pain_run = d.pain_run;
      f.worst_pain_run_on = d.date;
    }
    if (d.pain_after && (!f.worst_pain_after || *d.pain_after > *f.worst_pain_after)) {
      f.worst_pain_after = d.pain_after;
      f.worst_pain_after_on = d.date;
    }
    if (d.pop) f.pops.push_back(d.date);
    if (d.assessed) f.assessments.push_back(d.date);
  }
  return f;
}

std::vector<std::string> symptom_sentences(const SymptomFacts& f) {
  std::vector<std::string> out;
  out.push_back(fmt::format("Morning stiffness logged on {} of {} days.", f.mornings, f.days));
  if (f.worst_pain_run)
    out.push_back(fmt::format("Worst pain during a run {}/10 ({}).", *f.worst_pain_run,
                              short_day(*f.worst_pain_run_on)));
  if (f.worst_pain_after)
    out.push_back(fmt::format("Worst pain after a run {}/10 ({}).", *f.worst_pain_after,
                              short_day(*f.worst_pain_after_on)));
  const auto days = [](const std::vector<date::sys_days>& list) {
    std::vector<std::string> parts;
    for (const auto d : list) parts.push_back(short_day(d));
    return fmt::format("{}", fmt::join(parts, ", "));
  };
  if (!f.pops.empty())
    out.push_back(fmt::format("A pop or sudden sharp pain at the heel: {}.", days(f.pops)));
  if (!f.assessments.empty())
    out.push_back(fmt::format("Assessed by a clinician: {}.", days(f.assessments)));
  return out;
}

// The VISA-A of the week `w` (its latest), as text.
std::string week_visa(const analyze::Report& r, const analyze::WeekSummary& w) {
  std::optional<int> score;
  for (const auto& v : r.tendon.visa_a_history)
    if (v.date >= w.start && v.date <= w.end) score = v.score();
  return score ? std::to_string(*score) : "-";
}

std::string status_word(analyze::StatusLevel level) {
  std::string word(analyze::to_string(level));
  for (auto& c : word) c = static_cast<char>(c - 'a' + 'A');
  return word;
}

std::string since_text(const analyze::Report& r) {
  for (const auto& f : r.flags)
    if (r.status.rule == f.rule && r.status.since == f.date)
      return fmt::format(" (since {}{})", short_day(f.date), f.ongoing ? ", not yet assessed" : "");
  return {};
}

std::string km1(double metres, model::Units u) {
  return text::distance_number(metres, u);
}

std::string flag_line(const model::Flag& f, model::Units u) {
  std::string text = fmt::format("{} · {}", rules::spec(f.rule).title, short_day(f.date));
  if (const auto numbers = flag_numbers(f, u); !numbers.empty()) text += ": " + numbers;
  if (f.assessed_on)
    text += fmt::format(" (assessed {})", short_day(*f.assessed_on));
  else if (f.ongoing)
    text += " (raised earlier, not yet assessed)";
  text += fmt::format(" [evidence: {}]", evidence_text(f.evidence));
  return text;
}

std::string rehab_adherence(const analyze::Report& r) {
  int sessions = 0;
  int days = 0;
  std::vector<std::string> by_week;
  for (const auto& w : r.tendon.rehab_weeks) {
    sessions += w.sessions;
    days += w.days;
    by_week.push_back(std::to_string(w.sessions));
  }
  const auto facts_days =
      r.weeks.empty() ? 0 : static_cast<int>((r.as_of - r.weeks.front().summary.start).count() + 1);
  return fmt::format(
      "{} exercise{} on {} of {} days over the weeks shown; by week, oldest first: {}.", sessions,
      sessions == 1 ? "" : "s", days, facts_days, fmt::join(by_week, " "));
}

class Page {
 public:
  void line(std::string_view text = {}) {
    const auto end = text.find_last_not_of(' ');
    m_text.append(text.substr(0, end == std::string_view::npos ? 0 : end + 1));
    m_text += '\n';
  }
  void title(std::string_view text) {
    line();
    line(text);
  }
  void wrapped(std::string_view first, std::size_t indent, std::string_view text) {
    // The first line's label may be wider than the indent of the others.
    const auto lines = wrap(text, k_terminal_width - std::max(indent, display_width(first)));
    for (std::size_t i = 0; i < lines.size(); ++i)
      line(fmt::format("{}{}", i == 0 ? std::string(first) : std::string(indent, ' '), lines[i]));
  }
  std::string str() && { return std::move(m_text); }

 private:
  std::string m_text;
};

}  // namespace

std::string clinician_text(const ReportMeta& meta, const analyze::Report& r) {
  Page page;
  const auto& w = r.week.summary;
  const auto u = r.settings.units;
  page.wrapped("", 0,
               fmt::format("Clinician summary · {} · {}", terminal_safe(meta.athlete),
                           terminal_safe(meta.timezone)));
  page.wrapped("", 0,
               fmt::format("{} ({} to {}), {} week{} shown, as of {}. Prepared by runload for an "
                           "appointment: it informs, it does not diagnose.",
                           w.iso, long_day(w.start), long_day(w.end), r.weeks.size(),
                           r.weeks.size() == 1 ? "" : "s", long_day(r.as_of)));
  page.line();
  page.wrapped(fmt::format("Status  {} · ", status_word(r.status.level)), 10,
               r.status.headline + since_text(r));

  if (const auto changed = settings_text(r.settings.changed); !changed.empty())
    page.wrapped("Settings changed from the defaults: ", 2, changed);

  page.title("Load week by week");
  page.line(fmt::format("  {:<9} {:>6} {:>8} {:>6} {:>5} {:>5} {:>6} {:>7} {:>6} {:>6}", "week",
                        model::distance_unit(u), "longest",
                        u == model::Units::metric ? "climb" : "ft up", "fast", "runs", "rehab",
                        "VISA-A", "stiff", "flags"));
  for (const auto& row : r.weeks) {
    const auto& s = row.summary;
    page.line(fmt::format(
        "  {:<9} {:>6} {:>8} {:>6} {:>5} {:>5} {:>6} {:>7} {:>6} {:>6}", s.iso,
        km1(s.distance_m, u), km1(s.longest_run_m, u),
        s.elevation_gain_m ? text::height_number(*s.elevation_gain_m, u) : "-",
        s.fast_distance_m ? km1(*s.fast_distance_m, u) : "-", s.runs, row.rehab_sessions,
        week_visa(r, s),
        s.mean_morning_stiffness ? fmt::format("{:.1f}", *s.mean_morning_stiffness) : "-",
        row.flag_count > 0 ? std::to_string(row.flag_count) : "-"));
  }
  const auto& env = r.next_week;
  if (env.withheld)
    page.wrapped("  Next week: ", 13, "withheld while a HIGH or URGENT flag stands.");
  else if (env.distance_low_m && env.distance_high_m)
    page.wrapped("  Next week: ", 13,
                 fmt::format("{}-{} {}{}.", km1(*env.distance_low_m, u),
                             km1(*env.distance_high_m, u), model::distance_unit(u),
                             env.max_single_run_m
                                 ? fmt::format(", longest run at most {}",
                                               text::distance_text(*env.max_single_run_m, u))
                                 : ""));

  page.title(r.flags.empty() ? "Flags: none in force" : "Flags in force, worst first");
  for (const auto& f : r.flags)
    page.wrapped(fmt::format("  {:<8} ", severity_word(f.severity)), 11,
                 flag_line(f, r.settings.units));

  page.title("Symptoms over the weeks shown");
  for (const auto& sentence : symptom_sentences(symptom_facts(r))) page.wrapped("  ", 2, sentence);

  page.title("Tendon");
  const auto lines = tendon_lines(r.tendon);
  if (lines.empty())
    page.wrapped("  ", 2,
                 "Nothing recorded: no VISA-A, heel-rise test, rehab, medication or episode.");
  constexpr std::size_t label_width = 14;
  for (const auto& l : lines)
    page.wrapped(fmt::format("  {:<{}}", l.label, label_width), 2 + label_width, l.text);
  if (r.tendon.any_rehab)
    page.wrapped(fmt::format("  {:<{}}", "Adherence", label_width), 2 + label_width,
                 rehab_adherence(r));
  page.line();
  page.wrapped("", 0, std::string(k_disclaimer));
  return std::move(page).str();
}

namespace {

constexpr std::string_view k_page_style = R"(
@page{size:A4;margin:12mm}
body{font:11px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;
max-width:190mm;margin:0 auto}
h1{font-size:15px;margin:0}h2{font-size:12px;margin:10px 0 4px;border-bottom:1px solid #d9dee5}
p{margin:2px 0}.sub{color:#5b6675}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:1px 4px;border-bottom:1px solid #eef0f3;text-align:right}
th:first-child,td:first-child{text-align:left}
.status{font-weight:700;padding:4px 6px;border:2px solid #1d2430}
.status.red{border-color:#b71c1c}.status.amber{border-color:#a65d00}.status.green{border-color:#2e7d32}
.sev{font-weight:700;display:inline-block;min-width:5em}
footer{margin-top:8px;color:#5b6675}
)";

std::string e(std::string_view text) {
  return html_escape(text);
}

}  // namespace

std::string clinician_html(const ReportMeta& meta, const analyze::Report& r) {
  const auto& w = r.week.summary;
  const auto u = r.settings.units;
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += fmt::format("<title>runload · clinician summary · {} · {}</title>\n", e(meta.athlete),
                   e(w.iso));
  h += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_page_style);
  h += fmt::format("<h1>Clinician summary · {}</h1>\n", e(meta.athlete));
  h += fmt::format(
      "<p class=\"sub\">{} ({} to {}), {} weeks shown, as of {} · {} · prepared by runload: it "
      "informs, it does not diagnose.</p>\n",
      e(w.iso), e(long_day(w.start)), e(long_day(w.end)), r.weeks.size(), e(long_day(r.as_of)),
      e(meta.timezone));
  h += fmt::format("<p class=\"status {}\">{} · {}{}</p>\n", analyze::to_string(r.status.level),
                   status_word(r.status.level), e(r.status.headline), e(since_text(r)));

  if (const auto changed = settings_text(r.settings.changed); !changed.empty())
    h += fmt::format("<p>Settings changed from the defaults: {}</p>\n", e(changed));
  h += fmt::format(
      "<h2>Load week by week</h2>\n<table>\n<tr><th>week</th><th>{0}</th><th>longest</th>"
      "<th>climb {1}</th><th>fast {0}</th><th>runs</th><th>rehab</th><th>VISA-A</th>"
      "<th>stiffness</th><th>flags</th></tr>\n",
      model::distance_unit(u), model::height_unit(u));
  for (const auto& row : r.weeks) {
    const auto& s = row.summary;
    h += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
        e(s.iso), km1(s.distance_m, u), km1(s.longest_run_m, u),
        s.elevation_gain_m ? text::height_number(*s.elevation_gain_m, u) : "–",
        s.fast_distance_m ? km1(*s.fast_distance_m, u) : "–", s.runs, row.rehab_sessions,
        e(week_visa(r, s)),
        s.mean_morning_stiffness ? fmt::format("{:.1f}", *s.mean_morning_stiffness) : "–",
        row.flag_count);
  }
  h += "</table>\n";
  if (r.next_week.withheld)
    h += "<p>Next week: withheld while a HIGH or URGENT flag stands.</p>\n";
  else if (r.next_week.distance_low_m && r.next_week.distance_high_m)
    h += fmt::format("<p>Next week: {}–{} {}{}.</p>\n", km1(*r.next_week.distance_low_m, u),
                     km1(*r.next_week.distance_high_m, u), model::distance_unit(u),
                     r.next_week.max_single_run_m
                         ? fmt::format(", longest run at most {}",
                                       text::distance_text(*r.next_week.max_single_run_m, u))
                         : "");

  h += r.flags.empty() ? "<h2>Flags: none in force</h2>\n"
                       : "<h2>Flags in force, worst first</h2>\n";
  for (const auto& f : r.flags)
    h += fmt::format("<p><span class=\"sev\">{}</span> {}</p>\n", severity_word(f.severity),
                     e(flag_line(f, r.settings.units)));

  h += "<h2>Symptoms over the weeks shown</h2>\n";
  for (const auto& sentence : symptom_sentences(symptom_facts(r)))
    h += fmt::format("<p>{}</p>\n", e(sentence));

  h += "<h2>Tendon</h2>\n";
  const auto lines = tendon_lines(r.tendon);
  if (lines.empty())
    h += "<p>Nothing recorded: no VISA-A, heel-rise test, rehab, medication or episode.</p>\n";
  for (const auto& l : lines) h += fmt::format("<p><b>{}</b> {}</p>\n", e(l.label), e(l.text));
  if (r.tendon.any_rehab) h += fmt::format("<p><b>Adherence</b> {}</p>\n", e(rehab_adherence(r)));
  h += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", e(k_disclaimer));
  return h;
}

}  // namespace runload::report
