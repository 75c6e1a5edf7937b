#include <catch2/catch.hpp>

#include <runload/analyze/rules_modifiers.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/tendon.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using namespace runload::analyze::test;
using model::MedicationKind;
using model::Rule;
using model::Severity;

namespace {

model::Medication course(MedicationKind kind, date::sys_days from, std::optional<date::sys_days> to,
                         const char* name = "drug") {
  model::Medication m;
  m.name = name;
  m.kind = kind;
  m.from = from;
  m.to = to;
  return m;
}

// 2026-10-21 is a Wednesday; the course ends on Tuesday 2026-10-27.
const auto k_wednesday = ymd(2026, 10, 21);
const auto k_last_dose = ymd(2026, 10, 27);

}  // namespace

TEST_CASE(
    "fluoroquinolone_window: a course starting on a Wednesday flags that week from the "
    "Wednesday",
    "[analyze][modifiers]") {
  const std::vector<model::Medication> meds{
      course(MedicationKind::fluoroquinolone, k_wednesday, k_last_dose, "ciprofloxacin")};
  const auto monday = ymd(2026, 10, 19);
  const auto flags = fluoroquinolone_window(meds, monday, monday + date::days{6});
  REQUIRE(flags.size() == 1);
  const auto& f = flags[0];
  CHECK(f.rule == Rule::fluoroquinolone_window);
  CHECK(f.severity == Severity::caution);
  CHECK(f.date == k_wednesday);
  CHECK(f.evidence == model::Evidence::cohort);
  CHECK(f.observed == 1.0);  // day 1 of the course
  CHECK_FALSE(f.baseline.has_value());
  CHECK_THAT(f.message, Catch::Contains("ciprofloxacin"));
  CHECK_THAT(f.message, Catch::Contains("FDA"));
  CHECK(f.advice == rules::spec(Rule::fluoroquinolone_window).advice);
  // The week before the first dose: nothing.
  CHECK(fluoroquinolone_window(meds, monday - date::weeks{1}, monday - date::days{1}).empty());
}

TEST_CASE("fluoroquinolone_window: CAUTION to 60 days after the last dose, INFO to 180",
          "[analyze][modifiers]") {
  const std::vector<model::Medication> meds{
      course(MedicationKind::fluoroquinolone, k_wednesday, k_last_dose)};
  const auto on = [&](date::sys_days day) { return fluoroquinolone_window(meds, day, day); };
  const auto day_60 = k_last_dose + date::days{60};
  REQUIRE(on(day_60).size() == 1);
  CHECK(on(day_60)[0].severity == Severity::caution);
  CHECK(on(day_60)[0].observed == 60.0);
  CHECK(on(day_60)[0].baseline == 60.0);
  REQUIRE(on(day_60 + date::days{1}).size() == 1);
  CHECK(on(day_60 + date::days{1})[0].severity == Severity::info);
  CHECK(on(day_60 + date::days{1})[0].baseline == 180.0);
  const auto day_180 = k_last_dose + date::days{180};
  REQUIRE(on(day_180).size() == 1);
  CHECK(on(day_180)[0].severity == Severity::info);
  CHECK(on(day_180 + date::days{1}).empty());
  // The day after the last dose: 1 day after it.
  CHECK(on(k_last_dose + date::days{1})[0].observed == 1.0);
  // A week holding both phases is CAUTION, dated on its first day.
  const auto monday = week_monday(day_60);  // Monday 21 Dec; day 60 is Saturday 26 Dec
  REQUIRE(monday == ymd(2026, 12, 21));
  const auto week = fluoroquinolone_window(meds, monday, monday + date::days{6});
  REQUIRE(week.size() == 1);
  CHECK(week[0].severity == Severity::caution);
  CHECK(week[0].date == monday);
}

TEST_CASE("fluoroquinolone_window: one flag per week, and a course without an end stays CAUTION",
          "[analyze][modifiers]") {
  const std::vector<model::Medication> ongoing{
      course(MedicationKind::fluoroquinolone, k_wednesday, std::nullopt)};
  const auto from = ymd(2026, 10, 19);
  const auto to = ymd(2026, 11, 15);
  const auto flags = fluoroquinolone_window(ongoing, from, to);
  REQUIRE(flags.size() == 4);  // W43 to W46
  for (const auto& f : flags) {
    CHECK(f.severity == Severity::caution);
    CHECK_FALSE(f.baseline.has_value());  // still during the course
  }
  CHECK(flags[1].date == ymd(2026, 10, 26));
  CHECK(flags[1].observed == 6.0);  // day 6 of the course
  CHECK_THAT(flags[0].message, Catch::Contains("no last day recorded"));
  // Two courses in one week give one flag, the worst.
  const std::vector<model::Medication> two{
      course(MedicationKind::fluoroquinolone, k_wednesday, k_last_dose),
      course(MedicationKind::fluoroquinolone, ymd(2026, 10, 23), ymd(2026, 10, 25))};
  CHECK(fluoroquinolone_window(two, from, from + date::days{6}).size() == 1);
}

TEST_CASE("fluoroquinolone_window: HIGH where it meets an oral corticosteroid's window",
          "[analyze][modifiers]") {
  const auto monday = ymd(2026, 10, 19);
  const std::vector<model::Medication> meds{
      course(MedicationKind::fluoroquinolone, k_wednesday, k_last_dose, "ciprofloxacin"),
      course(MedicationKind::corticosteroid, ymd(2026, 10, 20), ymd(2026, 10, 24), "prednisolone")};
  const auto flags = fluoroquinolone_window(meds, monday, monday + date::days{6});
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].severity == Severity::high);
  CHECK(flags[0].advice == rules::spec(Rule::fluoroquinolone_window).advice_high);
  CHECK_THAT(flags[0].message, Catch::Contains("prednisolone"));
  // The steroid's window ends 30 days after 24 Oct (23 Nov): the week of 30 Nov is CAUTION.
  const auto later = ymd(2026, 11, 30);
  CHECK(fluoroquinolone_window(meds, later, later + date::days{6})[0].severity ==
        Severity::caution);
  const auto last_high = ymd(2026, 11, 23);
  CHECK(fluoroquinolone_window(meds, last_high, last_high)[0].severity == Severity::high);
  CHECK(fluoroquinolone_window(meds, last_high + date::days{1}, last_high + date::days{1})[0]
            .severity == Severity::caution);
  // An injection or another medicine raises nothing.
  const std::vector<model::Medication> others{
      course(MedicationKind::corticosteroid_injection, k_wednesday, k_wednesday),
      course(MedicationKind::other, k_wednesday, k_last_dose)};
  CHECK(fluoroquinolone_window(others, monday, monday + date::days{6}).empty());
  CHECK(corticosteroid_window(others, monday, monday + date::days{6}).empty());
}

TEST_CASE("corticosteroid_window: CAUTION from the first dose to 30 days after the last",
          "[analyze][modifiers]") {
  const auto last = ymd(2026, 10, 24);
  const std::vector<model::Medication> meds{
      course(MedicationKind::corticosteroid, ymd(2026, 10, 20), last, "prednisolone")};
  const auto on = [&](date::sys_days day) { return corticosteroid_window(meds, day, day); };
  CHECK(on(ymd(2026, 10, 19)).empty());
  REQUIRE(on(ymd(2026, 10, 20)).size() == 1);
  CHECK(on(ymd(2026, 10, 20))[0].severity == Severity::caution);
  CHECK(on(ymd(2026, 10, 20))[0].observed == 1.0);
  REQUIRE(on(last + date::days{30}).size() == 1);
  CHECK(on(last + date::days{30})[0].observed == 30.0);
  CHECK(on(last + date::days{30})[0].baseline == 30.0);
  CHECK(on(last + date::days{31}).empty());
}

TEST_CASE("prior_episode: counts for the weeks within 365 days after it, from the week after",
          "[analyze][modifiers]") {
  model::Episode recorded;
  recorded.from = ymd(2025, 6, 2);
  recorded.to = ymd(2025, 8, 2);
  recorded.note = "right Achilles";
  const std::vector<model::Episode> episodes{recorded};
  const auto marks = episode_marks(episodes, {});
  REQUIRE(marks.size() == 1);
  // Monday 27 Jul 2026: 2 Aug 2025 is 359 days before it.
  REQUIRE(prior_episode_on(marks, ymd(2026, 7, 27)));
  // Monday 3 Aug 2026: 366 days after the episode ended.
  CHECK_FALSE(prior_episode_on(marks, ymd(2026, 8, 3)));
  // Exactly 365 days: Monday 2 Aug 2027 after an end on Sunday 2 Aug 2026.
  const std::vector<EpisodeMark> exact{{ymd(2026, 7, 1), ymd(2026, 8, 2), "x"}};
  CHECK(prior_episode_on(exact, ymd(2027, 8, 2)));
  CHECK_FALSE(prior_episode_on(exact, ymd(2027, 8, 9)));
  // An episode that starts in the week is not prior to it.
  CHECK_FALSE(prior_episode_on(exact, ymd(2026, 6, 29)));
  CHECK(prior_episode_on(exact, ymd(2026, 7, 6)));
  // An ongoing recorded episode counts from the week after its start.
  const std::vector<EpisodeMark> ongoing{{ymd(2026, 7, 1), std::nullopt, "y"}};
  CHECK(prior_episode_on(ongoing, ymd(2029, 1, 1)));

  const auto flags = prior_episode(marks, rules::tightened(rules::Thresholds{}), ymd(2026, 7, 20),
                                   ymd(2026, 8, 9));
  REQUIRE(flags.size() == 2);  // the weeks of 20 and 27 Jul
  CHECK(flags[1].date == ymd(2026, 7, 27));
  CHECK(flags[1].severity == Severity::info);
  CHECK(flags[1].observed == 359.0);
  CHECK(flags[1].baseline == 365.0);
  CHECK_THAT(flags[1].message, Catch::Contains("from 2025-06-02 to 2025-08-02"));
  // The runner's note stays out of the message (the Tendon section shows it).
  CHECK_THAT(flags[1].message, !Catch::Contains("right Achilles"));
  CHECK_THAT(flags[1].message, Catch::Contains("odds ratio 6.3"));
  CHECK_THAT(flags[1].message, Catch::Contains("a run more than 5% over"));
  CHECK_THAT(flags[1].message, Catch::Contains("a week more than 15% over"));
  CHECK(prior_episode_weeks(marks, ymd(2026, 7, 20), ymd(2026, 8, 9)) ==
        std::vector<date::sys_days>{ymd(2026, 7, 20), ymd(2026, 7, 27)});
}

TEST_CASE("prior_episode: a possible rupture or persistent pain is an episode, the latest counts",
          "[analyze][modifiers]") {
  std::vector<model::Flag> flags;
  flags.push_back(rules::make_flag(Rule::persistent_pain, Severity::high, ymd(2026, 11, 9)));
  flags.push_back(rules::make_flag(Rule::rupture_warning, Severity::urgent, ymd(2026, 11, 14)));
  flags.push_back(rules::make_flag(Rule::pain_during_run, Severity::caution, ymd(2026, 11, 12)));
  flags.back().assessed_on = ymd(2026, 11, 16);  // an assessment does not undo an episode
  const auto marks = episode_marks({}, flags);
  REQUIRE(marks.size() == 2);
  const auto found = prior_episode_on(marks, ymd(2026, 11, 16));
  REQUIRE(found);
  CHECK(found->from == ymd(2026, 11, 14));
  CHECK_THAT(found->what, Catch::Contains("a possible rupture"));
  // Within its own week it is not prior.
  const auto same_week = prior_episode_on(marks, ymd(2026, 11, 9));
  CHECK_FALSE(same_week.has_value());
}

TEST_CASE("rules: a prior episode halves every increase a band allows", "[rules][tendon]") {
  const rules::Thresholds normal;
  const auto t = rules::tightened(normal);
  CHECK(t.single_run_small == Approx(1.05));
  CHECK(t.single_run_moderate == Approx(1.15));
  CHECK(t.single_run_large == Approx(1.50));
  CHECK(t.weekly_jump == Approx(1.15));
  CHECK(t.speed_spike == Approx(1.15));
  CHECK(t.hill_spike == Approx(1.15));
  CHECK(t.envelope_single_run == Approx(1.05));
  CHECK(t.envelope_week_high == Approx(1.15));
  // What is not an increase band stays.
  CHECK(t.envelope_week_low == normal.envelope_week_low);
  CHECK(t.acwr_caution == normal.acwr_caution);
  CHECK(t.pain_run_caution == normal.pain_run_caution);
}

TEST_CASE("cold_run: a run below 5 degrees C, saying where the temperature came from",
          "[analyze][modifiers]") {
  const auto day = ymd(2026, 11, 12);
  auto cold = run_on(day, 9.0);
  cold.temperature = model::Temperature{4.9, model::TemperatureSource::weather};
  auto five = run_on(day + date::days{1}, 8.0);
  five.temperature = model::Temperature{5.0, model::TemperatureSource::weather};
  auto device = run_on(day + date::days{2}, 7.0);
  device.temperature = model::Temperature{2.0, model::TemperatureSource::device};
  auto unknown = run_on(day + date::days{3}, 6.0);
  const auto h = history_of({cold, five, device, unknown}, {}, day, day + date::days{3});
  const auto flags = cold_run(h, day, day + date::days{3});
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].date == day);
  CHECK(flags[0].severity == Severity::info);
  CHECK(flags[0].unit == model::Unit::celsius);
  CHECK(flags[0].observed == 4.9);
  CHECK(flags[0].baseline == 5.0);
  CHECK(flags[0].activity_id == cold.id);
  CHECK_THAT(flags[0].message, Catch::Contains("the weather at the start"));
  CHECK_THAT(flags[0].message, Catch::Contains("limited"));
  CHECK(flags[1].date == day + date::days{2});
  CHECK_THAT(flags[1].message, Catch::Contains("reads high from body heat"));

  auto colder = h;
  colder.thresholds.cold_run_below_c = 0.0;
  CHECK(cold_run(colder, day, day + date::days{3}).empty());
}
