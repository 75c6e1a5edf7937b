#include <runload/report/terminal_report.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/report/text.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>
#include <runload/text/numbers.hpp>

namespace runload::report {
namespace {

using text::display_width;
using text::duration_text;
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

// A distance in the report's units, without the unit.
std::string km_text(double metres, model::Units u) {
  return text::distance_number(metres, u);
}

std::string opt_km(const std::optional<double>& metres, model::Units u) {
  return metres ? km_text(*metres, u) : std::string("-");
}

std::string climb_text(const std::optional<double>& metres, model::Units u) {
  return metres ? text::height_text(*metres, u) : std::string("-");
}

std::string opt_number(const std::optional<double>& value, std::string_view format) {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
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

int days_with_data(const analyze::Report& report) {
  return static_cast<int>(std::count_if(report.days.begin(), report.days.end(), [](const auto& d) {
    return d.runs > 0 || d.journal.has_value();
  }));
}

std::string_view level_word(analyze::StatusLevel level) noexcept {
  switch (level) {
    case analyze::StatusLevel::red:
      return "RED";
    case analyze::StatusLevel::amber:
      return "AMBER";
    case analyze::StatusLevel::green:
      return "GREEN";
  }
  return "GREEN";
}

std::string_view level_colour(const Palette& p, analyze::StatusLevel level) {
  switch (level) {
    case analyze::StatusLevel::red:
      return p.red();
    case analyze::StatusLevel::amber:
      return p.yellow();
    case analyze::StatusLevel::green:
      return p.green();
  }
  return "";
}

// The flag that set the status, for its date and whether it stands.
const model::Flag* status_flag(const analyze::Report& report) {
  for (const auto& f : report.flags)
    if (report.status.rule == f.rule && report.status.since == f.date) return &f;
  return nullptr;
}

// The first line of every report: the level in a word, what to do, and
// since when.
void status_line(Out& out, const Palette& p, const analyze::Report& report) {
  const auto& s = report.status;
  const auto word = level_word(s.level);
  std::string text = s.headline;
  if (const auto* f = status_flag(report))
    text += fmt::format(" (since {}{})", short_day(f->date),
                        f->ongoing ? ", not yet assessed by a clinician" : "");
  const std::size_t indent = word.size() + 3;
  const auto lines = wrap(text, k_terminal_width - indent);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0)
      out.line(fmt::format("{}{}{}{} · {}", p.bold(), level_colour(p, s.level), word, p.reset(),
                           lines[i]));
    else
      out.line(fmt::format("{}{}", std::string(indent, ' '), lines[i]));
  }
}

void header(Out& out, const Palette& p, const ReportMeta& meta, const analyze::Report& report) {
  const auto zone =
      fit(terminal_safe(meta.timezone), std::min<std::size_t>(display_width(meta.timezone), 32));
  const std::string lead = "Weekly Achilles load report · ";
  const auto room = k_terminal_width - display_width(lead) - display_width(zone) - 3;
  auto name = terminal_safe(meta.athlete);
  if (display_width(name) > room) name = fit(name, room);
  out.line();
  out.line(fmt::format("{}{}{}{} · {}", p.bold(), lead, name, p.reset(), zone));
  const auto& w = report.week.summary;
  if (report.not_begun) {
    out.line(fmt::format("{} · {} – {} {} · this week has not begun (today is {})", w.iso,
                         short_day(w.start), short_day(w.end),
                         static_cast<int>(date::year_month_day{w.end}.year()),
                         short_day(report.as_of)));
  } else {
    out.line(fmt::format("{} · {} – {} {} · {} of {} days with data", w.iso, short_day(w.start),
                         short_day(w.end), static_cast<int>(date::year_month_day{w.end}.year()),
                         days_with_data(report), report.days.size()));
  }
  if (meta.first_run) {
    const auto days = (w.end - *meta.first_run).count() + 1;
    if (days > 0)
      out.line(fmt::format("{}History since {} ({} days){}", p.dim(), long_day(*meta.first_run),
                           days, p.reset()));
  }
}

// "1.2 km at or faster than 4:48/km (1 of 3 runs had a track)".
std::string track_share(std::string what, int with, int runs) {
  return runs > 0 && with < runs ? fmt::format("{} ({} of {} run{} had a track)", what, with, runs,
                                               runs == 1 ? "" : "s")
                                 : what;
}

void track_lines(Out& out, const analyze::WeekReport& r, model::Units u,
                 const std::function<std::string(std::string_view)>& label) {
  const auto unit = model::distance_unit(u);
  const auto& s = r.summary;
  const std::string threshold =
      r.fast_threshold_mps
          ? fmt::format(" at or faster than {}", text::pace_text(1000.0 / *r.fast_threshold_mps, u))
          : std::string(" at or above your fast threshold");
  if (s.runs == 0) {
    out.line(fmt::format("{}-", label("Fast")));
    out.line(fmt::format("{}-", label("Uphill")));
    return;
  }
  out.line(fmt::format(
      "{}{}", label("Fast"),
      s.fast_distance_m
          ? track_share(fmt::format("{} {}{}", km_text(*s.fast_distance_m, u), unit, threshold),
                        s.runs_with_fast, s.runs)
          : fmt::format("no run with a GPS track ({} run{})", s.runs, s.runs == 1 ? "" : "s")));
  out.line(fmt::format(
      "{}{}", label("Uphill"),
      s.uphill_distance_m
          ? track_share(fmt::format("{} {} on a grade of 4% or more",
                                    km_text(*s.uphill_distance_m, u), unit),
                        s.runs_with_uphill, s.runs)
          : fmt::format("no run with a GPS track ({} run{})", s.runs, s.runs == 1 ? "" : "s")));
}

// "; CTL +0.4 this week"; a change under 0.05 km a day is "unchanged".
std::string ramp_text(const std::optional<double>& ramp_m, model::Units u) {
  if (!ramp_m) return {};
  if (std::fabs(*ramp_m) < 50.0) return "; CTL unchanged this week";
  return fmt::format("; CTL {:+.1f} this week", model::distance_in(*ramp_m, u));
}

// The same on TRIMP a day, with the runs it rests on and the heart rates.
void heart_rate_fitness_lines(Out& out, const analyze::HeartRateFitness& h,
                              const std::string& indent) {
  const auto& f = h.fitness;
  // Whole TRIMP: a form within half a point of zero reads "+0", not "-0".
  const double tsb = std::fabs(f.tsb_m) < 0.5 ? 0.0 : f.tsb_m;
  std::string ramp;
  if (h.ctl_ramp)
    ramp = std::fabs(*h.ctl_ramp) < 0.5 ? "; CTL unchanged this week"
                                        : fmt::format("; CTL {:+.0f} this week", *h.ctl_ramp);
  out.wrapped(
      indent, 16,
      fmt::format("on heart rate: {:.0f} CTL, {:.0f} ATL, form {:+.0f} TSB (TRIMP a day{}); "
                  "{} of {} runs of the last {} days had heart rate",
                  f.ctl_m, f.atl_m, tsb, ramp, h.runs_with_heart_rate, h.runs,
                  analyze::k_trimp_coverage_days));
  out.wrapped(indent, 16,
              fmt::format("Banister's TRIMP, resting {:.0f} and maximum {:.0f} bpm, the {}'s "
                          "factor{}",
                          h.reserve.rest_bpm, h.reserve.max_bpm, h.factor,
                          h.sex_known ? "" : " (sex not set)"));
}

// CTL, ATL and TSB in km a day, with what the model is and is not.
void fitness_lines(Out& out, const analyze::WeekReport& r, model::Units u, const std::string& label,
                   const std::string& indent) {
  const auto& f = *r.fitness;
  out.wrapped(label, 16,
              fmt::format("{:.1f} CTL, {:.1f} ATL, form {:+.1f} TSB ({} a day{})",
                          model::distance_in(f.ctl_m, u), model::distance_in(f.atl_m, u),
                          model::distance_in(f.tsb_m, u), model::distance_unit(u),
                          ramp_text(r.ctl_ramp_m, u)));
  out.wrapped(indent, 16,
              "fitness and fatigue as GoldenCheetah and TrainingPeaks chart them (42 and 7 "
              "days): a convention, not a risk measure");
  if (r.heart_rate_fitness) heart_rate_fitness_lines(out, *r.heart_rate_fitness, indent);
}

void this_week(Out& out, const analyze::Report& report) {
  const auto& r = report.week;
  const auto& s = r.summary;
  const auto u = report.settings.units;
  const auto unit = model::distance_unit(u);
  out.title("This week");
  std::string change;
  if (r.week_change_pct) {
    change = fmt::format(" (last week {} {}, {:+.1f}%)", km_text(r.prev_week_distance_m, u), unit,
                         *r.week_change_pct);
  } else {
    change = " (no runs last week)";
  }
  const auto label = [](std::string_view l) { return fmt::format("  {:<14}", l); };
  out.line(fmt::format("{}{} run{}, {} {} in {}{}", label("Distance"), s.runs,
                       s.runs == 1 ? "" : "s", km_text(s.distance_m, u), unit,
                       duration_text(s.duration), change));
  out.line(fmt::format("{}{} {}", label("Longest run"), km_text(s.longest_run_m, u), unit));
  out.line(fmt::format("{}{}", label("Climb"), climb_text(s.elevation_gain_m, u)));
  track_lines(out, r, u, label);
  out.line(fmt::format("{}{:<5} acute:chronic, this week over the mean of the 3 before",
                       label("ACWR"), opt_number(r.acwr_uncoupled, "{:.2f}")));
  out.line(fmt::format("{}{:<5} coupled (Hulin 2014; bounded by 4.0)", label(""),
                       opt_number(r.acwr_coupled, "{:.2f}")));
  out.line(fmt::format("{}{:<5} EWMA 7/28 days (Williams 2017)", label(""),
                       opt_number(r.acwr_ewma, "{:.2f}")));
  if (r.monotony) {
    out.line(fmt::format("{}{:.2f}, strain {:.0f} (Foster 1998; context, not a flag)",
                         label("Monotony"), *r.monotony,
                         model::distance_in(r.strain_m.value_or(0.0), u)));
  }
  if (r.fitness) fitness_lines(out, r, u, label("Fitness"), label(""));
}

// "Brooks Ghost 15  15.5 km  12 mm  612/800 km (77%)".
std::string shoe_row(const analyze::ShoeWeek& shoe, model::Units u) {
  constexpr std::size_t name_width = 26;
  const auto& w = shoe.week;
  const auto unit = model::distance_unit(u);
  if (!w.name)
    return fmt::format("  {}{:>8} {}", fit("(no shoe named)", name_width), km_text(w.distance_m, u),
                       unit);
  const std::string drop = shoe.drop_mm ? analyze::millimetres(*shoe.drop_mm) : "drop ?";
  std::string row =
      fmt::format("  {}{:>8} {}  {:<8}{:>5.0f}/{:.0f} {} ({:.0f}%)",
                  fit(terminal_safe(*w.name), name_width), km_text(w.distance_m, u), unit, drop,
                  model::distance_in(shoe.mileage_m, u), model::distance_in(shoe.limit_m, u), unit,
                  shoe.limit_m > 0.0 ? shoe.mileage_m / shoe.limit_m * 100.0 : 0.0);
  if (shoe.minimalist) row += ", minimalist";
  if (shoe.retired) row += ", retired";
  return row;
}

// The shoes of the week whose drop is unknown, in one sentence with the
// command that sets it.
std::string unknown_drop_text(const analyze::ShoeReport& shoes, model::Units u) {
  std::vector<std::string> names;
  double metres = 0.0;
  for (const auto& shoe : shoes.worn) {
    if (!shoe.week.name || shoe.drop_mm) continue;
    names.push_back(terminal_safe(*shoe.week.name));
    metres += shoe.week.distance_m;
  }
  if (names.empty()) return {};
  if (names.size() == 1)
    return fmt::format(
        "{} in {} are not judged as a change; set its drop: runload gear edit "
        "'{}' --drop MM",
        text::distance_text(metres, u), names[0], names[0]);
  return fmt::format(
      "{} in {} are not judged as a change; set their drops: runload gear edit "
      "NAME --drop MM",
      text::distance_text(metres, u), fmt::join(names, ", "));
}

void shoes_section(Out& out, const analyze::Report& report) {
  const auto& shoes = report.shoes;
  out.title("Shoes");
  if (!shoes.any) {
    out.wrapped("  ", k_indent,
                "No shoes recorded, so footwear changes are not judged. Add yours with `runload "
                "gear add NAME --drop MM`.");
    return;
  }
  if (shoes.worn.empty()) out.line("  No running this week.");
  for (const auto& shoe : shoes.worn) out.line(shoe_row(shoe, report.settings.units));
  const auto label = [](std::string_view l) { return fmt::format("  {:<14}", l); };
  if (const auto transition = transition_text(shoes); !transition.empty())
    out.wrapped(label("Transition"), 16, transition);
  if (const auto unknown = unknown_drop_text(shoes, report.settings.units); !unknown.empty())
    out.wrapped(label("Drop unknown"), 16, unknown);
  if (const auto& r = shoes.rotation)
    out.wrapped(label("Rotation"), 16,
                fmt::format("{:.0f}% of the last {} weeks in {}{} (context: in one cohort, runners "
                            "who alternated pairs had fewer injuries; Malisoux 2015)",
                            r->main_share * 100.0, r->weeks, terminal_safe(r->main_shoe),
                            r->shoes_used > 1 ? fmt::format(", {} pairs", r->shoes_used) : ""));
}

// The comparisons that have no baseline yet, and why.
void warm_up_section(Out& out, const analyze::Report& report) {
  if (report.pending.empty() && !report.warming_up) return;
  out.title("Warming up");
  if (report.warming_up)
    out.wrapped("  ", k_indent,
                "Fewer than 28 days of history end on this Sunday, so the ratios are warming up: "
                "the ACWR and the weekend share stay silent until then.");
  if (report.pending.empty()) return;
  out.wrapped("  ", k_indent,
              "These comparisons have no baseline yet: their window starts before your first "
              "run, and comparing with days of nothing would overstate every change.");
  for (const auto& p : report.pending)
    out.wrapped("  · ", 4,
                fmt::format("{}: {}; judged from {}", rules::spec(p.rule).title, p.why,
                            long_day(p.ready_on)));
}

void week_table(Out& out, const Palette& p, const analyze::Report& report) {
  const auto u = report.settings.units;
  out.title("Week by week");
  out.line(fmt::format("{}  {:<10} {:<{}} {:>6} {:>8} {:>6} {:>6} {:>6} {:>6}{}", p.dim(), "week",
                       "distance", k_bar_width, model::distance_unit(u), "longest",
                       u == model::Units::metric ? "climb" : "ft up", "fast", "stiff", "flags",
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
        current ? " ▸" : "  ", bar(s.distance_m, max, k_bar_width), km_text(s.distance_m, u),
        km_text(s.longest_run_m, u),
        s.elevation_gain_m ? text::height_number(*s.elevation_gain_m, u) : "-",
        opt_km(s.fast_distance_m, u), opt_number(s.mean_morning_stiffness, "{:.1f}"),
        w.flag_count > 0 ? std::to_string(w.flag_count) : "", current ? p.reset() : ""));
  }
  const auto& env = report.next_week;
  if (env.distance_low_m && env.distance_high_m) {
    const auto unit = model::distance_unit(u);
    out.line(fmt::format("  {:<10} {} {}–{} {}{}", "next week",
                         range_bar(*env.distance_low_m, *env.distance_high_m, max, k_bar_width),
                         km_text(*env.distance_low_m, u), km_text(*env.distance_high_m, u), unit,
                         env.max_single_run_m ? fmt::format(", longest ≤ {} {}",
                                                            km_text(*env.max_single_run_m, u), unit)
                                              : ""));
  } else if (env.withheld) {
    out.line(fmt::format("  {:<10} withheld (see Next week)", "next week"));
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

// "since Sat 14 Nov, not yet assessed" or "assessed on Mon 16 Nov".
std::string standing_note(const model::Flag& f) {
  if (f.assessed_on)
    return fmt::format("Assessed by a clinician on {}: it no longer sets the status.",
                       short_day(*f.assessed_on));
  if (f.ongoing)
    return fmt::format(
        "Raised on {} and not yet assessed: it stands until you record that a doctor or "
        "physiotherapist has seen the tendon (runload journal --assessed).",
        long_day(f.date));
  return {};
}

void flag_block(Out& out, const Palette& p, const model::Flag& f, model::Units u) {
  const auto word = severity_word(f.severity);
  const std::string head =
      fmt::format("{} · {} · {}", rules::spec(f.rule).title, short_day(f.date), rules::id(f.rule));
  out.line(fmt::format("  {}{}{}{}{} {}", p.bold(), severity_colour(p, f.severity), word, p.reset(),
                       std::string(8 - word.size(), ' '),
                       fit(head, k_terminal_width - k_flag_indent)));
  const std::string indent(k_flag_indent, ' ');
  if (const auto standing = standing_note(f); !standing.empty())
    out.wrapped(indent, k_flag_indent, standing);
  if (const auto numbers = flag_numbers(f, u); !numbers.empty())
    out.wrapped(indent, k_flag_indent, numbers);
  out.wrapped(indent, k_flag_indent, terminal_safe(f.message));
  if (!f.advice.empty()) out.wrapped(indent, k_flag_indent, "What to do: " + f.advice);
  out.wrapped(
      fmt::format("{}{}", indent, p.dim()), k_flag_indent,
      fmt::format("Source: {} (evidence: {}){}", f.source, evidence_text(f.evidence), p.reset()));
}

void flags_section(Out& out, const Palette& p, const analyze::Report& report) {
  const auto& flags = report.flags;
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
    if (i > 0) out.line();
    flag_block(out, p, flags[i], report.settings.units);
  }
}

std::string scale_text(const std::optional<int>& v) {
  return v ? fmt::format("{}/10", *v) : std::string("-");
}

// "after Sun's 17.0 km (+36% on the 30-day longest), 5:55/km, 140 m of climb".
std::string day_before_text(const analyze::DayReport& d, model::Units u) {
  const auto& b = *d.day_before;
  std::vector<std::string> parts;
  parts.push_back(fmt::format("after {}'s {}", short_day(d.date - date::days{1}).substr(0, 3),
                              text::distance_text(b.distance_m, u)));
  if (b.over_longest_pct)
    parts.back() += fmt::format(" ({:.0f}% of the 30-day longest)", 100.0 + *b.over_longest_pct);
  if (b.pace_s_per_km) parts.push_back(text::pace_text(*b.pace_s_per_km, u));
  if (b.elevation_gain_m) parts.push_back(text::height_text(*b.elevation_gain_m, u) + " of climb");
  if (!b.shoes.empty())
    parts.push_back("in " + terminal_safe(fmt::format("{}", fmt::join(b.shoes, ", "))));
  return fmt::format("{}", fmt::join(parts, ", "));
}

void day_line(Out& out, const Palette& p, const analyze::DayReport& d, model::Units u) {
  const std::string run = d.runs > 0 ? km_text(d.distance_m, u) : "rest";
  if (!d.journal) {
    out.line(fmt::format("  {:<11}{:>7}  {}", short_day(d.date), run, "not logged"));
    return;
  }
  const auto& j = *d.journal;
  std::vector<std::string> other;
  if (j.pop.value_or(false)) other.emplace_back("POP");
  if (j.swelling.value_or(false)) other.emplace_back("swelling");
  if (j.side) other.emplace_back(std::string(model::to_string(*j.side)));
  if (j.assessed.value_or(false)) other.emplace_back("ASSESSED");
  const std::string prefix = fmt::format(
      "  {:<11}{:>7}  {:<6}{:>7}  {:<9}{:<6} ", short_day(d.date), run, scale_text(j.stiffness),
      j.stiffness_minutes ? fmt::format("{} min", *j.stiffness_minutes) : "-",
      scale_text(j.pain_run), scale_text(j.pain_after));
  out.line(prefix + fmt::format("{}", fmt::join(other, ", ")));
  constexpr std::size_t note_indent = k_indent + 11;
  if (j.stiffness && d.day_before)
    out.wrapped(fmt::format("{}{}", std::string(note_indent, ' '), p.dim()), note_indent,
                day_before_text(d, u) + std::string(p.reset()));
  if (j.note && !j.note->empty())
    out.wrapped(std::string(note_indent, ' '), note_indent,
                "\u201c" + terminal_safe(*j.note) + "\u201d");
}

void symptoms_section(Out& out, const Palette& p, const analyze::Report& report) {
  const auto& s = report.symptoms;
  std::string summary = fmt::format("{} of {} days logged", s.days_logged, report.days.size());
  if (s.mean_morning_stiffness)
    summary += fmt::format(", mean stiffness {:.1f}/10", *s.mean_morning_stiffness);
  if (s.prev_mean_morning_stiffness)
    summary += fmt::format(" (last week {:.1f})", *s.prev_mean_morning_stiffness);
  out.title("Symptoms day by day");
  if (report.days.empty()) {
    out.line("  No day of this week has come yet.");
    return;
  }
  out.line(fmt::format("  {}", summary));
  out.line(fmt::format("{}  {:<11}{:>7}  {:<6}{:>7}  {:<9}{:<6} {}{}", p.dim(), "day",
                       fmt::format("run {}", model::distance_unit(report.settings.units)), "stiff",
                       "lasted", "pain run", "after", "other", p.reset()));
  for (const auto& d : report.days) day_line(out, p, d, report.settings.units);
  const auto& r = report.response;
  if (r.findings.empty()) return;
  out.line();
  out.line("  The mornings after a run, over the weeks shown (counts, not causes):");
  for (const auto& f : r.findings) out.wrapped("  · ", 4, f.text + ".");
}

// VISA-A, heel-rise, rehab, medications and episodes; nothing when none is
// recorded.
void tendon_section(Out& out, const analyze::Report& report) {
  const auto lines = tendon_lines(report.tendon);
  if (lines.empty()) return;
  out.title("Tendon");
  constexpr std::size_t label_width = 14;
  for (const auto& l : lines)
    out.wrapped(fmt::format("  {:<{}}", l.label, label_width), k_indent + label_width, l.text);
}

void next_week(Out& out, const analyze::Report& report) {
  const auto& env = report.next_week;
  const auto u = report.settings.units;
  out.title("Next week");
  if (env.withheld) {
    out.wrapped(
        "  ", k_indent,
        "No plan to build while a HIGH or URGENT flag stands. Do this instead: " + env.reason);
    return;
  }
  out.wrapped(fmt::format("  {:<14}", "Longest run"), 16,
              env.max_single_run_m
                  ? fmt::format("at most {} ({} your longest of the last 30 days that was "
                                "not a spike)",
                                text::distance_text(*env.max_single_run_m, u),
                                env.long_run_held ? std::string("no increase on")
                                                  : fmt::format("{:.2f} ×", env.single_run_factor))
                  : std::string("no run in the last 30 days: start short and easy"));
  const std::string basis =
      env.weeks_averaged >= 3 ? fmt::format("{:g}–{:g} × the mean of this week and the 2 before",
                                            env.week_low_factor, env.week_high_factor)
                              : fmt::format("{:g}–{:g} × the mean of the {} week{} of history",
                                            env.week_low_factor, env.week_high_factor,
                                            env.weeks_averaged, env.weeks_averaged == 1 ? "" : "s");
  out.wrapped(fmt::format("  {:<14}", "Distance"), 16,
              env.distance_low_m && env.distance_high_m
                  ? fmt::format("{}–{} {} ({})", km_text(*env.distance_low_m, u),
                                km_text(*env.distance_high_m, u), model::distance_unit(u), basis)
                  : std::string("no running in the last 3 weeks: restart below your old level"));
  for (const auto& limit : env.limits) out.wrapped("  Limit:        ", 16, limit);
  out.wrapped("  ", k_indent,
              fmt::format("Stay inside it only while the mornings stay calm: pain during a run "
                          "above {}/10, or stiffness that has not settled by the next morning, "
                          "means less, not more.",
                          report.settings.thresholds.pain_run_caution));
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

std::string flag_value_text(double value, model::Unit unit, model::Units units) {
  switch (unit) {
    case model::Unit::km:
      return km_text(value, units);
    case model::Unit::m:
      return text::height_number(value, units);
    case model::Unit::days:
      return fmt::format("{:.0f}", value);
    case model::Unit::share:
      return fmt::format("{:.0f}", value * 100.0);
    case model::Unit::points:
      return points(value);
    case model::Unit::celsius:
      return fmt::format("{:.1f}", value);
  }
  return points(value);
}

std::string flag_numbers(const model::Flag& f, model::Units units) {
  if (!f.observed) return {};
  const auto& rule = rules::spec(f.rule);
  const auto unit = f.unit == model::Unit::km  ? model::distance_unit(units)
                    : f.unit == model::Unit::m ? model::height_unit(units)
                                               : model::to_string(f.unit);
  return fmt::format(fmt::runtime(f.baseline ? rule.numbers : rule.numbers_alone),
                     fmt::arg("observed", flag_value_text(*f.observed, f.unit, units)),
                     fmt::arg("baseline", f.baseline ? flag_value_text(*f.baseline, f.unit, units)
                                                     : std::string()),
                     fmt::arg("unit", unit),
                     fmt::arg("ratio", f.ratio ? fmt::format(", ratio {:.2f}", *f.ratio) : ""));
}

std::string terminal_report(const ReportMeta& meta, const analyze::Report& report,
                            const Palette& palette) {
  Out out(palette);
  status_line(out, palette, report);
  header(out, palette, meta, report);
  if (const auto changed = settings_text(report.settings.changed); !changed.empty())
    out.wrapped("Settings changed: ", 18, changed);
  if (!meta.first_run) {
    empty_history(out);
    if (!report.flags.empty()) flags_section(out, palette, report);
    if (report.symptoms.days_logged > 0) symptoms_section(out, palette, report);
    tendon_section(out, report);
  } else {
    flags_section(out, palette, report);
    next_week(out, report);
    this_week(out, report);
    shoes_section(out, report);
    warm_up_section(out, report);
    week_table(out, palette, report);
    symptoms_section(out, palette, report);
    tendon_section(out, report);
  }
  out.line();
  out.wrapped("", 0, std::string(k_disclaimer));
  return std::move(out).str();
}

}  // namespace runload::report
