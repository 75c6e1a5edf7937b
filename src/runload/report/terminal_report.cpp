#include <runload/report/terminal_report.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include <runload/report/text.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>

namespace runload::report {
namespace {

using text::display_width;
using text::fit;
using text::terminal_safe;
using text::wrap;

constexpr std::size_t k_indent = 2;
// Flags: the severity word in a column of 9, then the text.
constexpr std::size_t k_flag_indent = k_indent + 9;
constexpr std::size_t k_bar_width = 20;
// Sparklines show at most this many of the most recent weeks.
constexpr std::size_t k_spark_weeks = 52;
constexpr std::array<std::string_view, 8> k_eighths{"▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};
constexpr std::array<std::string_view, 8> k_spark{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view k_missing = "·";

class Out {
 public:
  explicit Out(const Palette& p) : m_p(p) {}
  // Appends `text` without its trailing spaces, and a newline.
  void line(std::string_view text = {}) {
    const auto end = text.find_last_not_of(' ');
    m_text.append(text.substr(0, end == std::string_view::npos ? 0 : end + 1));
    m_text += '\n';
  }
  void title(std::string_view text) {
    line();
    line(fmt::format("{}{}{}", m_p.bold(), text, m_p.reset()));
  }
  // `text` wrapped to the width, the first line after `first`, the others
  // indented by `indent` columns.
  void wrapped(std::string_view first, std::size_t indent, std::string_view text) {
    const auto lines = wrap(text, k_terminal_width - indent);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      line(fmt::format("{}{}", i == 0 ? std::string(first) : std::string(indent, ' '), lines[i]));
    }
  }
  std::string str() && { return std::move(m_text); }

 private:
  const Palette& m_p;
  std::string m_text;
};

std::string km_text(double metres, int decimals = 1) {
  return fmt::format("{:.{}f}", metres / 1000.0, decimals);
}

std::string opt_km(const std::optional<double>& metres) {
  return metres ? km_text(*metres) : std::string("-");
}

std::string opt_number(const std::optional<double>& value, std::string_view format) {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
}

std::string duration_text(const std::optional<std::chrono::seconds>& value) {
  if (!value) return "-";
  const auto total = value->count();
  return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

std::string_view severity_colour(const Palette& p, model::Severity s) {
  switch (s) {
    case model::Severity::urgent:
    case model::Severity::high:
      return p.red();
    case model::Severity::caution:
      return p.yellow();
    case model::Severity::info:
      return p.cyan();
  }
  return "";
}

// A horizontal bar of `value` on a scale where `max` fills `width` columns,
// padded to `width`.
std::string bar(double value, double max, std::size_t width) {
  if (max <= 0.0 || value <= 0.0) return std::string(width, ' ');
  const auto eighths = static_cast<std::size_t>(
      std::clamp(std::lround(value / max * static_cast<double>(width) * 8.0), 1L,
                 static_cast<long>(width * 8)));
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) out += k_eighths[7];
  std::size_t used = eighths / 8;
  if (eighths % 8 != 0) {
    out += k_eighths[eighths % 8 - 1];
    ++used;
  }
  return out + std::string(width - used, ' ');
}

// Shaded from `low` to `high` on the same scale as bar().
std::string range_bar(double low, double high, double max, std::size_t width) {
  if (max <= 0.0) return std::string(width, ' ');
  const auto col = [&](double v) {
    return static_cast<std::size_t>(std::clamp(std::lround(v / max * static_cast<double>(width)),
                                               0L, static_cast<long>(width)));
  };
  const auto from = std::min(col(low), width - 1);
  const auto to = std::max(col(high), from + 1);
  std::string out(from, ' ');
  for (std::size_t i = from; i < to; ++i) out += "░";
  return out + std::string(width - to, ' ');
}

// One character per value, scaled to `max` (at least the largest value);
// k_missing for unknown values.
std::string sparkline(const std::vector<std::optional<double>>& values, double max) {
  for (const auto& v : values)
    if (v) max = std::max(max, *v);
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += k_missing;
    } else if (max <= 0.0) {
      out += k_spark[0];
    } else {
      const auto level = std::clamp(std::lround(*v / max * 7.0), 0L, 7L);
      out += k_spark[static_cast<std::size_t>(level)];
    }
  }
  return out;
}

int days_with_data(const analyze::Report& report) {
  return static_cast<int>(std::count_if(report.days.begin(), report.days.end(), [](const auto& d) {
    return d.runs > 0 || d.journal.has_value();
  }));
}

void header(Out& out, const Palette& p, const ReportMeta& meta, const analyze::Report& report) {
  const auto zone =
      fit(terminal_safe(meta.timezone), std::min<std::size_t>(display_width(meta.timezone), 32));
  const std::string lead = "Weekly Achilles load report · ";
  const auto room = k_terminal_width - display_width(lead) - display_width(zone) - 3;
  auto name = terminal_safe(meta.athlete);
  if (display_width(name) > room) name = fit(name, room);
  out.line(fmt::format("{}{}{}{} · {}", p.bold(), lead, name, p.reset(), zone));
  const auto& w = report.week.summary;
  out.line(fmt::format("{} · {} – {} {} · {} of 7 days with data", w.iso, short_day(w.start),
                       short_day(w.end), static_cast<int>(date::year_month_day{w.end}.year()),
                       days_with_data(report)));
  if (meta.first_run) {
    const auto days = (w.end - *meta.first_run).count() + 1;
    if (days > 0)
      out.line(fmt::format("{}History since {} ({} days){}", p.dim(), long_day(*meta.first_run),
                           days, p.reset()));
  }
}

void this_week(Out& out, const analyze::Report& report) {
  const auto& r = report.week;
  const auto& s = r.summary;
  out.title("This week");
  std::string change;
  if (r.week_change_pct) {
    change = fmt::format(" (last week {} km, {:+.1f}%)", km_text(r.prev_week_distance_m),
                         *r.week_change_pct);
  } else {
    change = " (no runs last week)";
  }
  const auto label = [](std::string_view l) { return fmt::format("  {:<14}", l); };
  out.line(fmt::format("{}{} run{}, {} km in {}{}", label("Distance"), s.runs,
                       s.runs == 1 ? "" : "s", km_text(s.distance_m), duration_text(s.duration),
                       change));
  out.line(fmt::format("{}{} km", label("Longest run"), km_text(s.longest_run_m)));
  out.line(fmt::format("{}{}", label("Climb"),
                       s.elevation_gain_m ? fmt::format("{:.0f} m", *s.elevation_gain_m) : "-"));
  const std::string tracks = "no run with a GPS track";
  out.line(fmt::format("{}{}", label("Fast"),
                       s.fast_distance_m ? fmt::format("{} km at or above your fast threshold",
                                                       km_text(*s.fast_distance_m))
                                         : (s.runs > 0 ? tracks : "-")));
  out.line(fmt::format("{}{}", label("Uphill"),
                       s.uphill_distance_m ? fmt::format("{} km on a grade of 4% or more",
                                                         km_text(*s.uphill_distance_m))
                                           : (s.runs > 0 ? tracks : "-")));
  out.line(fmt::format("{}{:<5} acute:chronic, this week over the mean of the 3 before",
                       label("ACWR"), opt_number(r.acwr_uncoupled, "{:.2f}")));
  out.line(fmt::format("{}{:<5} coupled (Hulin 2014; bounded by 4.0)", label(""),
                       opt_number(r.acwr_coupled, "{:.2f}")));
  out.line(fmt::format("{}{:<5} EWMA 7/28 days (Williams 2017)", label(""),
                       opt_number(r.acwr_ewma, "{:.2f}")));
  if (r.monotony) {
    out.line(fmt::format("{}{:.2f}, strain {:.0f} (Foster 1998; context, not a flag)",
                         label("Monotony"), *r.monotony, r.strain_m.value_or(0.0) / 1000.0));
  }
  if (report.warming_up) {
    out.line();
    out.wrapped("  Note: ", 8,
                "fewer than 28 days of history end on this Sunday, so the ratios are warming "
                "up: they compare with weeks that had no data, and the ACWR flag stays silent.");
  }
}

void week_table(Out& out, const Palette& p, const analyze::Report& report) {
  out.title("Week by week");
  out.line(fmt::format("{}  {:<10} {:<{}} {:>6} {:>8} {:>6} {:>6} {:>6} {:>6}{}", p.dim(), "week",
                       "distance", k_bar_width, "km", "longest", "climb", "fast", "stiff", "flags",
                       p.reset()));
  double max = 0.0;
  for (const auto& w : report.weeks) max = std::max(max, w.summary.distance_m);
  if (report.next_week.distance_high_m) max = std::max(max, *report.next_week.distance_high_m);
  for (std::size_t i = 0; i < report.weeks.size(); ++i) {
    const auto& w = report.weeks[i];
    const auto& s = w.summary;
    const bool current = i + 1 == report.weeks.size();
    out.line(fmt::format(
        "{}  {:<8}{} {} {:>6} {:>8} {:>6} {:>6} {:>6} {:>6}{}", current ? p.bold() : "", s.iso,
        current ? " ▸" : "  ", bar(s.distance_m, max, k_bar_width), km_text(s.distance_m),
        km_text(s.longest_run_m),
        s.elevation_gain_m ? fmt::format("{:.0f}", *s.elevation_gain_m) : "-",
        opt_km(s.fast_distance_m), opt_number(s.mean_morning_stiffness, "{:.1f}"),
        w.flag_count > 0 ? std::to_string(w.flag_count) : "", current ? p.reset() : ""));
  }
  const auto& env = report.next_week;
  if (env.distance_low_m && env.distance_high_m) {
    out.line(fmt::format("  {:<10} {} {}–{} km{}", "next week",
                         range_bar(*env.distance_low_m, *env.distance_high_m, max, k_bar_width),
                         km_text(*env.distance_low_m), km_text(*env.distance_high_m),
                         env.max_single_run_m
                             ? fmt::format(", longest ≤ {} km", km_text(*env.max_single_run_m))
                             : ""));
  }
  if (report.weeks.size() < 2) return;
  const auto first = report.weeks.size() > k_spark_weeks ? report.weeks.size() - k_spark_weeks : 0;
  std::vector<std::optional<double>> longest, climb, fast, stiff;
  for (auto i = first; i < report.weeks.size(); ++i) {
    const auto& s = report.weeks[i].summary;
    longest.emplace_back(s.longest_run_m);
    climb.push_back(s.elevation_gain_m);
    fast.push_back(s.fast_distance_m);
    stiff.push_back(s.mean_morning_stiffness);
  }
  out.line(fmt::format("{}  trend, oldest to newest ({} no data; stiffness on a 0-10 scale){}",
                       p.dim(), k_missing, p.reset()));
  out.line(fmt::format("  {:<12}{}", "longest run", sparkline(longest, 0.0)));
  out.line(fmt::format("  {:<12}{}", "climb", sparkline(climb, 0.0)));
  out.line(fmt::format("  {:<12}{}", "fast", sparkline(fast, 0.0)));
  out.line(fmt::format("  {:<12}{}", "stiffness", sparkline(stiff, 10.0)));
}

std::string points(double v) {
  return std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
}

void flags_section(Out& out, const Palette& p, const analyze::Report& report) {
  auto flags = report.flags;
  std::stable_sort(flags.begin(), flags.end(),
                   [](const auto& a, const auto& b) { return a.severity > b.severity; });
  std::array<int, 4> counts{};
  for (const auto& f : flags) ++counts[static_cast<std::size_t>(f.severity)];
  std::vector<std::string> parts;
  for (int s = 3; s >= 0; --s) {
    if (counts[static_cast<std::size_t>(s)] > 0)
      parts.push_back(fmt::format("{} {}", counts[static_cast<std::size_t>(s)],
                                  severity_word(static_cast<model::Severity>(s))));
  }
  out.title(flags.empty() ? std::string("Flags")
                          : fmt::format("Flags · {}", fmt::join(parts, ", ")));
  if (flags.empty()) {
    int earlier = 0;
    for (const auto& w : report.weeks) earlier += w.flag_count;
    out.line(earlier > 0 ? fmt::format("  None this week ({} in the earlier weeks shown).", earlier)
                         : std::string("  None this week."));
    return;
  }
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const auto& f = flags[i];
    if (i > 0) out.line();
    const auto word = severity_word(f.severity);
    const std::string head = fmt::format("{} · {} · {}", rules::spec(f.rule).title,
                                         short_day(f.date), rules::id(f.rule));
    out.line(fmt::format("  {}{}{}{}{} {}", p.bold(), severity_colour(p, f.severity), word,
                         p.reset(), std::string(8 - word.size(), ' '),
                         fit(head, k_terminal_width - k_flag_indent)));
    const std::string indent(k_flag_indent, ' ');
    if (const auto numbers = flag_numbers(f); !numbers.empty())
      out.wrapped(indent, k_flag_indent, numbers);
    out.wrapped(indent, k_flag_indent, f.message);
    if (!f.advice.empty()) out.wrapped(indent, k_flag_indent, "What to do: " + f.advice);
    out.wrapped(
        fmt::format("{}{}", indent, p.dim()), k_flag_indent,
        fmt::format("Source: {} (evidence: {}){}", f.source, evidence_text(f.evidence), p.reset()));
  }
}

std::string scale_text(const std::optional<int>& v) {
  return v ? fmt::format("{}/10", *v) : std::string("-");
}

void symptoms_section(Out& out, const Palette& p, const analyze::Report& report) {
  const auto& s = report.symptoms;
  std::string summary = fmt::format("{} of 7 days logged", s.days_logged);
  if (s.mean_morning_stiffness)
    summary += fmt::format(", mean stiffness {:.1f}/10", *s.mean_morning_stiffness);
  if (s.prev_mean_morning_stiffness)
    summary += fmt::format(" (last week {:.1f})", *s.prev_mean_morning_stiffness);
  out.title("Symptoms day by day");
  out.line(fmt::format("  {}", summary));
  out.line(fmt::format("{}  {:<11}{:>7}  {:<6}{:>7}  {:<9}{:<6} {}{}", p.dim(), "day", "run km",
                       "stiff", "lasted", "pain run", "after", "other", p.reset()));
  for (const auto& d : report.days) {
    const std::string run = d.runs > 0 ? km_text(d.distance_m) : "rest";
    if (!d.journal) {
      out.line(fmt::format("  {:<11}{:>7}  {}", short_day(d.date), run, "not logged"));
      continue;
    }
    const auto& j = *d.journal;
    std::vector<std::string> other;
    if (j.pop.value_or(false)) other.emplace_back("POP");
    if (j.swelling.value_or(false)) other.emplace_back("swelling");
    if (j.side) other.emplace_back(std::string(model::to_string(*j.side)));
    const std::string prefix = fmt::format(
        "  {:<11}{:>7}  {:<6}{:>7}  {:<9}{:<6} ", short_day(d.date), run, scale_text(j.stiffness),
        j.stiffness_minutes ? fmt::format("{} min", *j.stiffness_minutes) : "-",
        scale_text(j.pain_run), scale_text(j.pain_after));
    out.line(prefix + fmt::format("{}", fmt::join(other, ", ")));
    if (j.note && !j.note->empty()) {
      constexpr std::size_t note_indent = k_indent + 11;
      out.wrapped(std::string(note_indent, ' '), note_indent,
                  "\u201c" + terminal_safe(*j.note) + "\u201d");
    }
  }
}

void next_week(Out& out, const analyze::Report& report) {
  const auto& env = report.next_week;
  out.title("Next week");
  out.line(fmt::format("  {:<14}{}", "Longest run",
                       env.max_single_run_m
                           ? fmt::format("at most {} km (1.10 × your longest of the last 30 days)",
                                         km_text(*env.max_single_run_m))
                           : std::string("no run in the last 30 days: start short and easy")));
  out.line(fmt::format(
      "  {:<14}{}", "Distance",
      env.distance_low_m && env.distance_high_m
          ? fmt::format("{}–{} km (0.8–1.3 × the mean of this week and the 2 before)",
                        km_text(*env.distance_low_m), km_text(*env.distance_high_m))
          : std::string("no running in the last 3 weeks: restart below your old level")));
  const bool serious = std::any_of(report.flags.begin(), report.flags.end(), [](const auto& f) {
    return f.severity >= model::Severity::high;
  });
  out.wrapped("  ", k_indent,
              serious ? "This week has a HIGH or URGENT flag: follow its advice first and do not "
                        "build; this envelope is for when the tendon is calm again."
                      : "Stay inside it only while the mornings stay calm: pain during a run above "
                        "5/10, or stiffness that has not settled by the next morning, means less, "
                        "not more.");
}

void empty_history(Out& out) {
  out.title("No runs yet");
  out.wrapped("  ", k_indent,
              "There are no runs in this database yet, so there is nothing to compare. Import "
              "your runs (a Strava export .zip, GPX, TCX or FIT files, CSV exports, or a folder "
              "of them):");
  out.line();
  out.line("    runload import ~/Downloads/export_12345.zip");
  out.line();
  out.wrapped("  ", k_indent,
              "and log your mornings with `runload journal`. Then run `runload report` again.");
}

}  // namespace

std::string_view severity_word(model::Severity severity) noexcept {
  switch (severity) {
    case model::Severity::urgent:
      return "URGENT";
    case model::Severity::high:
      return "HIGH";
    case model::Severity::caution:
      return "CAUTION";
    case model::Severity::info:
      return "INFO";
  }
  return "INFO";
}

std::string_view evidence_text(model::Evidence evidence) noexcept {
  switch (evidence) {
    case model::Evidence::cohort:
      return "cohort study";
    case model::Evidence::rct:
      return "randomised trial";
    case model::Evidence::expert:
      return "clinical advice";
    case model::Evidence::plausible:
      return "biomechanically plausible, not validated";
  }
  return "clinical advice";
}

std::string flag_numbers(const model::Flag& f) {
  if (!f.observed) return {};
  const auto& rule = rules::spec(f.rule);
  const auto shown = [&](double value) {
    switch (rule.display) {
      case rules::Display::km:
        return km_text(value);
      case rules::Display::metres:
      case rules::Display::count:
        return fmt::format("{:.0f}", value);
      case rules::Display::percent:
        return fmt::format("{:.0f}", value * 100.0);
      case rules::Display::points:
        return points(value);
      case rules::Display::points_1:
        return fmt::format("{:.1f}", value);
    }
    return points(value);
  };
  return fmt::format(fmt::runtime(f.baseline ? rule.numbers : rule.numbers_alone),
                     fmt::arg("observed", shown(*f.observed)),
                     fmt::arg("baseline", f.baseline ? shown(*f.baseline) : std::string()),
                     fmt::arg("ratio", f.ratio ? fmt::format(", ratio {:.2f}", *f.ratio) : ""));
}

std::string terminal_report(const ReportMeta& meta, const analyze::Report& report,
                            const Palette& palette) {
  Out out(palette);
  header(out, palette, meta, report);
  if (!meta.first_run) {
    empty_history(out);
    if (!report.flags.empty()) flags_section(out, palette, report);
    if (report.symptoms.days_logged > 0) symptoms_section(out, palette, report);
  } else {
    this_week(out, report);
    week_table(out, palette, report);
    flags_section(out, palette, report);
    symptoms_section(out, palette, report);
    next_week(out, report);
  }
  out.line();
  out.wrapped("", 0, std::string(k_disclaimer));
  return std::move(out).str();
}

}  // namespace runload::report
