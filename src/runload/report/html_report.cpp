#include <runload/report/html_report.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/model/local_time.hpp>
#include <runload/report/tendon_text.hpp>
#include <runload/report/terminal_report.hpp>
#include <runload/report/text.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/numbers.hpp>

namespace runload::report {

using text::html_escape;

namespace {

constexpr double k_chart_width = 720.0;
constexpr double k_chart_height = 180.0;
constexpr double k_left = 44.0;
constexpr double k_right = 12.0;
constexpr double k_top = 14.0;
constexpr double k_bottom = 26.0;

constexpr std::string_view k_style = R"(
:root{--fg:#1d2430;--muted:#5b6675;--line:#d9dee5;--bar:#4a7bb7;--env:#9fc29a;--dot:#c2571a;
--urgent:#8b0000;--high:#c62828;--caution:#b26a00;--info:#1f6f8b}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
max-width:820px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line)}
.sub{color:var(--muted);margin:.2rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem}
.stat{border:1px solid var(--line);border-radius:8px;padding:.5rem .7rem}
.stat b{display:block;font-size:1.25rem}.stat span{color:var(--muted);font-size:.85rem}
.note{background:#fff8e1;border-left:4px solid var(--caution);padding:.5rem .8rem}
svg{width:100%;height:auto;display:block;margin:.3rem 0 1rem}
svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
.card{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:8px;
padding:.6rem .9rem;margin:.7rem 0}
.card.urgent{border-left-color:var(--urgent)}.card.high{border-left-color:var(--high)}
.card.caution{border-left-color:var(--caution)}
.sev{font-weight:700;letter-spacing:.05em;margin-right:.5rem}
.urgent .sev{color:var(--urgent)}.high .sev{color:var(--high)}.caution .sev{color:var(--caution)}
.info .sev{color:var(--info)}
.card p{margin:.3rem 0}.num{font-variant-numeric:tabular-nums;color:var(--muted)}
.src{font-size:.85rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line)}
td.n,th.n{text-align:right}
footer{margin-top:2rem;color:var(--muted);font-size:.9rem}
.status{border-radius:10px;padding:.8rem 1rem;margin:0 0 1rem;color:#fff}
.status.red{background:#b71c1c}.status.amber{background:#a65d00}.status.green{background:#2e7d32}
.status .level{font-weight:800;letter-spacing:.08em;font-size:1.2rem;margin:0}
.status p{margin:.2rem 0}
.warm li{color:var(--muted)}
)";

std::string km1(double metres, model::Units u) {
  return text::distance_number(metres, u);
}

std::string e(std::string_view text) {
  return html_escape(text);
}

struct Series {
  std::vector<std::optional<double>> values;
  double max = 0.0;
};

double x_of(std::size_t i, std::size_t n) {
  const double step =
      (k_chart_width - k_left - k_right) / static_cast<double>(std::max<std::size_t>(n, 1));
  return k_left + step * (static_cast<double>(i) + 0.5);
}

double y_of(double v, double max) {
  const double h = k_chart_height - k_top - k_bottom;
  return k_top + h - (max > 0.0 ? v / max * h : 0.0);
}

// Gridlines, the y labels at 0, max/2 and max, and every k-th week label.
std::string axes(const std::vector<std::string>& labels, double max, std::string_view unit) {
  std::string out;
  for (int k = 0; k <= 2; ++k) {
    const double v = max * k / 2.0;
    const double y = y_of(v, max);
    out += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#d9dee5"/>)"
                       R"(<text x="{:.1f}" y="{:.1f}" text-anchor="end">{:.{}f}{}</text>)",
                       k_left, y, k_chart_width - k_right, y, k_left - 4, y + 4, v,
                       max < 10 ? 1 : 0, k == 2 ? std::string(" ") + std::string(unit) : "");
  }
  const std::size_t every = std::max<std::size_t>(1, (labels.size() + 11) / 12);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if ((labels.size() - 1 - i) % every != 0) continue;
    out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                       x_of(i, labels.size()), k_chart_height - 8, e(labels[i]));
  }
  return out;
}

std::string svg_open(std::string_view title) {
  return fmt::format(
      R"(<svg viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">)",
      k_chart_width, k_chart_height, e(title));
}

// Bars of `s` (the last one darker), in `unit`, scaled to s.max.
std::string bars(const Series& s, std::size_t n, double scale, const std::string& colour) {
  std::string out;
  const double step =
      (k_chart_width - k_left - k_right) / static_cast<double>(std::max<std::size_t>(n, 1));
  const double w = std::max(2.0, step * 0.7);
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    if (!s.values[i] || *s.values[i] <= 0.0) continue;
    const double v = *s.values[i] * scale;
    const double y = y_of(v, s.max);
    out += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"{}><title>{:.1f}</title></rect>)",
        x_of(i, n) - w / 2, y, w, y_of(0, s.max) - y, colour,
        i + 1 == s.values.size() ? R"( stroke="#1d2430" stroke-width="1.5")" : "", v);
  }
  return out;
}

// A polyline through the known values, with a dot on each.
std::string line(const Series& s, std::size_t n, double scale, std::string_view colour) {
  std::string points;
  std::string dots;
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    if (!s.values[i]) continue;
    const double v = *s.values[i] * scale;
    points += fmt::format("{:.1f},{:.1f} ", x_of(i, n), y_of(v, s.max));
    dots += fmt::format(
        R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="{}"><title>{:.1f}</title></circle>)",
        x_of(i, n), y_of(v, s.max), colour, v);
  }
  if (points.empty()) return {};
  return fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>)", points,
                     colour) +
         dots;
}

// The x labels every weekly chart shares: each week shown, then "next" (the
// envelope's column on the distance chart), so a week sits at the same x on
// every chart.
std::vector<std::string> week_labels(const analyze::Report& r) {
  std::vector<std::string> labels;
  for (const auto& w : r.weeks) labels.push_back(w.summary.iso.substr(5));
  labels.emplace_back("next");
  return labels;
}

std::string distance_chart(const analyze::Report& r) {
  const auto u = r.settings.units;
  const double per = model::metres_per_distance_unit(u);
  const auto unit = model::distance_unit(u);
  const auto labels = week_labels(r);
  const auto n = labels.size();
  Series dist;
  Series longest;
  for (const auto& w : r.weeks) {
    dist.values.emplace_back(w.summary.distance_m);
    longest.values.emplace_back(w.summary.longest_run_m);
    dist.max = std::max(dist.max, w.summary.distance_m / per);
  }
  const auto& env = r.next_week;
  if (env.distance_high_m) dist.max = std::max(dist.max, *env.distance_high_m / per);
  if (dist.max <= 0.0) dist.max = 1.0;
  dist.max = std::ceil(dist.max / 10.0) * 10.0;
  longest.max = dist.max;
  std::string out =
      svg_open(fmt::format("Weekly distance in {}, longest run, and next week's envelope", unit));
  out += axes(labels, dist.max, unit);
  out += bars(dist, n, 1.0 / per, "#4a7bb7");
  if (env.distance_low_m && env.distance_high_m) {
    const double step = (k_chart_width - k_left - k_right) / static_cast<double>(n);
    const double x = x_of(n - 1, n) - step * 0.35;
    const double y_high = y_of(*env.distance_high_m / per, dist.max);
    const double y_low = y_of(*env.distance_low_m / per, dist.max);
    out += fmt::format(
        R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#9fc29a" opacity=".7"><title>next week {}–{} {}</title></rect>)",
        x, y_high, step * 0.7, y_low - y_high, km1(*env.distance_low_m, u),
        km1(*env.distance_high_m, u), unit);
  }
  out += line(longest, n, 1.0 / per, "#c2571a");
  out += "</svg>";
  return out;
}

// A horizontal band from `low` to `high` across the plot, behind a series.
std::string band(double low, double high, double max, std::string_view colour,
                 std::string_view title) {
  const double top = y_of(std::min(high, max), max);
  const double bottom = y_of(std::max(low, 0.0), max);
  return fmt::format(
      R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" opacity=".25"><title>{}</title></rect>)",
      k_left, top, k_chart_width - k_left - k_right, bottom - top, colour, e(title));
}

// The uncoupled ACWR of each week against Gabbett's bands: 0.8-1.3 (the
// "sweet spot"), above 1.5 (the "danger zone"; contested, see the flag).
std::string acwr_chart(const analyze::Report& r) {
  const auto labels = week_labels(r);
  Series s;
  for (const auto& w : r.weeks) {
    s.values.push_back(w.acwr_uncoupled);
    if (w.acwr_uncoupled) s.max = std::max(s.max, *w.acwr_uncoupled);
  }
  s.max = std::max(2.0, std::ceil(s.max * 1.1 * 2.0) / 2.0);
  std::string out = svg_open("Acute:chronic ratio of each week against its bands");
  out += band(0.8, 1.3, s.max, "#2e7d32", "0.8–1.3");
  out += band(1.5, s.max, s.max, "#c62828", "above 1.5");
  out += axes(labels, s.max, "");
  out += line(s, labels.size(), 1.0, "#1d2430");
  out += "</svg>";
  return out;
}

std::string simple_chart(const analyze::Report& r, std::string_view title, std::string_view unit,
                         double scale, bool as_line, std::optional<double> fixed_max,
                         std::optional<double> (*field)(const analyze::WeekSummary&)) {
  const auto labels = week_labels(r);
  Series s;
  for (const auto& w : r.weeks) {
    const auto v = field(w.summary);
    s.values.push_back(v);
    if (v) s.max = std::max(s.max, *v * scale);
  }
  s.max = fixed_max ? *fixed_max : (s.max <= 0.0 ? 1.0 : s.max * 1.1);
  std::string out = svg_open(title);
  out += axes(labels, s.max, unit);
  out +=
      as_line ? line(s, labels.size(), scale, "#8e44ad") : bars(s, labels.size(), scale, "#7a8da6");
  out += "</svg>";
  return out;
}

std::string_view marker_colour(model::Severity s) {
  switch (s) {
    case model::Severity::urgent:
      return "#8b0000";
    case model::Severity::high:
      return "#c62828";
    case model::Severity::caution:
      return "#b26a00";
    case model::Severity::info:
      return "#1f6f8b";
  }
  return "#1f6f8b";
}

// Morning stiffness, pain during and after running, day by day over the
// weeks shown (0-10), with a marker above each day that raised a flag.
std::string symptoms_chart(const analyze::Report& r) {
  if (r.symptom_days.empty() || r.weeks.empty()) return {};
  const auto first = r.weeks.front().summary.start;
  const auto days = static_cast<std::size_t>((r.weeks.back().summary.end - first).count() + 1);
  std::vector<std::string> labels(days);
  for (std::size_t i = 0; i < r.weeks.size(); ++i) labels[i * 7] = r.weeks[i].summary.iso.substr(5);
  const auto series = [&](auto field) {
    Series s;
    s.values.resize(days);
    s.max = 10.0;
    for (const auto& d : r.symptom_days) {
      const auto v = field(d);
      if (v) s.values[static_cast<std::size_t>((d.date - first).count())] = *v;
    }
    return s;
  };
  std::string out = svg_open("Morning stiffness, pain during and after running, 0 to 10");
  // The week labels sit on each week's Monday.
  for (int k = 0; k <= 2; ++k) {
    const double v = 10.0 * k / 2.0;
    out += fmt::format(
        R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#d9dee5"/><text x="{:.1f}" y="{:.1f}" text-anchor="end">{:.0f}</text>)",
        k_left, y_of(v, 10.0), k_chart_width - k_right, y_of(v, 10.0), k_left - 4,
        y_of(v, 10.0) + 4, v);
  }
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (!labels[i].empty())
      out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="start">{}</text>)",
                         x_of(i, days), k_chart_height - 8, e(labels[i]));
  out += line(series([](const auto& d) { return d.stiffness; }), days, 1.0, "#8e44ad");
  out += line(series([](const auto& d) { return d.pain_run; }), days, 1.0, "#c62828");
  out += line(series([](const auto& d) { return d.pain_after; }), days, 1.0, "#b26a00");
  for (const auto& d : r.symptom_days) {
    if (!d.worst_flag) continue;
    const auto i = static_cast<std::size_t>((d.date - first).count());
    out += fmt::format(
        R"(<path d="M{:.1f} {:.1f} l5 -8 l-10 0 z" fill="{}"><title>{} flag on {}</title></path>)",
        x_of(i, days), k_top + 8, marker_colour(*d.worst_flag), severity_word(*d.worst_flag),
        e(short_day(d.date)));
  }
  out += "</svg>";
  return out;
}

// The latest value of `field` among `records` dated in each shown week.
template <typename T, typename F>
Series weekly_latest(const analyze::Report& r, const std::vector<T>& records, F field) {
  Series s;
  for (const auto& w : r.weeks) {
    std::optional<double> value;
    for (const auto& record : records)
      if (record.date >= w.summary.start && record.date <= w.summary.end) value = field(record);
    s.values.push_back(value);
    if (value) s.max = std::max(s.max, *value);
  }
  return s;
}

// The VISA-A of each week (its latest questionnaire) against the 90 that
// marks recovery.
std::string visa_chart(const analyze::Report& r) {
  const auto labels = week_labels(r);
  auto s = weekly_latest(r, r.tendon.visa_a_history,
                         [](const model::VisaA& v) { return static_cast<double>(v.score()); });
  s.max = 100.0;
  std::string out = svg_open("VISA-A score of each week, 0 to 100, against recovery at 90");
  out += band(rules::k_visa_a_recovered, 100.0, s.max, "#2e7d32", "90 and above: recovery");
  out += axes(labels, s.max, "");
  out += line(s, labels.size(), 1.0, "#1d2430");
  out += "</svg>";
  return out;
}

// Heel raises to fatigue of each week (its latest test), left and right.
std::string heel_rise_chart(const analyze::Report& r) {
  const auto labels = week_labels(r);
  auto left = weekly_latest(r, r.tendon.heel_rise_history, [](const model::HeelRiseTest& t) {
    return static_cast<double>(t.left);
  });
  auto right = weekly_latest(r, r.tendon.heel_rise_history, [](const model::HeelRiseTest& t) {
    return static_cast<double>(t.right);
  });
  const double max = std::ceil(std::max({left.max, right.max, 10.0}) * 1.1 / 10.0) * 10.0;
  left.max = right.max = max;
  std::string out = svg_open("Heel raises to fatigue of each week, left and right");
  out += axes(labels, max, "");
  out += line(left, labels.size(), 1.0, "#4a7bb7");
  out += line(right, labels.size(), 1.0, "#c2571a");
  out += "</svg>";
  return out;
}

std::string rehab_chart(const analyze::Report& r) {
  const auto labels = week_labels(r);
  Series s;
  for (const auto& w : r.weeks) {
    s.values.emplace_back(w.rehab_sessions);
    s.max = std::max(s.max, static_cast<double>(w.rehab_sessions));
  }
  s.max = std::max(4.0, std::ceil(s.max * 1.1));
  std::string out = svg_open("Rehab exercises logged each week");
  out += axes(labels, s.max, "");
  out += bars(s, labels.size(), 1.0, "#7a8da6");
  out += "</svg>";
  return out;
}

// The Tendon section: the report's sentences, then the trends.
std::string tendon_section(const analyze::Report& r) {
  const auto lines = tendon_lines(r.tendon);
  if (lines.empty()) return {};
  std::string h = "<h2>Tendon</h2>\n";
  for (const auto& l : lines)
    h += l.label.empty() ? fmt::format("<p class=\"sub\">{}</p>\n", e(l.text))
                         : fmt::format("<p><b>{}</b> {}</p>\n", e(l.label), e(l.text));
  if (r.tendon.visa_a_history.size() >= 1) {
    h += "<p class=\"sub\">VISA-A by week (green band: 90 and above, recovery)</p>\n";
    h += visa_chart(r);
  }
  if (!r.tendon.heel_rise_history.empty()) {
    h += "<p class=\"sub\">Heel raises to fatigue by week: left (blue), right (orange)</p>\n";
    h += heel_rise_chart(r);
  }
  if (r.tendon.any_rehab) {
    h += "<p class=\"sub\">Rehab exercises logged by week</p>\n";
    h += rehab_chart(r);
  }
  return h;
}

std::string stat(std::string_view value, std::string_view label) {
  return fmt::format(R"(<div class="stat"><b>{}</b><span>{}</span></div>)", e(value), e(label));
}

std::string opt(const std::optional<double>& v, std::string_view format) {
  return v ? fmt::format(fmt::runtime(format), *v) : std::string("–");
}

std::string scale(const std::optional<int>& v) {
  return v ? fmt::format("{}/10", *v) : std::string("–");
}

std::string severity_class(model::Severity s) {
  return std::string(model::to_string(s));
}

std::string status_block(const analyze::Report& r);

// The head, the status block (the first thing on the page), the title.
std::string page_head(const ReportMeta& meta, const analyze::Report& r) {
  const auto& w = r.week.summary;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += fmt::format("<title>runload · {} · {}</title>\n", e(meta.athlete), e(w.iso));
  h += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_style);
  h += status_block(r);
  h += fmt::format("<header><h1>Weekly Achilles load report</h1>\n");
  h += fmt::format("<p class=\"sub\">{} · {} · {} · {} – {}</p>\n", e(meta.athlete),
                   e(meta.timezone), e(w.iso), e(long_day(w.start)), e(long_day(w.end)));
  if (meta.first_run)
    h += fmt::format("<p class=\"sub\">History since {}</p>\n", e(long_day(*meta.first_run)));
  if (const auto changed = settings_text(r.settings.changed); !changed.empty())
    h += fmt::format("<p class=\"sub\">Settings changed: {}</p>\n", e(changed));
  h += "</header>\n";
  return h;
}

std::string no_runs_section() {
  return "<h2>No runs yet</h2>\n<p>There are no runs in this database yet. Import your runs "
         "with <code>runload import ~/Downloads/export_12345.zip</code> (a Strava export, GPX, "
         "TCX or FIT files, CSV exports, or a folder of them) and log your mornings with "
         "<code>runload journal</code>.</p>\n";
}

std::string status_block(const analyze::Report& r) {
  const auto& s = r.status;
  std::string since;
  for (const auto& f : r.flags)
    if (s.rule == f.rule && s.since == f.date)
      since = fmt::format(" (since {}{})", short_day(f.date),
                          f.ongoing ? ", not yet assessed by a clinician" : "");
  std::string word(analyze::to_string(s.level));
  for (auto& c : word) c = static_cast<char>(c - 'a' + 'A');
  return fmt::format(
      "<section class=\"status {}\"><p class=\"level\">{}</p><p>{}{}</p></section>\n",
      analyze::to_string(s.level), word, e(s.headline), e(since));
}

std::string this_week_section(const analyze::Report& r) {
  const auto u = r.settings.units;
  const auto& w = r.week.summary;
  std::string h = "<h2>This week</h2>\n<div class=\"grid\">\n";
  h += stat(text::distance_text(w.distance_m, u),
            fmt::format("{} run{}{}", w.runs, w.runs == 1 ? "" : "s",
                        r.week.week_change_pct
                            ? fmt::format(", {:+.1f}% on last week", *r.week.week_change_pct)
                            : std::string()));
  h += stat(text::distance_text(w.longest_run_m, u), "longest run");
  h += stat(w.elevation_gain_m ? text::height_text(*w.elevation_gain_m, u) : "–", "climb");
  const auto tracks = [&](int with) {
    return w.runs > 0 ? fmt::format("{} of {} runs had a track", with, w.runs) : std::string();
  };
  h += stat(w.fast_distance_m ? text::distance_text(*w.fast_distance_m, u) : "–",
            fmt::format("fast{}; {}",
                        r.week.fast_threshold_mps
                            ? fmt::format(" (at or faster than {})",
                                          text::pace_text(1000.0 / *r.week.fast_threshold_mps, u))
                            : std::string(),
                        tracks(w.runs_with_fast)));
  h += stat(w.uphill_distance_m ? text::distance_text(*w.uphill_distance_m, u) : "–",
            fmt::format("uphill, grade 4% or more; {}", tracks(w.runs_with_uphill)));
  h += stat(opt(r.week.acwr_uncoupled, "{:.2f}"), "ACWR, this week ÷ 3 before");
  h += stat(opt(r.week.acwr_coupled, "{:.2f}"), "ACWR coupled (bounded by 4.0)");
  h += stat(opt(r.week.acwr_ewma, "{:.2f}"), "ACWR EWMA 7/28");
  h += stat(opt(r.week.monotony, "{:.2f}"), "monotony (Foster 1998)");
  std::optional<double> strain;
  if (r.week.strain_m) strain = model::distance_in(*r.week.strain_m, u);
  h += stat(opt(strain, "{:.0f}"),
            fmt::format("strain, {} × monotony (context)", model::distance_unit(u)));
  h += "</div>\n";
  return h;
}

std::string warm_up_section(const analyze::Report& r) {
  if (r.pending.empty() && !r.warming_up) return {};
  std::string h = "<h2>Warming up</h2>\n";
  if (r.warming_up)
    h += "<p class=\"note\">Fewer than 28 days of history end on this Sunday: the ratios are "
         "warming up, and the ACWR and weekend-share flags stay silent.</p>\n";
  if (r.pending.empty()) return h;
  h += "<p>No baseline yet (the window starts before your first run):</p>\n<ul class=\"warm\">\n";
  for (const auto& p : r.pending)
    h += fmt::format("<li>{}: {}; judged from {}</li>\n", e(rules::spec(p.rule).title), e(p.why),
                     e(long_day(p.ready_on)));
  h += "</ul>\n";
  return h;
}

// A colour per shoe, in the order the shoes first appear in the weeks shown.
std::vector<std::string> shoe_order(const analyze::Report& r) {
  std::vector<std::string> names;
  for (const auto& w : r.weeks)
    for (const auto& s : w.shoes)
      if (s.name && std::find(names.begin(), names.end(), *s.name) == names.end())
        names.push_back(*s.name);
  return names;
}

std::string_view shoe_colour(std::size_t index) {
  static constexpr std::array<std::string_view, 6> colours{"#4a7bb7", "#c2571a", "#5b9a52",
                                                           "#8a5fb0", "#b8962e", "#3f9a9a"};
  return colours[index % colours.size()];
}

// The weekly distance stacked by shoe; runs naming no shoe in grey.
std::string shoe_chart(const analyze::Report& r, const std::vector<std::string>& names) {
  const auto u = r.settings.units;
  const auto labels = week_labels(r);
  const auto n = labels.size();
  double max = 1.0;
  for (const auto& w : r.weeks) max = std::max(max, model::distance_in(w.summary.distance_m, u));
  max = std::ceil(max / 10.0) * 10.0;
  const double step = (k_chart_width - k_left - k_right) / static_cast<double>(n);
  std::string out = svg_open(fmt::format("Weekly distance in {} by shoe", model::distance_unit(u)));
  out += axes(labels, max, model::distance_unit(u));
  for (std::size_t i = 0; i < r.weeks.size(); ++i) {
    double below = 0.0;
    for (const auto& s : r.weeks[i].shoes) {
      const double km = model::distance_in(s.distance_m, u);
      if (km <= 0.0) continue;
      const auto at = s.name ? std::find(names.begin(), names.end(), *s.name) : names.end();
      const auto colour = s.name ? shoe_colour(static_cast<std::size_t>(at - names.begin()))
                                 : std::string_view("#b9c0ca");
      const double top = y_of(below + km, max);
      out += fmt::format(
          R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{}: {} {}</title></rect>)",
          x_of(i, n) - step * 0.35, top, step * 0.7, y_of(below, max) - top, colour,
          e(s.name.value_or("no shoe named")), km1(s.distance_m, u), model::distance_unit(u));
      below += km;
    }
  }
  out += "</svg>";
  return out;
}

std::string shoe_legend(const std::vector<std::string>& names) {
  std::string h = "<p class=\"sub\">";
  for (std::size_t i = 0; i < names.size(); ++i)
    h += fmt::format("<span style=\"color:{}\">&#9632;</span> {} &nbsp; ", shoe_colour(i),
                     e(names[i]));
  return h + "<span style=\"color:#b9c0ca\">&#9632;</span> no shoe named</p>\n";
}

std::string shoe_row(const analyze::ShoeWeek& shoe, model::Units u) {
  if (!shoe.week.name)
    return fmt::format("<tr><td>(no shoe named)</td><td>{}</td><td></td><td></td></tr>\n",
                       text::distance_text(shoe.week.distance_m, u));
  return fmt::format(
      "<tr><td>{}{}{}</td><td>{}</td><td>{}</td><td>{:.0f} of {:.0f} {} ({:.0f}%)</td></tr>\n",
      e(*shoe.week.name), shoe.minimalist ? ", minimalist" : "", shoe.retired ? ", retired" : "",
      text::distance_text(shoe.week.distance_m, u),
      shoe.drop_mm ? analyze::millimetres(*shoe.drop_mm) : "unknown",
      model::distance_in(shoe.mileage_m, u), model::distance_in(shoe.limit_m, u),
      model::distance_unit(u), shoe.limit_m > 0.0 ? shoe.mileage_m / shoe.limit_m * 100.0 : 0.0);
}

// This week's distance per shoe, the transition check, the rotation, and
// the weekly distance by shoe.
std::string shoes_section(const analyze::Report& r) {
  const auto& shoes = r.shoes;
  std::string h = "<h2>Shoes</h2>\n";
  if (!shoes.any)
    return h +
           "<p class=\"note\">No shoes recorded, so footwear changes are not judged. Add "
           "yours with <code>runload gear add NAME --drop MM</code>.</p>\n";
  h += "<table><tr><th>shoe</th><th>this week</th><th>heel drop</th><th>mileage</th></tr>\n";
  for (const auto& shoe : shoes.worn) h += shoe_row(shoe, r.settings.units);
  h += "</table>\n";
  if (const auto transition = transition_text(shoes); !transition.empty())
    h += fmt::format("<p>Transition: {}</p>\n", e(transition));
  if (const auto& rot = shoes.rotation)
    h += fmt::format(
        "<p class=\"sub\">Rotation: {:.0f}% of the last {} weeks in {} (context: in one cohort, "
        "runners who alternated pairs had fewer injuries; Malisoux 2015)</p>\n",
        rot->main_share * 100.0, rot->weeks, e(rot->main_shoe));
  const auto names = shoe_order(r);
  if (names.empty()) return h;
  return h + shoe_chart(r, names) + shoe_legend(names);
}

// CTL and ATL at the end of each week of one load, `per_unit` of the load to
// one unit of the axis; a week without a value has no point.
struct FitnessChart {
  std::string title;
  std::string unit;
  double per_unit = 1.0;
  std::function<const analyze::FitnessDay*(const analyze::WeekReport&)> day;
};

std::string ctl_atl_chart(const analyze::Report& r, const FitnessChart& chart) {
  const auto labels = week_labels(r);
  Series ctl;
  Series atl;
  for (const auto& w : r.weeks) {
    const auto* f = chart.day(w);
    ctl.values.push_back(f ? std::optional(f->ctl_m) : std::nullopt);
    atl.values.push_back(f ? std::optional(f->atl_m) : std::nullopt);
    if (f) ctl.max = std::max({ctl.max, f->ctl_m, f->atl_m});
  }
  ctl.max = ctl.max <= 0.0 ? 1.0 : std::ceil(ctl.max / chart.per_unit * 1.1);
  atl.max = ctl.max;
  std::string out = svg_open(chart.title);
  out += axes(labels, ctl.max, chart.unit);
  out += line(ctl, labels.size(), 1.0 / chart.per_unit, "#4a7bb7");
  out += line(atl, labels.size(), 1.0 / chart.per_unit, "#c2571a");
  return out + "</svg>";
}

// CTL and ATL on distance, km (or miles) a day.
std::string fitness_chart(const analyze::Report& r) {
  const auto u = r.settings.units;
  return ctl_atl_chart(
      r, {fmt::format("Fitness (CTL) and fatigue (ATL), {} a day", model::distance_unit(u)),
          fmt::format("{}/d", model::distance_unit(u)), model::metres_per_distance_unit(u),
          [](const analyze::WeekReport& w) { return w.fitness ? &*w.fitness : nullptr; }});
}

// CTL and ATL on heart rate, TRIMP a day.
std::string trimp_chart(const analyze::Report& r) {
  return ctl_atl_chart(r, {"Fitness (CTL) and fatigue (ATL) on heart rate, TRIMP a day", "TRIMP/d",
                           1.0, [](const analyze::WeekReport& w) {
                             return w.heart_rate_fitness ? &w.heart_rate_fitness->fitness : nullptr;
                           }});
}

// What the TRIMP chart rests on: the heart rates, the factor, the coverage.
std::string trimp_note(const analyze::HeartRateFitness& h) {
  return fmt::format(
      "<p class=\"sub\">The same on heart rate: Banister's TRIMP a day (resting {:.0f} and "
      "maximum {:.0f} bpm, the {}'s factor{}); {} of the {} runs of the last {} days had heart "
      "rate, and a run without it adds nothing.</p>\n",
      h.reserve.rest_bpm, h.reserve.max_bpm, e(std::string(h.factor)),
      h.sex_known ? "" : ", sex not set", h.runs_with_heart_rate, h.runs,
      analyze::k_trimp_coverage_days);
}

std::string charts_section(const analyze::Report& r) {
  const auto u = r.settings.units;
  const auto du = model::distance_unit(u);
  std::string h = "<h2>Week by week</h2>\n";
  h += fmt::format(
      "<p class=\"sub\">Distance (bars, {}), longest run (orange line), and next "
      "week's envelope (green).</p>\n",
      du);
  h += distance_chart(r);
  h += "<p class=\"sub\">Acute:chronic ratio (green band 0.8–1.3, red above 1.5)</p>\n";
  h += acwr_chart(r);
  h += fmt::format("<p class=\"sub\">Climb ({})</p>\n", model::height_unit(u));
  h +=
      simple_chart(r, u == model::Units::metric ? "Weekly climb in metres" : "Weekly climb in feet",
                   model::height_unit(u), model::height_in(1.0, u), false, std::nullopt,
                   [](const analyze::WeekSummary& s) { return s.elevation_gain_m; });
  h += fmt::format("<p class=\"sub\">Fast distance ({}, runs with a GPS track)</p>\n", du);
  h += simple_chart(r, fmt::format("Weekly fast distance in {}", du), du,
                    1.0 / model::metres_per_distance_unit(u), false, std::nullopt,
                    [](const analyze::WeekSummary& s) { return s.fast_distance_m; });
  if (r.week.fitness) {
    h += fmt::format(
        "<p class=\"sub\">Fitness (CTL, blue) and fatigue (ATL, orange), {} a day, "
        "exponentially weighted over 42 and 7 days as GoldenCheetah and TrainingPeaks chart them: "
        "a "
        "convention, not a risk measure.</p>\n",
        du);
    h += fitness_chart(r);
  }
  if (r.week.heart_rate_fitness) {
    h += trimp_note(*r.week.heart_rate_fitness);
    h += trimp_chart(r);
  }
  if (const auto symptoms = symptoms_chart(r); !symptoms.empty()) {
    h += "<p class=\"sub\">Morning stiffness (purple), pain during (red) and after (amber) "
         "running, 0–10, day by day; a triangle marks a day with a flag.</p>\n";
    h += symptoms;
  }
  return h;
}

std::string flag_card(const model::Flag& f, model::Units u) {
  std::string h = fmt::format("<div class=\"card {}\">\n", severity_class(f.severity));
  h += fmt::format("<p><span class=\"sev\">{}</span><b>{}</b> · {} · <code>{}</code></p>\n",
                   severity_word(f.severity), e(rules::spec(f.rule).title), e(short_day(f.date)),
                   e(rules::id(f.rule)));
  if (f.assessed_on)
    h += fmt::format(
        "<p class=\"num\">Assessed by a clinician on {}: it no longer sets the "
        "status.</p>\n",
        e(short_day(*f.assessed_on)));
  else if (f.ongoing)
    h += "<p class=\"num\">Raised in an earlier week and not yet assessed: it stands until you "
         "record that a doctor or physiotherapist has seen the tendon (<code>runload journal "
         "--assessed</code>).</p>\n";
  if (const auto numbers = flag_numbers(f, u); !numbers.empty())
    h += fmt::format("<p class=\"num\">{}</p>\n", e(numbers));
  h += fmt::format("<p>{}</p>\n", e(f.message));
  if (!f.advice.empty()) h += fmt::format("<p><b>What to do:</b> {}</p>\n", e(f.advice));
  h += fmt::format("<p class=\"src\">Source: {} (evidence: {})</p>\n</div>\n", e(f.source),
                   e(evidence_text(f.evidence)));
  return h;
}

std::string flags_section(const analyze::Report& r) {
  std::string h = fmt::format("<h2>Flags ({})</h2>\n", r.flags.size());
  if (r.flags.empty()) h += "<p>None this week.</p>\n";
  for (const auto& f : r.flags) h += flag_card(f, r.settings.units);
  return h;
}

std::string next_week_section(const analyze::Report& r) {
  const auto u = r.settings.units;
  const auto& env = r.next_week;
  std::string h = "<h2>Next week</h2>\n";
  if (env.withheld)
    return h + fmt::format(
                   "<p class=\"note\">No plan to build while a HIGH or URGENT flag stands. Do "
                   "this instead: {}</p>\n",
                   e(env.reason));
  h += "<ul>\n";
  h += fmt::format(
      "<li>Longest run: {}</li>\n",
      env.max_single_run_m
          ? fmt::format("at most {} ({} your longest of the last 30 days that "
                        "was not a spike)",
                        text::distance_text(*env.max_single_run_m, u),
                        env.long_run_held ? std::string("no increase on")
                                          : fmt::format("{:.2f} ×", env.single_run_factor))
          : std::string("no run in the last 30 days: start short and easy"));
  h += fmt::format(
      "<li>Weekly distance: {}</li>\n",
      env.distance_low_m && env.distance_high_m
          ? fmt::format("{}–{} {} ({:g}–{:g} × the mean of the last {} week{})",
                        km1(*env.distance_low_m, u), km1(*env.distance_high_m, u),
                        model::distance_unit(u), env.week_low_factor, env.week_high_factor,
                        env.weeks_averaged, env.weeks_averaged == 1 ? "" : "s")
          : std::string("no running in the last 3 weeks: restart below your old "
                        "level"));
  for (const auto& limit : env.limits) h += fmt::format("<li>Limit: {}</li>\n", e(limit));
  h += "</ul>\n";
  return h;
}

std::string day_before_cell(const analyze::DayReport& d, model::Units u) {
  if (!d.day_before || !d.journal || !d.journal->stiffness) return "–";
  const auto& b = *d.day_before;
  std::string text = text::distance_text(b.distance_m, u);
  if (b.over_longest_pct)
    text += fmt::format(" ({:.0f}% of the 30-day longest)", 100.0 + *b.over_longest_pct);
  if (b.pace_s_per_km) text += ", " + text::pace_text(*b.pace_s_per_km, u);
  if (b.elevation_gain_m) text += ", " + text::height_text(*b.elevation_gain_m, u);
  return e(text);
}

std::string day_row(const analyze::DayReport& d, model::Units u) {
  const std::string run = d.runs > 0 ? km1(d.distance_m, u) : "rest";
  if (!d.journal)
    return fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td colspan=\"6\">not logged</td></tr>\n",
        e(short_day(d.date)), run);
  const auto& j = *d.journal;
  std::vector<std::string> other;
  if (j.pop.value_or(false)) other.emplace_back("<b>pop</b>");
  if (j.swelling.value_or(false)) other.emplace_back("swelling");
  if (j.side) other.push_back(e(model::to_string(*j.side)));
  if (j.assessed.value_or(false)) other.emplace_back("<b>assessed</b>");
  if (j.note && !j.note->empty()) other.push_back("“" + e(*j.note) + "”");
  return fmt::format(
      "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
      "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n",
      e(short_day(d.date)), run, scale(j.stiffness),
      j.stiffness_minutes ? fmt::format("{} min", *j.stiffness_minutes) : "–", scale(j.pain_run),
      scale(j.pain_after), day_before_cell(d, u), fmt::join(other, ", "));
}

std::string symptoms_section(const analyze::Report& r) {
  std::string h = fmt::format(
      "<h2>Symptoms day by day</h2>\n<p class=\"sub\">{} of {} days logged{}</p>\n",
      r.symptoms.days_logged, r.days.size(),
      r.symptoms.mean_morning_stiffness
          ? fmt::format(", mean stiffness {:.1f}/10", *r.symptoms.mean_morning_stiffness)
          : std::string());
  if (r.days.empty()) return h + "<p>No day of this week has come yet.</p>\n";
  h += "<table>\n<tr><th>day</th><th class=\"n\">run " +
       std::string(model::distance_unit(r.settings.units)) +
       "</th><th class=\"n\">stiffness</th>"
       "<th class=\"n\">lasted</th><th class=\"n\">pain run</th><th class=\"n\">after</th>"
       "<th>the day before</th><th>other</th></tr>\n";
  for (const auto& d : r.days) h += day_row(d, r.settings.units);
  h += "</table>\n";
  if (!r.response.findings.empty()) {
    h += "<p>The mornings after a run, over the weeks shown (counts, not causes):</p>\n<ul>\n";
    for (const auto& f : r.response.findings) h += fmt::format("<li>{}.</li>\n", e(f.text));
    h += "</ul>\n";
  }
  return h;
}

}  // namespace

std::string html_report(const ReportMeta& meta, const analyze::Report& r) {
  std::string h = page_head(meta, r);
  if (!meta.first_run) {
    h += no_runs_section();
    if (!r.flags.empty()) h += flags_section(r);
  } else {
    h += flags_section(r);
    h += next_week_section(r);
    h += this_week_section(r);
    h += shoes_section(r);
    h += warm_up_section(r);
    h += charts_section(r);
  }
  h += symptoms_section(r);
  h += tendon_section(r);
  h += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", e(k_disclaimer));
  return h;
}

}  // namespace runload::report
