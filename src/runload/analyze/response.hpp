#pragma once
// The 24-hour response: each morning beside the run of the day before, and
// which traits of those runs preceded the worse mornings. The question a
// physiotherapist asks first (Silbernagel 2007: symptoms after a run should
// settle by the next morning). Counts only: a finding says how many, never
// why.

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>

namespace runload::analyze {

// The running of one day, as the next morning's context.
struct DayBefore {
  int runs = 0;
  double distance_m = 0.0;
  // The day's longest run over the longest of the 30 days before it, as a
  // percentage more (36 for a ratio of 1.36); nullopt without a baseline.
  std::optional<double> over_longest_pct;
  // Seconds per km of the day's moving time; nullopt when unknown.
  std::optional<double> pace_s_per_km;
  std::optional<double> elevation_gain_m;
  std::optional<double> fast_distance_m;
};

// The runs of `day`; nullopt for a day without running.
std::optional<DayBefore> day_before(const History& history, date::sys_days day);

// One trait of the day-before run, counted over the mornings after a run.
struct ResponseFinding {
  std::string trait;   // "a run with 100 m of climb or more"
  int worse_with = 0;  // worse mornings after a run with the trait
  int worse = 0;       // worse mornings after a run
  int other_with = 0;  // other mornings after a run with the trait
  int other = 0;       // other mornings after a run
  std::string text;    // "4 of the 5 mornings 2 points or more above your usual followed ..."
};

struct Response {
  int mornings = 0;  // logged mornings after a run day, in the window
  int worse = 0;     // of which 2 points or more above the usual (rules_symptoms.hpp)
  // The traits that came before the worse mornings more often than before
  // the others, when there are at least 3 worse mornings and 2 of them with
  // the trait.
  std::vector<ResponseFinding> findings;
};

// The response over the mornings of [from, to].
Response response(const History& history, date::sys_days from, date::sys_days to);

}  // namespace runload::analyze
