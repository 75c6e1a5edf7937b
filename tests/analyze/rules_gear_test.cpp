#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <runload/analyze/rules_gear.hpp>
#include <runload/analyze/shoes.hpp>
#include <runload/report/text.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Activity;
using runload::model::Evidence;
using runload::model::Flag;
using runload::model::Gear;
using runload::model::Rule;
using runload::model::Severity;

namespace {

const auto k_monday = ymd(2024, 4, 1);  // a Monday; week 7 starts 6 weeks later

Activity in_shoe(Activity a, const std::string& shoe) {
  a.gear = shoe;
  return a;
}

Gear shoe(const std::string& name, std::optional<double> drop_mm, bool minimalist = false) {
  Gear g;
  g.name = name;
  g.drop_mm = drop_mm;
  g.minimalist = minimalist;
  return g;
}

// Six weeks of three 10 km runs (Mon, Wed, Fri) in "Daily" (10 mm), then a
// seventh week of the same 30 km with `low_km` of it in "Low" of `low_drop`.
History transition_history(std::optional<double> low_drop, double low_km = 15.0) {
  std::vector<Activity> acts;
  for (int week = 0; week < 6; ++week)
    for (int d : {0, 2, 4})
      acts.push_back(in_shoe(run_on(k_monday + date::days{7 * week + d}, 10.0), "Daily"));
  const auto w7 = k_monday + date::days{42};
  acts.push_back(in_shoe(run_on(w7, 30.0 - low_km), "Daily"));
  acts.push_back(in_shoe(run_on(w7 + date::days{2}, low_km), "Low"));
  auto h = history_of(acts, {}, k_monday - date::days{30}, w7 + date::days{6});
  h.shoes = {shoe("Daily", 10.0), shoe("Low", low_drop)};
  return h;
}

std::vector<Flag> of_rule(const std::vector<Flag>& flags, Rule rule) {
  std::vector<Flag> out;
  std::copy_if(flags.begin(), flags.end(), std::back_inserter(out),
               [&](const Flag& f) { return f.rule == rule; });
  return out;
}

}  // namespace

TEST_CASE(
    "footwear_transition: six weeks at 10 mm, then half a week at 4 mm: a caution that week "
    "and not before",
    "[analyze][rules][gear]") {
  const auto h = transition_history(4.0);
  const auto w7 = k_monday + date::days{42};
  const auto flags = footwear_transition(h, k_monday, w7 + date::days{6});
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].rule == Rule::footwear_transition);
  CHECK(flags[0].severity == Severity::caution);
  CHECK(flags[0].evidence == Evidence::expert);
  CHECK(flags[0].date == w7 + date::days{6});
  CHECK(*flags[0].observed == Approx(0.5));  // 15 of 30 km
  CHECK(*flags[0].baseline == Approx(0.0));
  CHECK(flags[0].message.find("15.0 km of this week's 30.0 km was in Low (4 mm)") !=
        std::string::npos);
  CHECK(flags[0].source.find("Malisoux") != std::string::npos);

  const auto c = drop_comparison(h, w7);
  CHECK(*c.reference_drop_mm == Approx(10.0));
  CHECK(c.reference_shoes == std::vector<std::string>{"Daily"});
  CHECK(c.before_m == Approx(120000.0));  // the 30 days before: 4 weeks of 30 km (and 2 days)
  CHECK(c.week_m == Approx(30000.0));
  CHECK(c.lower_week_m == Approx(15000.0));
  CHECK(c.lower_shoes == std::vector<std::string>{"Low"});
}

TEST_CASE(
    "footwear_transition: the bounds are 'more than 30%' and 'under 10% before', and a drop "
    "only 3 mm lower is no change",
    "[analyze][rules][gear]") {
  const auto w7 = k_monday + date::days{42};
  const auto week = [&](const History& h) {
    return footwear_transition(h, w7, w7 + date::days{6});
  };
  CHECK(week(transition_history(4.0, 9.0)).empty());       // 9 of 30 km: exactly 30%
  CHECK(week(transition_history(4.0, 9.03)).size() == 1);  // 30.1%
  CHECK(week(transition_history(7.0)).empty());            // 10 - 7 = 3 mm
  CHECK(week(transition_history(6.0)).size() == 1);        // 4 mm lower

  // 12 km of the 30 days before in the low shoe: 12 / 120 = 10%, not under.
  auto h = transition_history(4.0);
  auto acts = std::vector<Activity>{};
  for (const auto& r : h.runs) {
    Activity a = run_on(r.day, r.distance_m / 1000.0);
    a.gear = r.gear;
    acts.push_back(a);
  }
  acts.push_back(in_shoe(run_on(w7 - date::days{3}, 12.0), "Low"));
  auto before = history_of(acts, {}, k_monday - date::days{30}, w7 + date::days{6});
  before.shoes = h.shoes;
  const auto c = drop_comparison(before, w7);
  CHECK(*c.share_before() == Approx(12.0 / 132.0));  // 12 km of 132 km: 9.1%, under 10%
  CHECK(week(before).size() == 1);
  acts.push_back(in_shoe(run_on(w7 - date::days{5}, 2.0), "Low"));
  before = history_of(acts, {}, k_monday - date::days{30}, w7 + date::days{6});
  before.shoes = h.shoes;
  CHECK(*drop_comparison(before, w7).share_before() == Approx(14.0 / 134.0));  // 10.4%
  CHECK(week(before).empty());
}

TEST_CASE(
    "footwear_transition: an unknown drop raises nothing, is counted as unknown, and the "
    "report says so",
    "[analyze][rules][gear]") {
  const auto h = transition_history(std::nullopt);
  const auto w7 = k_monday + date::days{42};
  CHECK(footwear_transition(h, k_monday, w7 + date::days{6}).empty());
  const auto c = drop_comparison(h, w7);
  CHECK(*c.reference_drop_mm == Approx(10.0));
  CHECK(c.lower_week_m == 0.0);
  CHECK(c.unknown_week_m == Approx(15000.0));

  const auto report = shoe_report(h, w7, w7 + date::days{6});
  REQUIRE(report.worn.size() == 2);
  const auto low = std::find_if(report.worn.begin(), report.worn.end(),
                                [](const ShoeWeek& s) { return s.week.name == "Low"; });
  REQUIRE(low != report.worn.end());
  CHECK_FALSE(low->drop_mm.has_value());
  CHECK(runload::report::transition_text(report).find("none") == 0);
}

TEST_CASE(
    "drop_comparison: the reference is the drop with the most distance, a tie goes to the "
    "higher drop, an unknown majority gives none",
    "[analyze][rules][gear]") {
  const auto monday = k_monday + date::days{35};
  const auto with = [&](std::vector<Activity> acts, std::vector<Gear> shoes) {
    auto h = history_of(acts, {}, k_monday - date::days{30}, monday + date::days{6});
    h.shoes = std::move(shoes);
    return drop_comparison(h, monday);
  };
  const std::vector<Gear> shoes{shoe("A", 10.0), shoe("B", 10.0), shoe("C", 4.0),
                                shoe("U", std::nullopt)};
  // A and B share 10 mm: 8 + 8 km against C's 12 km; the 10 mm group wins.
  auto c = with({in_shoe(run_on(monday - date::days{3}, 8.0), "A"),
                 in_shoe(run_on(monday - date::days{5}, 8.0), "B"),
                 in_shoe(run_on(monday - date::days{7}, 12.0), "C")},
                shoes);
  CHECK(*c.reference_drop_mm == Approx(10.0));
  CHECK(c.reference_shoes.size() == 2);
  // A tie of 10 km each: the higher drop.
  c = with({in_shoe(run_on(monday - date::days{3}, 10.0), "A"),
            in_shoe(run_on(monday - date::days{5}, 10.0), "C")},
           shoes);
  CHECK(*c.reference_drop_mm == Approx(10.0));
  // Most of it unknown (a shoe of unknown drop, and a run naming none).
  c = with({in_shoe(run_on(monday - date::days{3}, 10.0), "A"),
            in_shoe(run_on(monday - date::days{5}, 6.0), "U"), run_on(monday - date::days{7}, 6.0)},
           shoes);
  CHECK_FALSE(c.reference_drop_mm.has_value());
  // Nothing before: no reference.
  CHECK_FALSE(with({in_shoe(run_on(monday, 10.0), "C")}, shoes).reference_drop_mm.has_value());
}

TEST_CASE(
    "minimalist_volume: 40 km in a week in a minimalist shoe is a caution, 35 km is not, the "
    "first run in one is information",
    "[analyze][rules][gear]") {
  const auto week = [&](double km_each) {
    std::vector<Activity> acts;
    for (int d : {0, 2, 4, 6})
      acts.push_back(in_shoe(run_on(k_monday + date::days{d}, km_each), "Barefoot"));
    auto h = history_of(acts, {}, k_monday - date::days{30}, k_monday + date::days{6});
    h.shoes = {shoe("Barefoot", 0.0, true)};
    return minimalist_volume(h, k_monday, k_monday + date::days{6});
  };
  const auto forty = week(10.0);
  CHECK(of_rule(forty, Rule::minimalist_volume).size() == 2);
  REQUIRE(forty.size() == 2);
  const auto first = std::find_if(forty.begin(), forty.end(),
                                  [](const Flag& f) { return f.severity == Severity::info; });
  REQUIRE(first != forty.end());
  CHECK(first->date == k_monday);
  CHECK(first->activity_id.has_value());
  CHECK(first->message == "The first run in Barefoot, a minimalist shoe.");
  const auto volume = std::find_if(forty.begin(), forty.end(),
                                   [](const Flag& f) { return f.severity == Severity::caution; });
  REQUIRE(volume != forty.end());
  CHECK(volume->date == k_monday + date::days{6});
  CHECK(*volume->observed == Approx(40000.0));
  CHECK(*volume->baseline == Approx(35000.0));
  CHECK(volume->evidence == Evidence::rct);
  CHECK(volume->source.find("Fuller") != std::string::npos);

  const auto thirty_five = week(8.75);
  REQUIRE(thirty_five.size() == 1);
  CHECK(thirty_five[0].severity == Severity::info);
}

TEST_CASE("shoe_worn: the run that takes a shoe past its limit is information, once a week",
          "[analyze][rules][gear]") {
  std::vector<Activity> acts;
  for (int d : {0, 2, 4, 7}) acts.push_back(in_shoe(run_on(k_monday + date::days{d}, 10.0), "Old"));
  auto h = history_of(acts, {}, k_monday - date::days{30}, k_monday + date::days{13});
  auto old = shoe("Old", 10.0);
  old.limit_km = 100.0;
  h.shoes = {old};
  h.shoe_distance_before_m = {{"Old", 85000.0}};  // 85 + 10 = 95, + 10 = 105 km
  const auto flags = shoe_worn(h, k_monday, k_monday + date::days{13});
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].rule == Rule::shoe_worn);
  CHECK(flags[0].severity == Severity::info);
  CHECK(flags[0].evidence == Evidence::plausible);
  CHECK(flags[0].date == k_monday + date::days{2});  // the run that passes 100 km
  CHECK(*flags[0].observed == Approx(105000.0));
  CHECK(*flags[0].baseline == Approx(100000.0));
  CHECK(flags[0].advice.find("lab studies") != std::string::npos);
  CHECK(flags[1].date == k_monday + date::days{7});  // the next week's first run

  // Without a limit of its own, a shoe has the default 800 km.
  h.shoes[0].limit_km.reset();
  CHECK(shoe_limit_m(h, h.shoes[0]) == Approx(800000.0));
  CHECK(shoe_worn(h, k_monday, k_monday + date::days{13}).empty());
}

TEST_CASE("shoe_report: this week's shoes, most distance first, and the rotation of 8 weeks",
          "[analyze][gear]") {
  const auto h = transition_history(4.0, 10.0);
  const auto w7 = k_monday + date::days{42};
  const auto report = shoe_report(h, w7, w7 + date::days{6});
  CHECK(report.any);
  REQUIRE(report.worn.size() == 2);
  CHECK(report.worn[0].week.name == "Daily");
  CHECK(report.worn[0].week.distance_m == Approx(20000.0));
  CHECK(report.worn[0].mileage_m == Approx(200000.0));  // 6 × 30 + 20 km
  CHECK(report.worn[0].limit_m == Approx(800000.0));
  CHECK(report.worn[1].week.name == "Low");
  REQUIRE(report.rotation.has_value());
  CHECK(report.rotation->main_shoe == "Daily");
  CHECK(report.rotation->weeks == 8);  // history began 30 days before week 1
  CHECK(report.rotation->main_share == Approx(200.0 / 210.0));
  CHECK(report.rotation->shoes_used == 2);
}
