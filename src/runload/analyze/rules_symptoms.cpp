#include <runload/analyze/rules_symptoms.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <runload/analyze/fast_threshold.hpp>
#include <runload/analyze/format.hpp>
#include <runload/analyze/thresholds.hpp>
#include <runload/analyze/weekly_series.hpp>

namespace runload::analyze {
namespace {

using model::Evidence;
using model::Flag;
using model::Severity;

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

bool is_spike_rule(const Flag& flag) {
  return flag.rule == "single_run_spike" || flag.rule == "speed_spike" || flag.rule == "hill_spike";
}

bool symptomatic(const model::JournalEntry& entry) {
  const auto reaches = [](const std::optional<int>& v) { return v && *v >= k_persistent_level; };
  return reaches(entry.stiffness) || reaches(entry.pain_run) || reaches(entry.pain_after);
}

std::string point_label(double value) {
  return fmt::format("{:.1f}", value);
}

}  // namespace

std::vector<Flag> pain_during_run(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    if (!entry->pain_run || *entry->pain_run <= k_pain_run_caution) continue;
    const int pain = *entry->pain_run;
    Flag flag;
    flag.rule = "pain_during_run";
    flag.severity = pain >= k_pain_run_high ? Severity::high : Severity::caution;
    flag.evidence = Evidence::rct;
    flag.date = entry->date;
    flag.activity_id = longest_run_id(history, entry->date);
    flag.observed = pain;
    flag.baseline = k_pain_run_caution;
    flag.message = fmt::format(
        "Achilles pain of {}/10 while running. In the pain-monitoring model tested in a trial "
        "(Silbernagel 2007), pain up to 5/10 during activity is acceptable; above that the load "
        "is too high.",
        pain);
    flag.advice = pain >= k_pain_run_high
                      ? "Stop running for now: rest or cross-train without pain, and see a "
                        "physiotherapist or doctor before you run again."
                      : "Run shorter, slower and flatter until pain during running stays at 5/10 "
                        "or below and is gone by the next morning.";
    flag.source = std::string(k_source_silbernagel);
    flags.push_back(std::move(flag));
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
    std::vector<double> before;
    for (const auto* earlier :
         history.journal.range(entry->date - date::days{k_stiffness_baseline_days}, run_day)) {
      if (earlier->stiffness) before.push_back(*earlier->stiffness);
    }
    if (static_cast<int>(before.size()) < k_stiffness_baseline_min_entries) continue;
    const double baseline = *median(before);
    const double observed = *entry->stiffness;
    if (!at_least(observed - baseline, k_stiffness_not_settled)) continue;
    Flag flag;
    flag.rule = "stiffness_not_settled";
    flag.severity = Severity::caution;
    flag.evidence = Evidence::rct;
    flag.date = entry->date;
    flag.activity_id = longest_run_id(history, run_day);
    flag.observed = observed;
    flag.baseline = baseline;
    flag.message = fmt::format(
        "Morning stiffness of {}/10 the day after a run, {} points above your median of the 14 "
        "mornings before ({}/10). Symptoms after a run should settle by the next morning "
        "(Silbernagel 2007).",
        *entry->stiffness, point_label(observed - baseline), point_label(baseline));
    flag.advice =
        "Make the next run shorter and easier, or rest a day, until the morning stiffness is back "
        "to your usual level.";
    flag.source = std::string(k_source_silbernagel);
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
    if (!at_least(current->mean - previous->mean, k_stiffness_rising)) continue;
    Flag flag;
    flag.rule = "stiffness_rising";
    flag.severity = Severity::caution;
    flag.evidence = Evidence::rct;
    flag.date = sunday;
    flag.observed = current->mean;
    flag.baseline = previous->mean;
    flag.message = fmt::format(
        "Mean morning stiffness rose from {}/10 last week to {}/10 this week. Morning symptoms "
        "should not rise from week to week (Silbernagel 2007).",
        point_label(previous->mean), point_label(current->mean));
    flag.advice =
        "Hold or reduce your running next week and keep up calf strengthening; progress again "
        "once the mornings are back to last week's level.";
    flag.source = std::string(k_source_silbernagel);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> persistent_pain(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  std::optional<date::sys_days> flagged_week;
  for (auto day = from; day <= to; day += date::days{1}) {
    const auto monday = week_monday(day);
    if (flagged_week == monday) continue;
    int days = 0;
    for (const auto* entry :
         history.journal.range(day - date::days{k_persistent_window_days - 1}, day)) {
      if (symptomatic(*entry)) ++days;
    }
    if (days < k_persistent_days) continue;
    flagged_week = monday;
    Flag flag;
    flag.rule = "persistent_pain";
    flag.severity = Severity::high;
    flag.evidence = Evidence::expert;
    flag.date = day;
    flag.observed = days;
    flag.baseline = k_persistent_days;
    flag.message = fmt::format(
        "Stiffness or pain of 3/10 or more on {} of the last 7 days. Achilles pain that persists "
        "is a reason to see a doctor (clinical advice).",
        days);
    flag.advice =
        "Book an appointment with a doctor or sports physiotherapist, and cut running back to "
        "what is pain-free until then.";
    flag.source = std::string(k_source_mayo);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> load_symptom_link(std::span<const Flag> load, std::span<const Flag> symptoms,
                                    date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto& stiff : symptoms) {
    if (stiff.rule != "stiffness_not_settled" || stiff.date < from || stiff.date > to) continue;
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
    Flag flag;
    flag.rule = "load_symptom_link";
    flag.severity = Severity::high;
    flag.evidence = Evidence::expert;
    flag.date = stiff.date;
    flag.activity_id = spike->activity_id;
    flag.observed = stiff.observed;
    flag.baseline = stiff.baseline;
    const auto days_before = (stiff.date - spike->date).count();
    flag.message = fmt::format(
        "Morning stiffness rose to {}/10 (usual {}/10) {} day{} after a load spike ({}): "
        "the tendon is reacting to that jump in load.",
        point_label(stiff.observed.value_or(0.0)), point_label(stiff.baseline.value_or(0.0)),
        days_before, days_before == 1 ? "" : "s", spike->rule);
    flag.advice =
        "Take the load back below the spike: no long, fast or hilly sessions until the morning "
        "stiffness is back to usual for a few days.";
    flag.source = std::string(k_source_link);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> rupture_warning(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (const auto* entry : history.journal.range(from, to)) {
    const bool pop = entry->pop.value_or(false);
    const int pain = std::max(entry->pain_run.value_or(0), entry->pain_after.value_or(0));
    if (!pop && pain < k_rupture_pain) continue;
    Flag flag;
    flag.rule = "rupture_warning";
    flag.severity = Severity::urgent;
    flag.evidence = Evidence::expert;
    flag.date = entry->date;
    flag.activity_id = longest_run_id(history, entry->date);
    if (pain > 0) flag.observed = pain;
    flag.baseline = k_rupture_pain;
    flag.message =
        pop ? fmt::format(
                  "You logged a pop or sudden sharp pain at the back of the heel{}. This "
                  "can mean the Achilles tendon has ruptured.",
                  pain > 0 ? fmt::format(" (pain {}/10)", pain) : std::string{})
            : fmt::format(
                  "You logged Achilles pain of {}/10. Severe pain can mean the tendon is "
                  "torn.",
                  pain);
    flag.advice =
        "Stop running and seek medical care immediately (emergency department or your doctor "
        "today).";
    flag.source = std::string(k_source_rupture);
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> symptom_flags(const History& history, std::span<const Flag> load,
                                date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  for (auto* rule : {&pain_during_run, &stiffness_not_settled, &stiffness_rising, &persistent_pain,
                     &rupture_warning}) {
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
