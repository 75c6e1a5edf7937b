#pragma once
// The report's shoes: this week's distance per shoe with its drop and its
// mileage against its limit, the footwear_transition comparison of the
// week (a transition in progress, or why none can be judged), and the
// rotation over the last 8 weeks, a context and not a flag (Malisoux et al.
// 2015: runners who alternated pairs had fewer injuries, a cohort).

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/history.hpp>
#include <runload/analyze/rules_gear.hpp>

namespace runload::analyze {

// The running of one week in one shoe.
struct ShoeDistance {
  std::optional<std::string> name;  // nullopt: runs that name no shoe
  double distance_m = 0.0;
  int runs = 0;
};

// One shoe worn in the reported week.
struct ShoeWeek {
  ShoeDistance week;
  std::optional<double> drop_mm;  // nullopt: unknown (or no shoe named)
  bool minimalist = false;
  bool known = false;  // the athlete has this shoe (gear list); false for no shoe
  double mileage_m =
      0.0;  // at the end of the report's day, the distance before the history included
  double limit_m = 0.0;
  bool retired = false;
};

struct Rotation {
  std::string main_shoe;    // the shoe with the most distance
  double main_share = 0.0;  // of the distance run in a named shoe
  int shoes_used = 0;
  int weeks = 0;  // the weeks counted (8, fewer at the start of history)
};

struct ShoeReport {
  // Most distance first; the runs naming no shoe last.
  std::vector<ShoeWeek> worn;
  DropComparison transition;
  // nullopt when no run of the weeks names a shoe.
  std::optional<Rotation> rotation;
  // The athlete has shoes, or a run names one: otherwise there is nothing
  // to judge footwear by.
  bool any = false;
};

// The distance per shoe of the week of `monday`, most first, no shoe last.
std::vector<ShoeDistance> shoe_distances(const History& history, date::sys_days monday);

// The shoes of the week of `monday`, as of `as_of`.
ShoeReport shoe_report(const History& history, date::sys_days monday, date::sys_days as_of);

}  // namespace runload::analyze
