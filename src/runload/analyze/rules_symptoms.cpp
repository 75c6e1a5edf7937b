#include <runload/analyze/rules_symptoms.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <runload/analyze/fast_threshold.hpp>
#include <runload/analyze/format.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

using model::Flag;
using model::Rule;
using model::Severity;
using rules::at_least;
using rules::k_link_window_days;
using rules::k_persistent_window_days;
using rules::k_stiffness_baseline_days;
using rules::k_stiffness_baseline_min_entries;
using rules::k_stiffness_rising_min_entries;

// The id of the longest run of `day`, when it has one.
std::optional<std::int64_t> longest_run_id(const History& history, date::sys_days day) {
  const Run* longest = nullptr;
  for (const auto& run : history.runs) {
    if (run.day == day && (!longest || run.distance_m > longest->distance_m)) longest = &run;
  }
  return longest ? longest->id : std::nullopt;
}

bool ran_on(const History& history, date::sys_days day) {
  return std::any_of(history.runs.begin(), history.runs.end(),
                     [day](const Run& r) { return r.day == day; });
}

// The load flags that count as a spike before a stiffness_not_settled.
bool is_spike_rule(const Flag& flag) {
  return flag.rule == Rule::single_run_spike || flag.rule == Rule::speed_spike ||
         flag.rule == Rule::hill_spike;
}

bool symptomatic(const model::JournalEntry& entry, int level) {
  const auto reaches = [level](const std::optional<int>& v) { return v && *v >= level; };
  return reaches(entry.stiffness) || reaches(entry.pain_run) || reaches(entry.pain_after);
}

std::string point_label(double value) {
  return fmt::format("{:.1f}", value);
}

}  // namespace

std::optional<double> usual_stiffness(const JournalDays& journal, date::sys_days day) {
  std::vector<double> before;
  for (const auto* earlier :
       journal.range(day - date::days{k_stiffness_baseline_days}, day - date::days{1})) {
    if (earlier->stiffness) before.push_back(*earlier->stiffness);
  }
  if (static_cast<int>(before.size()) < k_stiffness_baseline_min_entries) return std::nullopt;
  return median(before);
}

namespace {

// A pain flag of `entry`'s day: the pain against the acceptable 5/10 of the
// pain-monitoring model, on the day's longest run.
Flag pain_flag(const History& history, const model::JournalEntry& entry, Rule rule,
               Severity severity, int pain, std::string_view when) {
  Flag flag = rules::make_flag(rule, severity, entry.date);
  flag.activity_id = longest_run_id(history, entry.date);
  flag.observed = pain;
  flag.baseline = history.thresholds.pain_run_caution;
  flag.message = fmt::format(
      "Achilles pain of {}/10 {} running. In the pain-monitoring model tested in a trial "
      "(Silbernagel 2007), pain up to 5/10 {} activity is acceptable{}; above that the load {} "
      "too high.",
      pain, when, when == "while" ? "during" : "after",
      when == "while" ? "" : " if it has settled by the next morning",
      when == "while" ? "is" : "was");
  return flag;
}

}  // namespace

std::vector<Flag> pain_during_run(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    if (!entry->pain_run || *entry->pain_run <= t.pain_run_caution) continue;
    const int pain = *entry->pain_run;
    flags.push_back(pain_flag(history, *entry, Rule::pain_during_run,
                              pain >= t.pain_run_high ? Severity::high : Severity::caution, pain,
                              "while"));
  }
  return flags;
}

std::vector<Flag> pain_after_run(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    if (!entry->pain_after || *entry->pain_after <= t.pain_run_caution) continue;
    // Pain of 9 or more is a possible rupture: rupture_warning speaks.
    if (*entry->pain_after >= t.rupture_pain) continue;
    flags.push_back(pain_flag(history, *entry, Rule::pain_after_run, Severity::caution,
                              *entry->pain_after, "after"));
  }
  return flags;
}

std::vector<Flag> stiffness_not_settled(const History& history, date::sys_days from,
                                        date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    if (!entry->stiffness) continue;
    const auto run_day = entry->date - date::days{1};
    if (!ran_on(history, run_day)) continue;
    const auto usual = usual_stiffness(history.journal, entry->date);
    if (!usual) continue;
    const double baseline = *usual;
    const double observed = *entry->stiffness;
    if (!at_least(observed - baseline, history.thresholds.stiffness_not_settled)) continue;
    Flag flag = rules::make_flag(Rule::stiffness_not_settled, Severity::caution, entry->date);
    flag.activity_id = longest_run_id(history, run_day);
    flag.observed = observed;
    flag.baseline = baseline;
    flag.message = fmt::format(
        "Morning stiffness of {}/10 the day after a run, {} points above your median of the 14 "
        "mornings before ({}/10). Symptoms after a run should settle by the next morning "
        "(Silbernagel 2007).",
        *entry->stiffness, point_label(observed - baseline), point_label(baseline));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> stiffness_rising(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const auto sunday = monday + date::days{6};
    const auto current = history.journal.mean_stiffness(monday, sunday);
    const auto previous =
        history.journal.mean_stiffness(monday - date::weeks{1}, monday - date::days{1});
    if (!current || !previous) continue;
    if (current->entries < k_stiffness_rising_min_entries ||
        previous->entries < k_stiffness_rising_min_entries) {
      continue;
    }
    if (!at_least(current->mean - previous->mean, history.thresholds.stiffness_rising)) continue;
    Flag flag = rules::make_flag(Rule::stiffness_rising, Severity::caution, sunday);
    flag.observed = current->mean;
    flag.baseline = previous->mean;
    flag.message = fmt::format(
        "Mean morning stiffness rose from {}/10 last week to {}/10 this week. Morning symptoms "
        "should not rise from week to week (Silbernagel 2007).",
        point_label(previous->mean), point_label(current->mean));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> persistent_pain(const History& history, date::sys_days from, date::sys_days to) {
  const auto& t = history.thresholds;
  std::vector<Flag> flags;
  std::optional<date::sys_days> flagged_week;
  for (auto day = from; day <= to; day += date::days{1}) {
    const auto monday = week_monday(day);
    if (flagged_week == monday) continue;
    int days = 0;
    for (const auto* entry :
         history.journal.range(day - date::days{k_persistent_window_days - 1}, day)) {
      if (symptomatic(*entry, t.persistent_level)) ++days;
    }
    if (days < t.persistent_days) continue;
    flagged_week = monday;
    Flag flag = rules::make_flag(Rule::persistent_pain, Severity::high, day);
    flag.observed = days;
    flag.baseline = t.persistent_days;
    flag.message = fmt::format(
        "Stiffness or pain of 3/10 or more on {} of the last 7 days. Achilles pain that persists "
        "is a reason to see a doctor (clinical advice).",
        days);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> load_symptom_link(std::span<const Flag> load, std::span<const Flag> symptoms,
                                    date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto& stiff : symptoms) {
    if (stiff.rule != Rule::stiffness_not_settled || stiff.date < from || stiff.date > to) continue;
    const Flag* spike = nullptr;
    for (const auto& candidate : load) {
      if (!is_spike_rule(candidate)) continue;
      if (candidate.date < stiff.date - date::days{k_link_window_days} ||
          candidate.date >= stiff.date) {
        continue;
      }
      if (!spike || candidate.date >= spike->date) spike = &candidate;
    }
    if (!spike) continue;
    Flag flag = rules::make_flag(Rule::load_symptom_link, Severity::high, stiff.date);
    flag.activity_id = spike->activity_id;
    flag.observed = stiff.observed;
    flag.baseline = stiff.baseline;
    const auto days_before = (stiff.date - spike->date).count();
    flag.message = fmt::format(
        "Morning stiffness rose to {}/10 (usual {}/10) {} day{} after a load spike ({}): "
        "the tendon is reacting to that jump in load.",
        point_label(stiff.observed.value_or(0.0)), point_label(stiff.baseline.value_or(0.0)),
        days_before, days_before == 1 ? "" : "s", rules::id(spike->rule));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> rupture_warning(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    const bool pop = entry->pop.value_or(false);
    const int pain = std::max(entry->pain_run.value_or(0), entry->pain_after.value_or(0));
    if (!pop && pain < history.thresholds.rupture_pain) continue;
    Flag flag = rules::make_flag(Rule::rupture_warning, Severity::urgent, entry->date);
    flag.activity_id = longest_run_id(history, entry->date);
    if (pain > 0) flag.observed = pain;
    flag.message =
        pop ? fmt::format(
                  "You logged a pop or sudden sharp pain at the back of the heel{}. This "
                  "can mean the Achilles tendon has ruptured.",
                  pain > 0 ? fmt::format(" (pain {}/10)", pain) : std::string{})
            : fmt::format(
                  "You logged Achilles pain of {}/10. Severe pain can mean the tendon is "
                  "torn.",
                  pain);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> symptom_flags(const History& history, std::span<const Flag> load,
                                date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (auto* rule : {&pain_during_run, &pain_after_run, &stiffness_not_settled, &stiffness_rising,
                     &persistent_pain, &rupture_warning}) {
    auto found = rule(history, from, to);
    flags.insert(flags.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  auto links = load_symptom_link(load, flags, from, to);
  flags.insert(flags.end(), std::make_move_iterator(links.begin()),
               std::make_move_iterator(links.end()));
  std::stable_sort(flags.begin(), flags.end(),
                   [](const Flag& a, const Flag& b) { return a.date < b.date; });
  return flags;
}

}  // namespace runload::analyze
