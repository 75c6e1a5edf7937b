#include "history_db.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include <runload/model/histogram.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/journal_repository.hpp>
#include <runload/store/transaction.hpp>

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

// Distance per bin shaped like a real run: most of it near the run's pace,
// some at every speed up to a stride, grades spread around flat.
model::Activity daily_run(int day_index, date::sys_days day) {
  model::Activity a;
  const double km = 6.0 + (day_index * 37 % 11);
  a.start_utc =
      date::sys_seconds{day} + std::chrono::hours{6} + std::chrono::minutes{day_index % 50};
  a.utc_offset = std::chrono::hours{1};
  a.offset_origin = model::OffsetOrigin::zone;
  a.sport = model::Sport::run;
  a.name = "Morning Run";
  a.distance_m = km * 1000.0;
  a.elapsed = std::chrono::seconds{static_cast<long>(km * 330.0)};
  a.moving = std::chrono::seconds{static_cast<long>(km * 320.0)};
  a.elevation_gain_m = 40.0 + day_index % 120;
  a.elevation_loss_m = a.elevation_gain_m;
  a.avg_hr = 145.0;
  a.max_hr = 171.0;
  a.avg_cadence = 172.0;
  a.max_cadence = 186.0;
  auto speed = model::make_speed_histogram();
  speed.metres.assign(48, 0.0);
  for (std::size_t i = 0; i < speed.metres.size(); ++i)
    speed.metres[i] =
        *a.distance_m * std::exp(-std::pow((static_cast<double>(i) - 31.0) / 5.0, 2)) / 8.9;
  auto grade = model::make_grade_histogram();
  grade.metres.assign(100, 0.0);
  for (std::size_t i = 35; i < 66; ++i)
    grade.metres[i] =
        *a.distance_m * std::exp(-std::pow((static_cast<double>(i) - 50.0) / 4.0, 2)) / 7.1;
  a.speed_histogram = std::move(speed);
  a.grade_histogram = std::move(grade);
  a.sources.push_back(
      model::Source{"gpx", fmt::format("history/run_{:05}.gpx", day_index), std::nullopt});
  return a;
}

}  // namespace

void make_history_db(const fs::path& path, int days, date::sys_days last_day) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(path.string() + suffix));
  auto db = store::Database::open(path);
  const auto athlete =
      store::resolve_athlete(db, {std::string(k_history_athlete), std::string(k_history_zone)})
          .athlete;
  const date::sys_days first_day = last_day - date::days{days - 1};
  {
    store::WriteTransaction tx(db);
    store::ActivityRepository repository(db);
    for (int i = 0; i < days; ++i) {
      const auto day = first_day + date::days{i};
      repository.insert(athlete.id, daily_run(i, day), fmt::format("{:064x}", i + 1));
    }
    tx.commit();
  }
  std::vector<model::JournalEntry> entries;
  for (int i = 0; i < days; ++i) {
    model::JournalEntry e;
    e.date = first_day + date::days{i};
    e.stiffness = i % 3;
    e.stiffness_minutes = 5 * (i % 3);
    e.pain_run = i % 2;
    e.pain_after = i % 4 == 0 ? 1 : 0;
    entries.push_back(e);
  }
  store::JournalRepository(db, athlete.id).upsert_all(entries);
}

}  // namespace runload::bench
