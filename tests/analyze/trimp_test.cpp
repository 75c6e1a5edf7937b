#include <catch2/catch.hpp>

#include <cmath>

#include <runload/analyze/analysis.hpp>
#include <runload/analyze/trimp.hpp>

#include "analyze/builders.hpp"

using namespace runload;
using namespace runload::analyze;
using runload::analyze::test::run_on;
using runload::analyze::test::ymd;

namespace {

// `minutes` at a constant `bpm`.
model::Histogram constant_heart_rate(double bpm, double minutes) {
  auto h = model::make_heart_rate_histogram();
  h.add(bpm, minutes * 60.0, model::k_heart_rate_max_bins);
  return h;
}

model::Activity with_heart_rate(model::Activity a, double bpm, double minutes) {
  a.heart_rate_histogram = constant_heart_rate(bpm, minutes);
  return a;
}

constexpr HeartRateReserve k_reserve{50.0, 190.0};

}  // namespace

TEST_CASE("trimp: 30 minutes at 150 bpm, resting 50 and maximum 190, by hand", "[analyze][trimp]") {
  // HRr = (150 - 50) / (190 - 50) = 5/7 = 0.714286.
  // Men:   30 x 0.714286 x 0.64 x e^(1.92 x 0.714286) = 30 x 0.714286 x 0.64 x 3.94082 = 54.048.
  // Women: 30 x 0.714286 x 0.86 x e^(1.67 x 0.714286) = 30 x 0.714286 x 0.86 x 3.29623 = 60.750.
  const auto h = constant_heart_rate(150.0, 30.0);
  CHECK(reserve_fraction(150.0, k_reserve) == Approx(5.0 / 7.0));
  CHECK(banister_trimp(h, k_reserve, k_trimp_men) == Approx(54.048).epsilon(1e-4));
  CHECK(banister_trimp(h, k_reserve, k_trimp_women) == Approx(60.750).epsilon(1e-4));
}

TEST_CASE("trimp: the heart-rate reserve is clamped to 0 below rest and 1 above the maximum",
          "[analyze][trimp]") {
  CHECK(reserve_fraction(40.0, k_reserve) == 0.0);
  CHECK(reserve_fraction(200.0, k_reserve) == 1.0);
  // Below rest adds nothing; above the maximum counts as the maximum:
  // 10 x 1 x 0.64 x e^1.92 = 10 x 0.64 x 6.82096 = 43.654.
  CHECK(banister_trimp(constant_heart_rate(45.0, 60.0), k_reserve, k_trimp_men) == 0.0);
  CHECK(banister_trimp(constant_heart_rate(205.0, 10.0), k_reserve, k_trimp_men) ==
        Approx(43.654).epsilon(1e-4));
}

TEST_CASE("trimp: an unknown sex takes the men's factor, female the women's", "[analyze][trimp]") {
  CHECK(trimp_factor(std::nullopt).name == "men");
  CHECK(trimp_factor(model::Sex::male).name == "men");
  CHECK(trimp_factor(model::Sex::female).name == "women");
  // The men's factor is the lower at every reserve, so the stand-in never adds load.
  for (double x = 0.05; x <= 1.0; x += 0.05)
    CHECK(k_trimp_men.a * std::exp(k_trimp_men.b * x) <
          k_trimp_women.a * std::exp(k_trimp_women.b * x));
}

TEST_CASE("trimp: the reserve needs both heart rates, the resting one below the maximum",
          "[analyze][trimp]") {
  model::AthleteProfile p;
  CHECK_FALSE(heart_rate_reserve(p));
  p.hr_rest_bpm = 50;
  CHECK_FALSE(heart_rate_reserve(p));
  p.hr_max_bpm = 50;
  CHECK_FALSE(heart_rate_reserve(p));
  p.hr_max_bpm = 190;
  REQUIRE(heart_rate_reserve(p));
  CHECK(heart_rate_reserve(p)->rest_bpm == 50.0);
  CHECK(heart_rate_reserve(p)->max_bpm == 190.0);
}

TEST_CASE("trimp: a run without heart rate adds 0 and is counted in the coverage",
          "[analyze][trimp]") {
  const auto monday = ymd(2024, 6, 3);
  const std::vector<model::Activity> activities{
      with_heart_rate(run_on(monday, 8.0), 150.0, 30.0),
      run_on(monday + date::days{2}, 10.0),  // no heart rate
      with_heart_rate(run_on(monday + date::days{4}, 6.0), 150.0, 30.0),
  };
  const auto history = trimp_history(activities, monday - date::days{50}, monday + date::days{6},
                                     k_reserve, k_trimp_men);
  CHECK(history.daily.at(monday) == Approx(54.048).epsilon(1e-4));
  CHECK(history.daily.at(monday + date::days{2}) == 0.0);
  CHECK(history.daily.sum(monday, monday + date::days{6}) == Approx(2 * 54.048).epsilon(1e-4));
  CHECK(trimp_coverage(history, monday + date::days{6}) == std::pair{3, 2});
  // 42 days after the Monday it has left the window.
  CHECK(trimp_coverage(history, monday + date::days{42}) == std::pair{2, 1});
}

TEST_CASE("trimp: the report's fitness on heart rate decays one run's TRIMP as the distance's",
          "[analyze][trimp][fitness]") {
  const auto monday = ymd(2024, 6, 3);
  AnalysisInput input;
  input.activities = {with_heart_rate(run_on(monday, 8.0), 150.0, 30.0)};
  input.first_day = monday;
  input.week = monday;
  input.weeks = 1;
  input.tendon.profile.hr_rest_bpm = 50;
  input.tendon.profile.hr_max_bpm = 190;

  SECTION("without the heart rates there is none") {
    input.tendon.profile.hr_max_bpm.reset();
    CHECK_FALSE(runload::analyze::analyze(input).week.heart_rate_fitness);
  }
  SECTION("without a run with heart rate there is none") {
    input.activities = {run_on(monday, 8.0)};
    CHECK_FALSE(runload::analyze::analyze(input).week.heart_rate_fitness);
  }
  SECTION("on the Sunday, 6 days after the run") {
    const auto report = runload::analyze::analyze(input);
    REQUIRE(report.week.heart_rate_fitness);
    const auto& h = *report.week.heart_rate_fitness;
    // CTL(Sunday) = L x (1 - e^(-1/42)) x e^(-6/42); ATL the same with 7.
    const double load = 54.04768;
    CHECK(h.fitness.ctl_m ==
          Approx(load * (1.0 - std::exp(-1.0 / 42.0)) * std::exp(-6.0 / 42.0)).epsilon(1e-6));
    CHECK(h.fitness.atl_m ==
          Approx(load * (1.0 - std::exp(-1.0 / 7.0)) * std::exp(-6.0 / 7.0)).epsilon(1e-6));
    CHECK(h.factor == "men");
    CHECK_FALSE(h.sex_known);
    CHECK(h.runs == 1);
    CHECK(h.runs_with_heart_rate == 1);
    // The distance series is untouched: km a day as before.
    REQUIRE(report.week.fitness);
    CHECK(report.week.fitness->ctl_m ==
          Approx(8000.0 * (1.0 - std::exp(-1.0 / 42.0)) * std::exp(-6.0 / 42.0)));
  }
  SECTION("setting the heart rates later changes it without a re-import") {
    const double before = runload::analyze::analyze(input).week.heart_rate_fitness->fitness.ctl_m;
    input.tendon.profile.hr_rest_bpm = 60;
    input.tendon.profile.sex = model::Sex::female;
    const auto after = runload::analyze::analyze(input).week.heart_rate_fitness;
    REQUIRE(after);
    CHECK(after->factor == "women");
    CHECK(after->fitness.ctl_m != Approx(before));
  }
}
