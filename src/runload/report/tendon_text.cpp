#include <runload/report/tendon_text.hpp>

#include <cmath>

#include <fmt/format.h>

#include <runload/journal/exercises.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/journal/visa_a.hpp>
#include <runload/report/text.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>

namespace runload::report {

using text::terminal_safe;

namespace {

std::string signed_reps(double change) {
  return fmt::format("{:+.1f}", change);
}

std::string sex_word(model::Sex sex) {
  return sex == model::Sex::female ? "women" : "men";
}

std::string side_word(model::Side side) {
  return std::string(model::to_string(side));
}

std::string range_text(date::sys_days from, const std::optional<date::sys_days>& to,
                       std::string_view open) {
  if (!to) return fmt::format("from {} ({})", long_day(from), open);
  if (*to == from) return long_day(from);
  return fmt::format("{} to {}", long_day(from), long_day(*to));
}

// How one leg compares with the typical count of its age and sex.
std::string against_typical(std::string_view side, int count, int typical) {
  const int below = typical - count;
  if (below <= 0) return fmt::format("{} {} reaches it", side, count);
  if (below > rules::k_heel_rise_noise_reps)
    return fmt::format("{} {} is {} below it, more than the test's noise", side, count, below);
  return fmt::format("{} {} is {} below it, within the test's noise", side, count, below);
}

std::string change_text(std::string_view side, const analyze::SideChange& c) {
  return fmt::format("{} {} ({})", side, signed_reps(c.change),
                     c.beyond_noise ? "beyond the test's noise" : "within the test's noise");
}

// "   3  text", wrapped to 80 columns under the text: a row of an id list.
std::string numbered(const std::optional<std::int64_t>& id, std::string_view line) {
  constexpr std::size_t indent = 6;
  const auto lines = text::wrap(line, 80 - indent);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += fmt::format("{:>4}  {}\n", i == 0 ? (id ? std::to_string(*id) : "-") : "", lines[i]);
  return out;
}

std::string phase_text(std::string_view phase) {
  if (phase == "course") return "taking it now";
  if (phase == "caution") return "in the window of raised risk now";
  if (phase == "info") return "in the late window now";
  return "";
}

}  // namespace

std::string visa_a_line(const model::VisaA& visa) {
  return fmt::format("{}/100 on {} ({})", visa.score(), long_day(visa.date),
                     journal::format_visa_answers(visa));
}

std::string visa_a_table(const std::vector<model::VisaA>& visas) {
  std::string out = "date        score  Q1 Q2 Q3 Q4 Q5 Q6 Q7  Q8\n";
  std::vector<std::optional<double>> scores;
  for (const auto& v : visas) {
    out += fmt::format("{}  {:>5}  {:>2} {:>2} {:>2} {:>2} {:>2} {:>2} {:>2}  {}{}\n",
                       date::format("%F", v.date), v.score(), v.items[0], v.items[1], v.items[2],
                       v.items[3], v.items[4], v.items[5], v.items[6],
                       model::to_string(v.q8_branch), v.q8);
    scores.emplace_back(v.score());
  }
  out += fmt::format(
      "\nscores, oldest first (0-100): {}\nabout 90 marks recovery (Iversen 2012); a change of {} "
      "points or more matters (Sleeswijk Visser 2021)\n",
      sparkline(scores, 100.0), rules::k_visa_a_mcid_points);
  return out;
}

std::string visa_a_text(const analyze::VisaSummary& s) {
  std::string text = fmt::format("{}/100 on {}", s.latest.score(), short_day(s.latest.date));
  if (s.previous && s.change) {
    const int change = *s.change;
    text += fmt::format("; {} on {} before it: ", s.previous->score(), short_day(s.previous->date));
    if (change == 0)
      text += "no change";
    else
      text += fmt::format("{} point{} {}", std::abs(change), std::abs(change) == 1 ? "" : "s",
                          change > 0 ? "better" : "worse");
    text += s.change_matters
                ? fmt::format(", a change that matters ({} points or more, Sleeswijk Visser 2021)",
                              rules::k_visa_a_mcid_points)
                : fmt::format(", less than the {} points that matter (Sleeswijk Visser 2021)",
                              rules::k_visa_a_mcid_points);
  }
  text += s.recovered ? fmt::format(". At or above the {} that marks recovery (Iversen 2012).",
                                    rules::k_visa_a_recovered)
                      : fmt::format(". About {} marks recovery (Iversen 2012); 100 is no symptoms.",
                                    rules::k_visa_a_recovered);
  return text;
}

std::string heel_rise_text(const analyze::HeelRiseSummary& s) {
  const auto& t = s.latest;
  std::string text = fmt::format("left {}, right {} on {}", t.left, t.right, short_day(t.date));
  if (s.symmetry_pct && s.weaker) {
    const auto weaker = *s.weaker;
    const auto stronger = weaker == model::Side::left ? model::Side::right : model::Side::left;
    text +=
        fmt::format(": {} {:.0f}% of {}", side_word(weaker), *s.symmetry_pct, side_word(stronger));
    if (s.below_symmetry)
      text += fmt::format(" (below the {:.0f}% clinicians look for, a convention)",
                          rules::k_heel_rise_symmetry_pct);
  } else if (s.symmetry_pct) {
    text += ": both sides alike";
  }
  text += ". ";
  if (s.left && s.right) {
    text += fmt::format(
        "Against {} of the 90 days before: {}, {}; a change counts beyond {:g} repetitions "
        "(Hébert-Losier 2017).",
        s.baseline_tests == 1 ? std::string("your test")
                              : fmt::format("the mean of your {} tests", s.baseline_tests),
        change_text("left", *s.left), change_text("right", *s.right),
        rules::k_heel_rise_noise_reps);
  } else {
    text += "No earlier test in the 90 days before: the next test compares with this one.";
  }
  if (s.norm) {
    const auto& n = *s.norm;
    text += fmt::format(" Healthy {} aged {}-{} reach about {} (Hébert-Losier 2017): {}; {}.",
                        sex_word(n.sex), n.band.from_age, n.band.to_age, n.typical,
                        against_typical("left", t.left, n.typical),
                        against_typical("right", t.right, n.typical));
  }
  return text;
}

std::string heel_rise_table(const std::vector<model::HeelRiseTest>& tests) {
  std::string out = "date        left  right  symmetry\n";
  for (const auto& t : tests) {
    const auto symmetry = analyze::heel_rise_symmetry(t.left, t.right);
    out += fmt::format("{}  {:>4}  {:>5}  {}\n", date::format("%F", t.date), t.left, t.right,
                       symmetry ? fmt::format("{:>7.0f}%", *symmetry) : std::string("       -"));
  }
  return out;
}

std::string rehab_line(const model::RehabSession& s) {
  const auto* exercise = journal::find_exercise(s.exercise);
  std::string text =
      fmt::format("{}: {}", long_day(s.date), exercise ? std::string(exercise->title) : s.exercise);
  if (s.sets && s.reps)
    text += fmt::format(", {} x {}", *s.sets, *s.reps);
  else if (s.sets)
    text += fmt::format(", {} sets", *s.sets);
  else if (s.reps)
    text += fmt::format(", {} repetitions", *s.reps);
  if (s.load_kg) text += fmt::format(", {} kg", journal::format_load_kg(*s.load_kg));
  if (s.pain) text += fmt::format(", pain {}/10", *s.pain);
  return text;
}

std::string rehab_table(const std::vector<model::RehabSession>& sessions) {
  std::string out;
  for (const auto& s : sessions) out += rehab_line(s) + "\n";
  return out;
}

std::string exercise_catalogue() {
  std::string out = "Rehab exercises, lightest tendon load first (docs/TENDON.md):\n";
  for (const auto& e : journal::exercises())
    out += fmt::format("  {:<22} {}\n  {:<22} load: {}\n  {:<22} {}\n", e.id, e.title, "", e.load,
                       "", e.source);
  return out;
}

std::string medication_line(const analyze::MedicationStatus& status) {
  const auto& m = status.medication;
  std::string text = fmt::format("{} ({}), {}", terminal_safe(m.name), model::to_string(m.kind),
                                 range_text(m.from, m.to, "still taking it"));
  if (status.window) {
    const auto& w = *status.window;
    text += fmt::format(": tendon risk raised to {}", long_day(w.caution_until));
    if (w.info_until) text += fmt::format(", kept in mind to {}", long_day(*w.info_until));
    if (const auto now = phase_text(status.phase); !now.empty()) text += fmt::format(" ({})", now);
  } else if (m.kind == model::MedicationKind::corticosteroid_injection) {
    text +=
        ": recorded; no rule (the risk after a local injection rests on case reports, "
        "Shrier 1996)";
  } else {
    text += ": recorded; no rule";
  }
  return text;
}

std::string medication_table(const std::vector<analyze::MedicationStatus>& courses) {
  std::string out;
  for (const auto& c : courses) out += numbered(c.medication.id, medication_line(c));
  return out;
}

std::string episode_line(const model::Episode& e) {
  std::string text = range_text(e.from, e.to, "ongoing");
  if (e.note && !e.note->empty()) text += fmt::format(": \u201c{}\u201d", terminal_safe(*e.note));
  return text;
}

std::string episode_table(const std::vector<model::Episode>& episodes) {
  std::string out;
  for (const auto& e : episodes) out += numbered(e.id, episode_line(e));
  return out;
}

std::string profile_text(const model::AthleteProfile& p) {
  std::vector<std::string> parts;
  if (p.born_year) parts.push_back(fmt::format("born {}", *p.born_year));
  if (p.sex) parts.emplace_back(model::to_string(*p.sex));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string heart_rate_profile_text(const model::AthleteProfile& p) {
  const auto bpm = [](const std::optional<int>& v) {
    return v ? fmt::format("{} bpm", *v) : std::string("not set");
  };
  return fmt::format("resting heart rate {}, maximum {}", bpm(p.hr_rest_bpm), bpm(p.hr_max_bpm));
}

std::vector<TendonLine> tendon_lines(const analyze::TendonReport& t) {
  std::vector<TendonLine> lines;
  if (t.visa_a) {
    lines.push_back({"VISA-A", visa_a_text(*t.visa_a)});
    if (t.visa_a_history.size() >= 2) {
      std::vector<std::optional<double>> scores;
      for (const auto& v : t.visa_a_history) scores.emplace_back(v.score());
      lines.push_back({"", fmt::format("the questionnaires of the weeks shown, oldest first: {} "
                                       "(0-100)",
                                       sparkline(scores, 100.0))});
    }
  }
  if (t.heel_rise) lines.push_back({"Heel-rise", heel_rise_text(*t.heel_rise)});
  if (t.any_rehab && !t.rehab_weeks.empty()) {
    const auto& week = t.rehab_weeks.back();
    std::string text = week.sessions > 0 ? fmt::format("{} exercise{} on {} day{} this week",
                                                       week.sessions, week.sessions == 1 ? "" : "s",
                                                       week.days, week.days == 1 ? "" : "s")
                                         : std::string("none this week");
    if (week.max_pain == 0)
      text += ", without pain";
    else if (week.max_pain)
      text += fmt::format(", pain up to {}/10", *week.max_pain);
    if (week.max_pain && *week.max_pain > 5)
      text += " (above the 5/10 the pain-monitoring model accepts, Silbernagel 2007)";
    std::vector<std::optional<double>> counts;
    for (const auto& w : t.rehab_weeks) counts.emplace_back(w.sessions);
    text += fmt::format("; exercises by week, oldest first: {}", sparkline(counts, 0.0));
    lines.push_back({"Rehab", text});
  }
  for (const auto& m : t.medications) lines.push_back({"Medication", medication_line(m)});
  for (const auto& e : t.episodes) lines.push_back({"Episode", episode_line(e)});
  if (t.prior_episode)
    lines.push_back(
        {"Prior episode", fmt::format("{}: the spike bands are tightened this week (flag "
                                      "prior_episode).",
                                      terminal_safe(t.prior_episode->what))});
  if (lines.empty()) return lines;
  if (t.profile.born_year || t.profile.sex) {
    std::string text = profile_text(t.profile);
    if (t.age) text += fmt::format(" ({} this year)", *t.age);
    text +=
        ": used only for the heel-rise norms. Mayo Clinic names age among the risk factors "
        "for Achilles tendinitis.";
    lines.push_back({"Context", text});
  }
  return lines;
}

}  // namespace runload::report
