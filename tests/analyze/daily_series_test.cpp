#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

#include <runload/analyze/daily_series.hpp>
#include <runload/analyze/runs.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using runload::analyze::test::ymd;

namespace {

// A run of `metres` on the local day `day`, started at 08:00 UTC that day.
Run run(date::sys_days day, double metres) {
  Run r;
  r.day = day;
  r.start_utc = date::sys_seconds{day} + std::chrono::hours{8};
  r.distance_m = metres;
  return r;
}

}  // namespace

TEST_CASE("daily_series: every day of [first, last] starts at 0", "[analyze][daily_series]") {
  const DailySeries week(ymd(2024, 1, 1), ymd(2024, 1, 7));
  CHECK(week.first() == ymd(2024, 1, 1));
  CHECK(week.last() == ymd(2024, 1, 7));
  for (auto day = ymd(2024, 1, 1); day <= ymd(2024, 1, 7); day += date::days{1}) {
    CAPTURE(date::format("%F", day));
    CHECK(week.at(day) == 0.0);
  }
  CHECK(week.sum(ymd(2024, 1, 1), ymd(2024, 1, 7)) == 0.0);

  // A series of one day.
  const DailySeries one(ymd(2024, 3, 10), ymd(2024, 3, 10));
  CHECK(one.first() == one.last());
  CHECK(one.at(ymd(2024, 3, 10)) == 0.0);
  // Across a leap day: 2024-02-28, 2024-02-29 and 2024-03-01, each 0 and each its own day.
  DailySeries leap(ymd(2024, 2, 28), ymd(2024, 3, 1));
  CHECK(leap.last() == ymd(2024, 3, 1));
  CHECK(leap.at(ymd(2024, 2, 29)) == 0.0);
  leap.add(ymd(2024, 2, 29), 4000.0);
  CHECK(leap.at(ymd(2024, 2, 28)) == 0.0);
  CHECK(leap.at(ymd(2024, 2, 29)) == 4000.0);
  CHECK(leap.at(ymd(2024, 3, 1)) == 0.0);
}

TEST_CASE("daily_series: at() of a day outside the series is 0", "[analyze][daily_series]") {
  DailySeries week(ymd(2024, 1, 1), ymd(2024, 1, 7));
  week.add(ymd(2024, 1, 1), 5000.0);
  week.add(ymd(2024, 1, 7), 8000.0);
  CHECK(week.at(ymd(2024, 1, 1)) == 5000.0);
  CHECK(week.at(ymd(2024, 1, 7)) == 8000.0);
  CHECK(week.at(ymd(2023, 12, 31)) == 0.0);
  CHECK(week.at(ymd(2024, 1, 8)) == 0.0);
  CHECK(week.at(ymd(1970, 1, 1)) == 0.0);
  CHECK(week.at(ymd(2100, 1, 1)) == 0.0);
  CHECK(DailySeries{}.at(ymd(2024, 1, 1)) == 0.0);
}

TEST_CASE("daily_series: sum() is inclusive at both ends and 0 when from > to",
          "[analyze][daily_series]") {
  DailySeries week(ymd(2024, 1, 1), ymd(2024, 1, 7));
  // Powers of two, so every sum names the days it took: 1000 on the 1st,
  // 2000 on the 2nd, 4000 on the 3rd, 8000 on the 4th.
  week.add(ymd(2024, 1, 1), 1000.0);
  week.add(ymd(2024, 1, 2), 2000.0);
  week.add(ymd(2024, 1, 3), 4000.0);
  week.add(ymd(2024, 1, 4), 8000.0);
  CHECK(week.sum(ymd(2024, 1, 2), ymd(2024, 1, 3)) == 6000.0);  // 2nd + 3rd
  CHECK(week.sum(ymd(2024, 1, 2), ymd(2024, 1, 2)) == 2000.0);  // one day
  CHECK(week.sum(ymd(2024, 1, 1), ymd(2024, 1, 7)) == 15000.0);
  CHECK(week.sum(ymd(2024, 1, 4), ymd(2024, 1, 7)) == 8000.0);
  CHECK(week.sum(ymd(2024, 1, 3), ymd(2024, 1, 2)) == 0.0);
  CHECK(week.sum(ymd(2024, 1, 7), ymd(2024, 1, 1)) == 0.0);
  // Days outside the series count as 0, so a wider range sums the same.
  CHECK(week.sum(ymd(2023, 12, 1), ymd(2024, 2, 1)) == 15000.0);
  CHECK(week.sum(ymd(2023, 12, 1), ymd(2023, 12, 31)) == 0.0);
}

TEST_CASE("daily_series: from_runs ignores the runs whose local day is outside [first, last]",
          "[analyze][daily_series]") {
  const std::vector<Run> runs{run(ymd(2023, 12, 31), 11000.0), run(ymd(2024, 1, 1), 5000.0),
                              run(ymd(2024, 1, 7), 7000.0), run(ymd(2024, 1, 8), 13000.0)};
  const auto series = DailySeries::from_runs(runs, ymd(2024, 1, 1), ymd(2024, 1, 7));
  CHECK(series.first() == ymd(2024, 1, 1));
  CHECK(series.last() == ymd(2024, 1, 7));
  CHECK(series.at(ymd(2024, 1, 1)) == 5000.0);
  CHECK(series.at(ymd(2024, 1, 7)) == 7000.0);
  CHECK(series.at(ymd(2023, 12, 31)) == 0.0);
  CHECK(series.at(ymd(2024, 1, 8)) == 0.0);
  // 5000 + 7000: the runs of 2023-12-31 and 2024-01-08 are not in the series.
  CHECK(series.sum(ymd(2023, 12, 1), ymd(2024, 2, 1)) == 12000.0);
}

TEST_CASE("daily_series: a run counts on its local day, not its UTC day",
          "[analyze][daily_series]") {
  // 00:30 on 2024-01-01 at UTC+1 started at 23:30 UTC on 2023-12-31.
  Run new_year = run(ymd(2024, 1, 1), 6000.0);
  new_year.start_utc =
      date::sys_seconds{ymd(2023, 12, 31)} + std::chrono::hours{23} + std::chrono::minutes{30};
  const std::vector<Run> runs{new_year};
  const auto series = DailySeries::from_runs(runs, ymd(2024, 1, 1), ymd(2024, 1, 7));
  CHECK(series.at(ymd(2024, 1, 1)) == 6000.0);
}

TEST_CASE("daily_series: several runs on one day are summed", "[analyze][daily_series]") {
  // 5000 + 3000 + 1500.5 + 0 (a run without a distance) = 9500.5 on the 2nd.
  const std::vector<Run> runs{run(ymd(2024, 1, 2), 5000.0), run(ymd(2024, 1, 3), 4000.0),
                              run(ymd(2024, 1, 2), 3000.0), run(ymd(2024, 1, 2), 1500.5),
                              run(ymd(2024, 1, 2), 0.0)};
  const auto series = DailySeries::from_runs(runs, ymd(2024, 1, 1), ymd(2024, 1, 7));
  CHECK(series.at(ymd(2024, 1, 2)) == 9500.5);
  CHECK(series.at(ymd(2024, 1, 3)) == 4000.0);
  CHECK(series.at(ymd(2024, 1, 1)) == 0.0);
  CHECK(series.sum(ymd(2024, 1, 1), ymd(2024, 1, 7)) == 13500.5);

  // add() accumulates the same way.
  DailySeries added(ymd(2024, 1, 1), ymd(2024, 1, 7));
  added.add(ymd(2024, 1, 5), 2500.0);
  added.add(ymd(2024, 1, 5), 2500.0);
  CHECK(added.at(ymd(2024, 1, 5)) == 5000.0);
}
