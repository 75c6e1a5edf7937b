#include <runload/analyze/rules_gear.hpp>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include <runload/analyze/format.hpp>
#include <runload/analyze/history.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

using model::Flag;
using model::Rule;
using model::Severity;
using rules::above;
using rules::at_least;

constexpr std::string_view k_first_minimalist_advice =
    "Make the change gradual: start with one short, easy run a week in them and add a little "
    "each week; in the trial the change took 26 weeks. Calf strength work helps the tendon "
    "take the extra load.";

bool in_range(date::sys_days day, date::sys_days from, date::sys_days to) {
  return day >= from && day <= to;
}

// The drop of the shoe `run` names; nullopt when unknown or none named.
std::optional<double> drop_of(const History& history, const Run& run) {
  const auto* shoe = shoe_of(history, run);
  return shoe ? shoe->drop_mm : std::nullopt;
}

void add_unique(std::vector<std::string>& names, const std::optional<std::string>& name) {
  if (name && std::find(names.begin(), names.end(), *name) == names.end()) names.push_back(*name);
}

// The drop most of the distance of [from, to] was run at, with its shoes;
// nullopt when most was of unknown drop.
std::optional<double> reference_drop(const History& history, date::sys_days from, date::sys_days to,
                                     std::vector<std::string>& shoes) {
  std::map<double, double> by_drop;  // drop -> distance
  double unknown = 0.0;
  for (const auto& run : history.runs) {
    if (!in_range(run.day, from, to) || run.distance_m <= 0.0) continue;
    if (const auto drop = drop_of(history, run))
      by_drop[*drop] += run.distance_m;
    else
      unknown += run.distance_m;
  }
  std::optional<double> best;
  double best_m = 0.0;
  for (const auto& [drop, metres] : by_drop) {  // ascending: a tie goes to the higher drop
    if (metres >= best_m) {
      best = drop;
      best_m = metres;
    }
  }
  if (!best || unknown > best_m) return std::nullopt;
  for (const auto& run : history.runs)
    if (in_range(run.day, from, to) && drop_of(history, run) == best) add_unique(shoes, run.gear);
  return best;
}

// "Altra Escalante 3 (0 mm)" for each shoe of `names`.
std::string with_drops(const History& history, const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const auto& name : names) {
    Run named;
    named.gear = name;
    const auto drop = drop_of(history, named);
    parts.push_back(drop ? fmt::format("{} ({})", name, millimetres(*drop)) : name);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

Flag transition_flag(const History& history, const DropComparison& c, date::sys_days sunday) {
  Flag flag = rules::make_flag(Rule::footwear_transition, Severity::caution, sunday);
  flag.observed = c.share();
  flag.baseline = c.share_before();
  flag.message = fmt::format(
      "{} of this week's {} was in {}; most of the 30 days before were run in {} ({}).",
      km(c.lower_week_m, history.units), km(c.week_m, history.units),
      with_drops(history, c.lower_shoes), fmt::format("{}", fmt::join(c.reference_shoes, ", ")),
      millimetres(*c.reference_drop_mm));
  return flag;
}

// The distance in minimalist shoes of the week of `monday`.
double minimalist_distance(const History& history, date::sys_days monday) {
  double metres = 0.0;
  for (const auto& run : history.runs) {
    if (!in_range(run.day, monday, monday + date::days{6})) continue;
    const auto* shoe = shoe_of(history, run);
    if (shoe && shoe->minimalist) metres += run.distance_m;
  }
  return metres;
}

// True when run `index` is the first ever in its shoe.
bool first_in_shoe(const History& history, std::size_t index) {
  const auto& gear = *history.runs[index].gear;
  if (const auto before = history.shoe_distance_before_m.find(gear);
      before != history.shoe_distance_before_m.end() && before->second > 0.0)
    return false;
  for (std::size_t j = 0; j < index; ++j)
    if (history.runs[j].gear == gear) return false;
  return true;
}

std::vector<Flag> first_minimalist_runs(const History& history, date::sys_days from,
                                        date::sys_days to) {
  std::vector<Flag> flags;
  for (std::size_t i = 0; i < history.runs.size(); ++i) {
    const auto& run = history.runs[i];
    const auto* shoe = shoe_of(history, run);
    if (!shoe || !shoe->minimalist || !in_range(run.day, from, to) || !first_in_shoe(history, i))
      continue;
    Flag flag = rules::make_flag(Rule::minimalist_volume, Severity::info, run.day);
    flag.activity_id = run.id;
    flag.observed = run.distance_m;
    flag.message = fmt::format("The first run in {}, a minimalist shoe.", shoe->name);
    flag.advice = std::string(k_first_minimalist_advice);
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace

const model::Gear* shoe_of(const History& history, const Run& run) {
  if (!run.gear) return nullptr;
  const auto it = std::find_if(history.shoes.begin(), history.shoes.end(),
                               [&](const model::Gear& g) { return g.name == *run.gear; });
  return it == history.shoes.end() ? nullptr : &*it;
}

double shoe_limit_m(const History& history, const model::Gear& shoe) {
  return shoe.limit_km ? *shoe.limit_km * 1000.0 : history.thresholds.shoe_limit_m;
}

std::optional<double> DropComparison::share() const noexcept {
  if (week_m <= 0.0) return std::nullopt;
  return lower_week_m / week_m;
}

std::optional<double> DropComparison::share_before() const noexcept {
  if (before_m <= 0.0) return std::nullopt;
  return lower_before_m / before_m;
}

DropComparison drop_comparison(const History& history, date::sys_days monday) {
  DropComparison c;
  const auto before_from = monday - date::days{rules::k_footwear_lookback_days};
  const auto before_to = monday - date::days{1};
  const auto sunday = monday + date::days{6};
  c.reference_drop_mm = reference_drop(history, before_from, before_to, c.reference_shoes);
  const auto lower = [&](const Run& run) {
    const auto drop = drop_of(history, run);
    return drop && c.reference_drop_mm &&
           at_least(*c.reference_drop_mm - *drop, history.thresholds.drop_lower_mm);
  };
  for (const auto& run : history.runs) {
    if (in_range(run.day, before_from, before_to)) {
      c.before_m += run.distance_m;
      if (lower(run)) c.lower_before_m += run.distance_m;
    } else if (in_range(run.day, monday, sunday)) {
      c.week_m += run.distance_m;
      if (!drop_of(history, run)) c.unknown_week_m += run.distance_m;
      if (!lower(run)) continue;
      c.lower_week_m += run.distance_m;
      add_unique(c.lower_shoes, run.gear);
    }
  }
  return c;
}

std::vector<Flag> footwear_transition(const History& history, date::sys_days from,
                                      date::sys_days to) {
  std::vector<Flag> flags;
  const auto& t = history.thresholds;
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const auto c = drop_comparison(history, monday);
    if (!c.reference_drop_mm || !c.share() || !c.share_before()) continue;
    if (above(*c.share(), t.transition_share) && *c.share_before() < t.transition_before_share)
      flags.push_back(transition_flag(history, c, monday + date::days{6}));
  }
  return flags;
}

std::vector<Flag> minimalist_volume(const History& history, date::sys_days from,
                                    date::sys_days to) {
  auto flags = first_minimalist_runs(history, from, to);
  for (const auto monday : week_mondays_ending_in(from, to)) {
    const double metres = minimalist_distance(history, monday);
    if (!above(metres, history.thresholds.minimalist_week_m)) continue;
    Flag flag =
        rules::make_flag(Rule::minimalist_volume, Severity::caution, monday + date::days{6});
    flag.observed = metres;
    flag.baseline = history.thresholds.minimalist_week_m;
    flag.message = fmt::format(
        "{} of this week's running was in minimalist shoes; in a 26-week transition "
        "trial, pain rose above about {} a week.",
        km(metres, history.units), km(history.thresholds.minimalist_week_m, history.units));
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::map<std::string, double> shoe_mileage(const History& history, date::sys_days day) {
  auto mileage = history.shoe_distance_before_m;
  for (const auto& run : history.runs)
    if (run.gear && run.day <= day) mileage[*run.gear] += run.distance_m;
  return mileage;
}

std::vector<Flag> shoe_worn(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> flags;
  auto mileage = history.shoe_distance_before_m;
  std::set<std::pair<std::string, date::sys_days>> flagged;  // shoe, Monday
  for (const auto& run : history.runs) {
    if (!run.gear) continue;
    const double total = mileage[*run.gear] += run.distance_m;
    const auto* shoe = shoe_of(history, run);
    if (!shoe || !in_range(run.day, from, to)) continue;
    const double limit = shoe_limit_m(history, *shoe);
    if (!at_least(total, limit) || !flagged.emplace(shoe->name, week_monday(run.day)).second)
      continue;
    Flag flag = rules::make_flag(Rule::shoe_worn, Severity::info, run.day);
    flag.activity_id = run.id;
    flag.observed = total;
    flag.baseline = limit;
    flag.ratio = total / limit;
    flag.message = fmt::format("{} has carried {} of running, past its limit of {}{}.", shoe->name,
                               km(total, history.units), km(limit, history.units),
                               shoe->limit_km ? "" : " (the default)");
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<Flag> gear_flags(const History& history, date::sys_days from, date::sys_days to) {
  std::vector<Flag> all;
  for (auto rule : {&footwear_transition, &minimalist_volume, &shoe_worn}) {
    auto flags = rule(history, from, to);
    all.insert(all.end(), flags.begin(), flags.end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Flag& a, const Flag& b) { return a.date < b.date; });
  return all;
}

}  // namespace runload::analyze
