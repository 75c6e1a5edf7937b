#include <catch2/catch.hpp>

#include <runload/analyze/tendon.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using runload::analyze::test::ymd;

namespace {

model::VisaA visa_on(date::sys_days day, int q1_to_q6, int q7, model::VisaBranch branch, int q8) {
  model::VisaA v;
  v.date = day;
  v.items = {q1_to_q6, q1_to_q6, q1_to_q6, q1_to_q6, q1_to_q6, q1_to_q6, q7};
  v.q8_branch = branch;
  v.q8 = q8;
  return v;
}

}  // namespace

TEST_CASE("tendon: symmetry is the weaker leg over the stronger", "[analyze][tendon]") {
  // The example: left 25, right 18 -> 72%.
  CHECK(heel_rise_symmetry(25, 18).value() == Approx(72.0));
  CHECK(heel_rise_symmetry(18, 25).value() == Approx(72.0));
  CHECK(heel_rise_symmetry(20, 20).value() == Approx(100.0));
  CHECK(heel_rise_symmetry(0, 10).value() == Approx(0.0));
  CHECK_FALSE(heel_rise_symmetry(0, 0).has_value());
}

TEST_CASE("tendon: a heel-rise change within 6.5 repetitions is the test's noise",
          "[analyze][tendon]") {
  // Hébert-Losier 2017: 95% limits of agreement up to 6.5 repetitions.
  CHECK_FALSE(heel_rise_change(26, 20.0).beyond_noise);  // +6
  CHECK_FALSE(heel_rise_change(13, 19.5).beyond_noise);  // -6.5: on the limit, inside
  CHECK(heel_rise_change(27, 20.0).beyond_noise);        // +7
  CHECK(heel_rise_change(12, 19.0).beyond_noise);        // -7
  CHECK(heel_rise_change(27, 20.4).beyond_noise);        // +6.6
  const auto c = heel_rise_change(18, 24.5);
  CHECK(c.baseline == 24.5);
  CHECK(c.change == -6.5);
}

TEST_CASE("tendon: the heel-rise baseline is the mean of the last 3 tests of 90 days",
          "[analyze][tendon]") {
  const auto d = ymd(2026, 11, 20);
  const std::vector<model::HeelRiseTest> tests{
      {d - date::days{91}, 40, 40},  // outside the 90 days
      {d - date::days{90}, 10, 30},  // the 4th most recent: left out
      {d - date::days{60}, 24, 20}, {d - date::days{30}, 26, 22},
      {d - date::days{10}, 25, 21}, {d, 34, 14},
      {d + date::days{1}, 1, 1},  // after as_of: not the latest
  };
  const auto s = summarize_heel_rise(tests, {}, d);
  REQUIRE(s);
  CHECK(s->latest.date == d);
  CHECK(s->baseline_tests == 3);
  REQUIRE(s->left);
  REQUIRE(s->right);
  CHECK(s->left->baseline == Approx(25.0));  // (24 + 26 + 25) / 3
  CHECK(s->left->change == Approx(9.0));
  CHECK(s->left->beyond_noise);
  CHECK(s->right->baseline == Approx(21.0));  // (20 + 22 + 21) / 3
  CHECK(s->right->change == Approx(-7.0));
  CHECK(s->right->beyond_noise);
  CHECK(s->symmetry_pct.value() == Approx(100.0 * 14 / 34));
  CHECK(s->weaker == model::Side::right);
  CHECK(s->below_symmetry);
  CHECK_FALSE(s->norm.has_value());  // no age or sex

  const auto first = summarize_heel_rise(std::vector<model::HeelRiseTest>{{d, 25, 18}}, {}, d);
  REQUIRE(first);
  CHECK(first->baseline_tests == 0);
  CHECK_FALSE(first->left.has_value());
  CHECK(first->symmetry_pct.value() == Approx(72.0));
  CHECK_FALSE(summarize_heel_rise(tests, {}, d - date::days{100}).has_value());
}

TEST_CASE("tendon: the heel-rise norm needs both the age and the sex", "[analyze][tendon]") {
  const std::vector<model::HeelRiseTest> tests{{ymd(2026, 11, 16), 25, 18}};
  model::AthleteProfile p;
  p.born_year = 1979;
  CHECK_FALSE(summarize_heel_rise(tests, p, ymd(2026, 11, 16))->norm.has_value());
  p.sex = model::Sex::female;
  const auto s = summarize_heel_rise(tests, p, ymd(2026, 11, 16));
  REQUIRE(s->norm);
  CHECK(s->norm->age == 47);
  CHECK(s->norm->band.from_age == 40);
  CHECK(s->norm->typical == 24);
  p.sex = model::Sex::male;
  CHECK(summarize_heel_rise(tests, p, ymd(2026, 11, 16))->norm->typical == 28);
  p.born_year = 2010;  // 16: below the norms' 20-79
  CHECK_FALSE(summarize_heel_rise(tests, p, ymd(2026, 11, 16))->norm.has_value());
  CHECK(age_in(1979, ymd(2026, 1, 1)) == 47);
  CHECK(age_in(1979, ymd(2026, 12, 31)) == 47);
}

TEST_CASE("tendon: the VISA-A against recovery at 90 and a change of 14 points",
          "[analyze][tendon]") {
  const auto d = ymd(2026, 8, 2);
  using model::VisaBranch;
  // 6 x 10 + 10 + 20 (branch B) = 90: recovered, exactly on the line.
  const auto at_90 = visa_on(d, 10, 10, VisaBranch::b, 20);
  REQUIRE(at_90.score() == 90);
  // 6 x 10 + 10 + 14 = 84.
  const auto at_84 = visa_on(d - date::weeks{2}, 10, 10, VisaBranch::a, 14);
  // 6 x 8 + 7 + 21 = 76: 14 below 90.
  const auto at_76 = visa_on(d - date::weeks{4}, 8, 7, VisaBranch::a, 21);
  // 6 x 8 + 7 + 20 (branch B) = 75.
  const auto at_75 = visa_on(d - date::weeks{6}, 8, 7, VisaBranch::b, 20);
  REQUIRE(at_84.score() == 84);
  REQUIRE(at_76.score() == 76);
  REQUIRE(at_75.score() == 75);

  auto s = summarize_visa(std::vector{at_84, at_90}, d);
  REQUIRE(s);
  CHECK(s->latest.score() == 90);
  CHECK(s->recovered);
  CHECK(s->change == 6);
  CHECK_FALSE(s->change_matters);

  s = summarize_visa(std::vector{at_76, at_90}, d);
  CHECK(s->change == 14);
  CHECK(s->change_matters);  // 14 points or more

  s = summarize_visa(std::vector{at_75, at_76, at_84}, d);
  CHECK(s->latest.score() == 84);
  CHECK_FALSE(s->recovered);
  CHECK(s->previous->score() == 76);
  CHECK(s->change == 8);

  // As of the first questionnaire: the later one is not seen, none before it.
  s = summarize_visa(std::vector{at_84, at_90}, d - date::weeks{2});
  REQUIRE(s);
  CHECK(s->latest.score() == 84);
  CHECK_FALSE(s->previous.has_value());
  CHECK_FALSE(s->change.has_value());
  CHECK_FALSE(summarize_visa(std::vector{at_90}, d - date::days{1}).has_value());
}

TEST_CASE("tendon: rehab by week counts exercises, days and the worst pain", "[analyze][tendon]") {
  const auto monday = ymd(2026, 11, 16);
  auto session = [](date::sys_days day, std::optional<int> pain) {
    model::RehabSession s;
    s.date = day;
    s.exercise = "seated-calf-raise";
    s.pain = pain;
    return s;
  };
  const std::vector<model::RehabSession> sessions{
      session(monday - date::days{1}, 9),  // the Sunday before
      session(monday, 2),
      session(monday, std::nullopt),
      session(monday + date::days{6}, 4),
      session(monday + date::days{7}, 8),  // the Monday after
  };
  const auto week = rehab_week(sessions, monday);
  CHECK(week.sessions == 3);
  CHECK(week.days == 2);
  CHECK(week.max_pain == 4);
  CHECK_FALSE(rehab_week({}, monday).max_pain.has_value());
}

TEST_CASE("tendon: a course's phase on a day", "[analyze][tendon]") {
  model::Medication cipro;
  cipro.name = "ciprofloxacin";
  cipro.kind = model::MedicationKind::fluoroquinolone;
  cipro.from = ymd(2026, 10, 21);
  cipro.to = ymd(2026, 10, 27);
  model::Medication other = cipro;
  other.kind = model::MedicationKind::other;
  const std::vector<model::Medication> both{cipro, other};
  const auto phase_on = [&](date::sys_days day) {
    return std::string(medication_status(both, day).front().phase);
  };
  CHECK(phase_on(ymd(2026, 10, 20)).empty());
  CHECK(phase_on(ymd(2026, 10, 21)) == "course");
  CHECK(phase_on(ymd(2026, 10, 27)) == "course");
  CHECK(phase_on(ymd(2026, 10, 28)) == "caution");
  CHECK(phase_on(ymd(2026, 10, 27) + date::days{60}) == "caution");
  CHECK(phase_on(ymd(2026, 10, 27) + date::days{61}) == "info");
  CHECK(phase_on(ymd(2026, 10, 27) + date::days{180}) == "info");
  CHECK(phase_on(ymd(2026, 10, 27) + date::days{181}).empty());
  const auto status = medication_status(both, ymd(2026, 10, 22));
  CHECK_FALSE(status[1].window.has_value());
  CHECK(status[1].phase.empty());
}
