#include <runload/analyze/rules_modifiers.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/tendon.hpp>

namespace runload::analyze {
namespace {

using model::Flag;
using model::MedicationKind;
using model::Rule;
using model::Severity;

std::string day_text(date::sys_days day) {
  return date::format("%F", day);
}

// The first day of [first, last] in [from, until], or nullopt.
std::optional<date::sys_days> first_in(date::sys_days first, date::sys_days last,
                                       date::sys_days from, date::sys_days until) {
  const auto lo = std::max(first, from);
  if (lo > std::min(last, until)) return std::nullopt;
  return lo;
}

struct Hit {
  Severity severity = Severity::info;
  date::sys_days date{};
};

// Where the week [first, last] meets a course's window.
std::optional<Hit> week_hit(const CourseWindow& w, date::sys_days first, date::sys_days last) {
  if (const auto day = first_in(first, last, w.from, w.caution_until))
    return Hit{Severity::caution, *day};
  if (w.info_until) {
    if (const auto day = first_in(first, last, w.caution_until + date::days{1}, *w.info_until))
      return Hit{Severity::info, *day};
  }
  return std::nullopt;
}

// True when the CAUTION parts of two windows share a day of [first, last].
bool caution_overlap(const CourseWindow& a, const CourseWindow& b, date::sys_days first,
                     date::sys_days last) {
  const auto lo = std::max({first, a.from, b.from});
  const auto hi = std::min({last, a.caution_until, b.caution_until});
  return lo <= hi;
}

std::string course_text(const model::Medication& m, const CourseWindow& w) {
  return w.ongoing ? fmt::format("since {} (no last day recorded yet)", day_text(m.from))
                   : fmt::format("from {} to {}", day_text(m.from), day_text(w.last_dose));
}

// The numbers of a medication flag dated `day`: the day of the course, or
// the days since its last dose against the window's length.
void course_numbers(Flag& flag, const CourseWindow& w, date::sys_days day, int window_days) {
  if (day <= w.last_dose) {
    flag.observed = static_cast<double>((day - w.from).count() + 1);
    return;
  }
  flag.observed = static_cast<double>((day - w.last_dose).count());
  flag.baseline = window_days;
}

struct Course {
  const model::Medication* medication;
  CourseWindow window;
};

std::vector<Course> courses_of(std::span<const model::Medication> medications, MedicationKind kind,
                               date::sys_days through) {
  std::vector<Course> found;
  for (const auto& m : medications) {
    if (m.kind != kind) continue;
    if (auto w = course_window(m, through)) found.push_back({&m, *w});
  }
  return found;
}

// The worst hit of `courses` in each week of [from, to], and its course.
template <typename MakeFlag>
std::vector<Flag> weekly(const std::vector<Course>& courses, date::sys_days from, date::sys_days to,
                         MakeFlag make) {
  std::vector<Flag> flags;
  for (auto monday = week_monday(from); monday <= to; monday += date::weeks{1}) {
    const auto first = std::max(monday, from);
    const auto last = std::min(monday + date::days{6}, to);
    std::optional<Flag> worst;
    for (const auto& course : courses) {
      const auto hit = week_hit(course.window, first, last);
      if (!hit) continue;
      auto flag = make(course, *hit, first, last);
      if (!worst || flag.severity > worst->severity ||
          (flag.severity == worst->severity && flag.date < worst->date))
        worst = std::move(flag);
    }
    if (worst) flags.push_back(std::move(*worst));
  }
  return flags;
}

}  // namespace

std::optional<CourseWindow> course_window(const model::Medication& medication,
                                          date::sys_days through) {
  CourseWindow w;
  w.from = medication.from;
  w.ongoing = !medication.to;
  w.last_dose = medication.to ? *medication.to : std::max(through, medication.from);
  switch (medication.kind) {
    case MedicationKind::fluoroquinolone:
      w.caution_until = w.last_dose + date::days{rules::k_fluoroquinolone_caution_days};
      w.info_until = w.last_dose + date::days{rules::k_fluoroquinolone_info_days};
      return w;
    case MedicationKind::corticosteroid:
      w.caution_until = w.last_dose + date::days{rules::k_corticosteroid_days};
      return w;
    case MedicationKind::corticosteroid_injection:
    case MedicationKind::other:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Flag> fluoroquinolone_window(std::span<const model::Medication> medications,
                                         date::sys_days from, date::sys_days to) {
  const auto antibiotics = courses_of(medications, MedicationKind::fluoroquinolone, to);
  const auto steroids = courses_of(medications, MedicationKind::corticosteroid, to);
  return weekly(antibiotics, from, to, [&](const Course& c, const Hit& hit, auto first, auto last) {
    const Course* steroid = nullptr;
    if (hit.severity == Severity::caution)
      for (const auto& s : steroids)
        if (caution_overlap(c.window, s.window, first, last)) steroid = &s;
    Flag flag = rules::make_flag(Rule::fluoroquinolone_window,
                                 steroid ? Severity::high : hit.severity, hit.date);
    const auto& m = *c.medication;
    course_numbers(flag, c.window, hit.date,
                   hit.severity == Severity::caution ? rules::k_fluoroquinolone_caution_days
                                                     : rules::k_fluoroquinolone_info_days);
    std::string text = fmt::format(
        "{} (a fluoroquinolone antibiotic), {}. Since 2008 the FDA has required a boxed warning: "
        "these antibiotics can cause tendinitis and tendon rupture, most often of the Achilles, "
        "more so over 60 and with corticosteroids. In large studies of patient records the risk "
        "of an Achilles rupture was 2 to 4 times higher during a course and the month after it "
        "(van der Linden 2003; Morales 2019; Alves 2019).",
        m.name, course_text(m, c.window));
    if (hit.date > c.window.last_dose && hit.severity == Severity::caution)
      text += fmt::format(
          " The raised risk lasts about 60 days after the last dose (Morales 2019): until {}.",
          day_text(c.window.caution_until));
    if (hit.severity == Severity::info)
      text += fmt::format(
          " This week is past the 60 days of the highest risk, but cases have begun up to 6 "
          "months after a course (Khaliq 2003; van der Linden 2003, odds ratio 2.4 in months 2 "
          "to 6): keep it in mind until {}.",
          day_text(*c.window.info_until));
    if (steroid)
      text += fmt::format(
          " The window of {}, an oral corticosteroid, runs too (to {}): the two together raise "
          "the risk most (FDA 2008; Morales 2019 found Achilles ruptures 19 times as often with "
          "both, though a meta-analysis found no clear added effect, Alves 2019).",
          steroid->medication->name, day_text(steroid->window.caution_until));
    flag.message = std::move(text);
    return flag;
  });
}

std::vector<Flag> corticosteroid_window(std::span<const model::Medication> medications,
                                        date::sys_days from, date::sys_days to) {
  const auto steroids = courses_of(medications, MedicationKind::corticosteroid, to);
  return weekly(steroids, from, to, [&](const Course& c, const Hit& hit, auto, auto) {
    Flag flag = rules::make_flag(Rule::corticosteroid_window, hit.severity, hit.date);
    course_numbers(flag, c.window, hit.date, rules::k_corticosteroid_days);
    flag.message = fmt::format(
        "{} (an oral corticosteroid), {}. In UK patient records, current use of oral "
        "corticosteroids came with 4.6 times the rate of Achilles tendon rupture (Morales 2019). "
        "The studies measured current use; the 30 days after the course (until {}) are "
        "runload's cautious choice.",
        c.medication->name, course_text(*c.medication, c.window), day_text(c.window.caution_until));
    return flag;
  });
}

std::vector<EpisodeMark> episode_marks(std::span<const model::Episode> episodes,
                                       std::span<const model::Flag> flags) {
  std::vector<EpisodeMark> marks;
  for (const auto& e : episodes) {
    std::string what =
        e.to ? fmt::format("an Achilles episode you recorded, from {} to {}", day_text(e.from),
                           day_text(*e.to))
             : fmt::format("an Achilles episode you recorded, since {} and not yet over",
                           day_text(e.from));
    // The note is the runner's own text: the Tendon section shows it, escaped
    // for where it is printed; a flag's message holds only runload's words.
    marks.push_back({e.from, e.to, std::move(what)});
  }
  for (const auto& f : flags) {
    if (f.rule == Rule::rupture_warning)
      marks.push_back(
          {f.date, f.date, fmt::format("a possible rupture logged on {}", day_text(f.date))});
    if (f.rule == Rule::persistent_pain)
      marks.push_back(
          {f.date, f.date, fmt::format("persistent pain, raised on {}", day_text(f.date))});
  }
  return marks;
}

std::optional<EpisodeMark> prior_episode_on(std::span<const EpisodeMark> marks,
                                            date::sys_days monday) {
  const auto horizon = monday - date::days{rules::k_prior_episode_days};
  const EpisodeMark* found = nullptr;
  const auto end_of = [monday](const EpisodeMark& m) { return m.to ? *m.to : monday; };
  for (const auto& mark : marks) {
    if (mark.from >= monday || end_of(mark) < horizon) continue;
    if (!found || end_of(mark) > end_of(*found)) found = &mark;
  }
  if (!found) return std::nullopt;
  return *found;
}

std::vector<date::sys_days> prior_episode_weeks(std::span<const EpisodeMark> marks,
                                                date::sys_days from, date::sys_days to) {
  std::vector<date::sys_days> mondays;
  for (auto monday = week_monday(from); monday <= to; monday += date::weeks{1})
    if (monday >= from && prior_episode_on(marks, monday)) mondays.push_back(monday);
  return mondays;
}

std::vector<Flag> prior_episode(std::span<const EpisodeMark> marks, const rules::Thresholds& tight,
                                date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  const auto pct = [](double threshold) { return fmt::format("{:g}%", (threshold - 1.0) * 100.0); };
  for (const auto monday : prior_episode_weeks(marks, from, to)) {
    const auto mark = *prior_episode_on(marks, monday);
    Flag flag = rules::make_flag(Rule::prior_episode, Severity::info, monday);
    flag.baseline = rules::k_prior_episode_days;
    std::string until = "12 months after it ends";
    if (mark.to) {
      flag.observed = static_cast<double>((monday - *mark.to).count());
      until = day_text(*mark.to + date::days{rules::k_prior_episode_days});
    }
    flag.message = fmt::format(
        "{}. In a cohort of 1,929 recreational runners, Achilles tendinopathy in the previous 12 "
        "months was the strongest risk factor for a new episode (odds ratio 6.3; Lagas 2020). "
        "Until {} the spike flags speak at half the usual increase: a run more than {} over your "
        "longest of the 30 days before (moderate {}, large {}), a week more than {} over the "
        "last, fast running or climbing more than {} over your recent; and next week's longest "
        "run is at most {:.2f} times your recent longest.",
        mark.what, until, pct(tight.single_run_small), pct(tight.single_run_moderate),
        pct(tight.single_run_large), pct(tight.weekly_jump), pct(tight.speed_spike),
        tight.envelope_single_run);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> cold_run(const History& history, date::sys_days from, date::sys_days to) {
  const double below = history.thresholds.cold_run_below_c;
  std::vector<Flag> flags;
  for (const auto& run : history.runs) {
    if (run.day < from || run.day > to || !run.temperature) continue;
    if (run.temperature->celsius >= below) continue;
    Flag flag = rules::make_flag(Rule::cold_run, Severity::info, run.day);
    flag.activity_id = run.id;
    flag.observed = run.temperature->celsius;
    flag.baseline = below;
    const bool weather = run.temperature->source == model::TemperatureSource::weather;
    flag.message = fmt::format(
        "{}. Mayo Clinic names cold weather among the risk factors for Achilles tendinitis, and "
        "military recruits training in winter had more Achilles paratendinitis than in summer "
        "(9.4% against 3.6%; Milgrom 2003). The evidence is limited: no study in runners, and "
        "none gives a temperature ({:g} °C is a setting, report --cold-below).",
        weather ? fmt::format("This {} run started at {:.1f} °C (the weather at the start, as "
                              "Strava recorded it)",
                              km(run.distance_m, history.units), run.temperature->celsius)
                : fmt::format("This {} run's watch read {:.1f} °C on average; a watch's sensor "
                              "reads high from body heat, so the air was likely colder",
                              km(run.distance_m, history.units), run.temperature->celsius),
        below);
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace runload::analyze
