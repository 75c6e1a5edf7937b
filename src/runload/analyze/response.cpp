#include <runload/analyze/response.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/analyze/rules_load.hpp>
#include <runload/analyze/rules_symptoms.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

constexpr int k_min_worse_mornings = 3;
constexpr int k_min_worse_with_trait = 2;

struct Trait {
  // The trait in words, with the threshold in force and in the report's units.
  std::function<std::string(const rules::Thresholds&, model::Units)> words;
  std::function<bool(const DayBefore&, const rules::Thresholds&)> has;
};

const std::array<Trait, 3>& traits() {
  // The floors are the spike rules' own: a run 10% over the longest of its
  // 30 days, 100 m of climb, 1 km of fast running.
  static const std::array<Trait, 3> k_traits{{
      {[](const rules::Thresholds& t, model::Units) {
         return fmt::format("a run over {:g}% longer than the longest of the 30 days before it",
                            std::round((t.single_run_small - 1.0) * 1000.0) / 10.0);
       },
       [](const DayBefore& d, const rules::Thresholds& t) {
         return d.over_longest_pct &&
                rules::above(1.0 + *d.over_longest_pct / 100.0, t.single_run_small);
       }},
      {[](const rules::Thresholds& t, model::Units u) {
         return fmt::format("a run with {} of climb or more",
                            climb(t.hill_spike_min_run_gain_m, u));
       },
       [](const DayBefore& d, const rules::Thresholds& t) {
         return d.elevation_gain_m &&
                rules::at_least(*d.elevation_gain_m, t.hill_spike_min_run_gain_m);
       }},
      {[](const rules::Thresholds& t, model::Units u) {
         return fmt::format("a run with {} or more of fast running",
                            short_distance(t.speed_spike_min_run_m, u));
       },
       [](const DayBefore& d, const rules::Thresholds& t) {
         return d.fast_distance_m && rules::at_least(*d.fast_distance_m, t.speed_spike_min_run_m);
       }},
  }};
  return k_traits;
}

}  // namespace

std::optional<DayBefore> day_before(const History& history, date::sys_days day) {
  DayBefore d;
  double moving_s = 0.0, moving_m = 0.0, longest = 0.0;
  std::optional<std::size_t> longest_index;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    const auto& run = history.runs[i];
    if (run.day != day) continue;
    ++d.runs;
    d.distance_m += run.distance_m;
    if (run.moving && run.moving->count() > 0 && run.distance_m > 0.0) {
      moving_s += static_cast<double>(run.moving->count());
      moving_m += run.distance_m;
    }
    if (run.elevation_gain_m)
      d.elevation_gain_m = d.elevation_gain_m.value_or(0.0) + *run.elevation_gain_m;
    if (run.fast_distance_m)
      d.fast_distance_m = d.fast_distance_m.value_or(0.0) + *run.fast_distance_m;
    if (run.gear && std::find(d.shoes.begin(), d.shoes.end(), *run.gear) == d.shoes.end())
      d.shoes.push_back(*run.gear);
    if (!longest_index || run.distance_m > longest) {
      longest = run.distance_m;
      longest_index = i;
    }
  }
  if (d.runs == 0) return std::nullopt;
  if (moving_m > 0.0) d.pace_s_per_km = moving_s / moving_m * 1000.0;
  if (const auto ratio = single_run_ratio(history, *longest_index))
    d.over_longest_pct = (*ratio - 1.0) * 100.0;
  return d;
}

Response response(const History& history, date::sys_days from, date::sys_days to) {
  Response out;
  std::array<int, 3> worse_with{}, other_with{};
  for (const auto* entry : history.journal.range(from, to)) {
    if (!entry->stiffness) continue;
    const auto before = day_before(history, entry->date - date::days{1});
    if (!before) continue;
    const auto usual = usual_stiffness(history.journal, entry->date);
    if (!usual) continue;
    ++out.mornings;
    const bool worse =
        rules::at_least(*entry->stiffness - *usual, history.thresholds.stiffness_not_settled);
    if (worse) ++out.worse;
    for (std::size_t t = 0; t < traits().size(); ++t)
      if (traits()[t].has(*before, history.thresholds)) ++(worse ? worse_with : other_with)[t];
  }
  const int other = out.mornings - out.worse;
  if (out.worse < k_min_worse_mornings) return out;
  for (std::size_t t = 0; t < traits().size(); ++t) {
    if (worse_with[t] < k_min_worse_with_trait) continue;
    // More often before the worse mornings than before the others.
    if (other > 0 && worse_with[t] * other <= other_with[t] * out.worse) continue;
    ResponseFinding finding;
    finding.trait = traits()[t].words(history.thresholds, history.units);
    finding.worse_with = worse_with[t];
    finding.worse = out.worse;
    finding.other_with = other_with[t];
    finding.other = other;
    finding.text = fmt::format(
        "{} of the {} mornings {:g} point{} or more above your usual followed {} (against {} of "
        "the {} other mornings after a run)",
        finding.worse_with, finding.worse, history.thresholds.stiffness_not_settled,
        history.thresholds.stiffness_not_settled == 1.0 ? "" : "s", finding.trait,
        finding.other_with, finding.other);
    out.findings.push_back(std::move(finding));
  }
  return out;
}

}  // namespace runload::analyze
