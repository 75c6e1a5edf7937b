#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include <runload/identity/activity_merge.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/transaction.hpp>
#include "support/activities.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::csv_row;
using test::track;
using test::utc;

namespace {

std::int64_t make_athlete(store::Database& db, const std::string& zone = "UTC") {
  return store::resolve_athlete(db, {std::string("ann"), zone}).athlete.id;
}

std::int64_t count(store::Database& db, const std::string& table) {
  return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace

TEST_CASE("activity_repository: insert and find round-trip every field, histograms and nulls",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);

  auto full = track(utc("2024-01-07T08:00:00Z"), 10012.5, 3000s, "fit");
  full.utc_offset = 3600s;
  full.offset_origin = model::OffsetOrigin::file;
  full.sport = model::Sport::trail_run;
  full.gear = "Pegasus 40";
  full.sources.push_back({"strava_csv", "export.zip!activities.csv", 7});
  const auto id = repo.insert(athlete, full, "aa11");
  const auto back = repo.find(id);
  REQUIRE(back.has_value());
  CHECK(back->id == id);
  CHECK(back->start_utc == full.start_utc);
  CHECK(back->utc_offset == 3600s);
  CHECK(back->offset_origin == model::OffsetOrigin::file);
  CHECK(back->sport == model::Sport::trail_run);
  CHECK(back->name == "track");
  CHECK(back->distance_m == 10012.5);
  CHECK(back->elapsed == 3000s);
  CHECK(back->moving == 2940s);
  CHECK(back->elevation_gain_m == 42.5);
  CHECK(back->elevation_loss_m == 40.0);
  CHECK(back->avg_hr == 150.0);
  CHECK(back->max_hr == 171.0);
  CHECK(back->avg_cadence == 172.0);
  CHECK(back->max_cadence == 190.0);
  CHECK(back->gear == "Pegasus 40");
  REQUIRE(back->speed_histogram.has_value());
  CHECK(back->speed_histogram->metres == full.speed_histogram->metres);
  CHECK(back->speed_histogram->distance_at_or_above(3.5) == Approx(1000.5));
  REQUIRE(back->grade_histogram.has_value());
  CHECK(back->grade_histogram->origin == model::k_grade_origin_pct);
  CHECK(back->grade_histogram->metres == full.grade_histogram->metres);
  REQUIRE(back->heart_rate_histogram.has_value());
  CHECK(back->heart_rate_histogram->origin == model::k_heart_rate_origin_bpm);
  CHECK(back->heart_rate_histogram->metres == full.heart_rate_histogram->metres);
  CHECK(back->heart_rate_histogram->metres[120] == 1800.0);  // 150 bpm
  CHECK(back->heart_rate_histogram->total() == 3000.0);
  REQUIRE(back->sources.size() == 2);
  CHECK(back->sources[0].format == "fit");
  CHECK_FALSE(back->sources[0].line.has_value());
  CHECK(back->sources[1].file == "export.zip!activities.csv");
  CHECK(back->sources[1].line == 7);

  model::Activity bare;
  bare.start_utc = utc("2024-01-08T08:00:00Z");
  bare.sport = model::Sport::walk;
  bare.sources.push_back({"runload_csv", "log.csv", 3});
  const auto bare_back = repo.find(repo.insert(athlete, bare, "bb22"));
  REQUIRE(bare_back.has_value());
  CHECK_FALSE(bare_back->distance_m.has_value());
  CHECK_FALSE(bare_back->elapsed.has_value());
  CHECK_FALSE(bare_back->moving.has_value());
  CHECK_FALSE(bare_back->elevation_gain_m.has_value());
  CHECK_FALSE(bare_back->avg_hr.has_value());
  CHECK_FALSE(bare_back->max_cadence.has_value());
  CHECK_FALSE(bare_back->gear.has_value());
  CHECK_FALSE(bare_back->speed_histogram.has_value());
  CHECK_FALSE(bare_back->grade_histogram.has_value());
  CHECK_FALSE(bare_back->heart_rate_histogram.has_value());
  CHECK(db.sql().execAndGet("SELECT count(*) FROM activities WHERE hr_hist IS NULL").getInt() == 1);
  CHECK(bare_back->sport == model::Sport::walk);
}

TEST_CASE("activity_repository: a histogram takes 4 bytes per bin up to the last non-empty one",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  auto run = track(utc("2024-01-07T08:00:00Z"), 10000.0, 3000s);
  run.speed_histogram->metres.resize(200, 0.0);  // trailing empty bins are not stored
  const auto id = repo.insert(athlete, run, "aa");
  SQLite::Statement q(db.sql(),
                      "SELECT length(speed_hist), length(grade_hist), length(hr_hist) FROM "
                      "activities WHERE id = ?");
  q.bind(1, id);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 36 * 4);   // 3.5 m/s is bin 35
  CHECK(q.getColumn(1).getInt() == 56 * 4);   // +5% is bin 55 from -50%
  CHECK(q.getColumn(2).getInt() == 136 * 4);  // 165 bpm is bin 135 from 30

  SECTION("an empty histogram is stored as known and empty, not as unknown") {
    auto still = track(utc("2024-02-07T08:00:00Z"), 0.0, 600s);
    still.speed_histogram->metres.clear();
    const auto back = repo.find(repo.insert(athlete, still, "bb"));
    REQUIRE(back->speed_histogram.has_value());
    CHECK(back->speed_histogram->empty());
  }
}

TEST_CASE("activity_repository: a non-finite number or a foreign histogram is refused",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  auto nan_run = csv_row(utc("2024-01-07T08:00:00Z"), std::nan(""), 3000s);
  CHECK_THROWS_WITH(repo.insert(athlete, nan_run, "aa"), Catch::Contains("distance_m"));
  auto odd = track(utc("2024-01-07T08:00:00Z"), 10000.0, 3000s);
  odd.speed_histogram->width = 0.5;
  CHECK_THROWS_AS(repo.insert(athlete, odd, "aa"), std::invalid_argument);
  auto odd_hr = track(utc("2024-01-07T08:00:00Z"), 10000.0, 3000s);
  odd_hr.heart_rate_histogram->origin = 0.0;
  CHECK_THROWS_WITH(repo.insert(athlete, odd_hr, "aa"), Catch::Contains("heart-rate histogram"));
}

TEST_CASE(
    "activity_repository: the same run is a start within 120 s and distance or duration "
    "within 10%",
    "[store][activities][merge]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  const auto start = utc("2024-01-07T08:00:00Z");
  repo.insert(athlete, csv_row(start, 10000.0, 3000s), "aa");

  CHECK(repo.find_same_run(athlete, track(start + 119s, 10000.0, 3000s)));
  CHECK(repo.find_same_run(athlete, track(start - 120s, 10000.0, 3000s)));
  CHECK_FALSE(repo.find_same_run(athlete, track(start + 121s, 10000.0, 3000s)));
  CHECK_FALSE(repo.find_same_run(athlete, track(start - 121s, 10000.0, 3000s)));

  CHECK(repo.find_same_run(athlete, track(start, 10990.0, std::nullopt)));        // +9.9%
  CHECK_FALSE(repo.find_same_run(athlete, track(start, 11010.0, std::nullopt)));  // +10.1%
  CHECK(repo.find_same_run(athlete, track(start, 9100.0, std::nullopt)));         // 10000 is +9.9%
  CHECK_FALSE(repo.find_same_run(athlete, track(start, 9000.0, std::nullopt)));   // +11.1%

  // Duration alone: distances 20% apart (or one unknown), elapsed 5% apart.
  CHECK(repo.find_same_run(athlete, track(start, 12000.0, 3150s)));
  CHECK(repo.find_same_run(athlete, track(start, std::nullopt, 3150s)));
  CHECK_FALSE(repo.find_same_run(athlete, track(start, 12000.0, 3400s)));
  CHECK_FALSE(repo.find_same_run(athlete, track(start, std::nullopt, std::nullopt)));

  SECTION("another athlete's run is never the same run") {
    const auto bob = store::resolve_athlete(db, {std::string("bob"), std::string("UTC")});
    CHECK_FALSE(repo.find_same_run(bob.athlete.id, track(start, 10000.0, 3000s)));
  }
  SECTION("of two candidates the nearest start wins") {
    const auto near_id = repo.insert(athlete, csv_row(start + 100s, 10000.0, 3000s), "bb");
    const auto found = repo.find_same_run(athlete, track(start + 90s, 10000.0, 3000s));
    REQUIRE(found);
    CHECK(found->id == near_id);
  }
}

TEST_CASE(
    "activity_repository: a track merged into a CSV row keeps the row's name, sport and "
    "gear and the track's metrics, and lists both sources",
    "[store][activities][merge]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  const auto start = utc("2024-01-07T08:00:00Z");

  auto row = csv_row(start, 10100.0, 3060s);
  row.name = "Tempo with Anna";
  row.sport = model::Sport::trail_run;
  row.gear = "Speedgoat 5";
  const auto first = repo.store(athlete, row, "row-sha");
  CHECK(first.kind == store::StoreOutcome::Kind::inserted);

  auto gpx = track(start + 30s, 10000.0, 3000s);
  gpx.name = "Morning Run";
  const auto second = repo.store(athlete, gpx, "gpx-sha");
  CHECK(second.kind == store::StoreOutcome::Kind::merged);
  CHECK(second.activity_id == first.activity_id);
  CHECK(count(db, "activities") == 1);

  const auto merged = repo.find(first.activity_id);
  REQUIRE(merged);
  CHECK(merged->name == "Tempo with Anna");
  CHECK(merged->sport == model::Sport::trail_run);
  CHECK(merged->gear == "Speedgoat 5");
  CHECK(merged->start_utc == start + 30s);
  CHECK(merged->distance_m == 10000.0);
  CHECK(merged->elapsed == 3000s);
  CHECK(merged->avg_hr == 150.0);
  CHECK(merged->speed_histogram.has_value());
  REQUIRE(merged->sources.size() == 2);
  CHECK(merged->sources[0].format == "runload_csv");
  CHECK(merged->sources[1].format == "gpx");
  SQLite::Statement shas(db.sql(), "SELECT file_hash FROM activity_sources ORDER BY id");
  std::vector<std::string> got;
  while (shas.executeStep()) got.push_back(shas.getColumn(0).getString());
  CHECK(got == std::vector<std::string>{"row-sha", "gpx-sha"});

  SECTION("the other order gives the same activity") {
    auto db2 = store::Database::open_in_memory();
    const auto athlete2 = make_athlete(db2);
    store::ActivityRepository repo2(db2);
    repo2.store(athlete2, gpx, "gpx-sha");
    const auto outcome = repo2.store(athlete2, row, "row-sha");
    CHECK(outcome.kind == store::StoreOutcome::Kind::merged);
    const auto other = repo2.find(outcome.activity_id);
    CHECK(other->name == merged->name);
    CHECK(other->gear == merged->gear);
    CHECK(other->sport == merged->sport);
    CHECK(other->distance_m == merged->distance_m);
    CHECK(other->start_utc == merged->start_utc);
  }
  SECTION("the same run from a source format already stored is a duplicate and changes nothing") {
    auto again = track(start + 10s, 10050.0, 3010s);
    again.name = "Other name";
    again.sources[0].file = "copy/run.gpx";
    const auto outcome = repo.store(athlete, again, "other-sha");
    CHECK(outcome.kind == store::StoreOutcome::Kind::duplicate);
    const auto unchanged = repo.find(first.activity_id);
    CHECK(unchanged->sources.size() == 2);
    CHECK(unchanged->distance_m == 10000.0);
    CHECK(count(db, "activity_sources") == 2);
  }
}

TEST_CASE("activity_repository: imported files are known by athlete and hash",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto ann = make_athlete(db);
  const auto bob = store::resolve_athlete(db, {std::string("bob"), std::string("UTC")}).athlete.id;
  store::ActivityRepository repo(db);
  CHECK_FALSE(repo.is_file_imported(ann, "abc"));
  repo.record_imported_file({ann, "abc", "run.gpx", "gpx", 1});
  repo.record_imported_file({ann, "abc", "copy.gpx", "gpx", 1});  // already known: kept as is
  CHECK(repo.is_file_imported(ann, "abc"));
  CHECK_FALSE(repo.is_file_imported(bob, "abc"));
  CHECK(count(db, "imported_files") == 1);
}

TEST_CASE("activity_repository: list filters by local date, oldest first, with sources",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  for (const char* start : {"2024-01-09T07:00:00Z", "2024-01-07T07:00:00Z", "2024-01-08T07:00:00Z",
                            "2024-01-10T07:00:00Z"})
    repo.insert(athlete, track(utc(start), 5000.0, 1800s), "aa");
  const auto day = [](int d) { return date::sys_days{date::year{2024} / 1 / d}; };

  const auto all = repo.list(athlete, {});
  REQUIRE(all.size() == 4);
  CHECK(all.front().local_date() == day(7));
  CHECK(all.back().local_date() == day(10));
  CHECK(all.front().sources.size() == 1);
  CHECK_FALSE(all.front().speed_histogram.has_value());  // not asked for

  const auto some = repo.list(athlete, {day(8), day(9)});
  REQUIRE(some.size() == 2);
  CHECK(some[0].local_date() == day(8));
  CHECK(some[1].local_date() == day(9));
  CHECK(repo.list(athlete, {day(10), std::nullopt}).size() == 1);
  CHECK(repo.list(athlete, {std::nullopt, day(7)}).size() == 1);

  const auto analysed = repo.between(athlete, day(7), day(8));
  REQUIRE(analysed.size() == 2);
  CHECK(analysed[0].speed_histogram.has_value());
  CHECK(analysed[0].grade_histogram.has_value());
  CHECK(analysed[0].sources.size() == 1);
}

TEST_CASE("activity_repository: the analyzer's query uses the local-date index",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  SQLite::Statement plan(db.sql(),
                         "EXPLAIN QUERY PLAN SELECT * FROM activities WHERE athlete_id = 1 AND "
                         "local_date BETWEEN '2024-01-01' AND '2024-02-01' ORDER BY start_utc, id");
  std::string text;
  while (plan.executeStep()) text += plan.getColumn(3).getString() + "\n";
  CHECK_THAT(text, Catch::Contains("activities_by_day_offset"));
}

TEST_CASE("activity_repository: finding the activity of a track file by its hash uses an index",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  SQLite::Statement plan(db.sql(),
                         "EXPLAIN QUERY PLAN SELECT a.id FROM activities a JOIN activity_sources s "
                         "ON s.activity_id = a.id WHERE a.athlete_id = 1 AND s.file_hash = 'ab' "
                         "ORDER BY a.id LIMIT 1");
  std::string text;
  while (plan.executeStep()) text += plan.getColumn(3).getString() + "\n";
  CHECK_THAT(text, Catch::Contains("activity_sources_by_file_hash"));
}

TEST_CASE("local dates: a run at 23:30 on a Sunday in Berlin stays on Sunday",
          "[store][activities][time]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db, "Europe/Berlin");
  store::ActivityRepository repo(db);
  const auto* berlin = date::locate_zone("Europe/Berlin");

  // Sunday 2024-01-07 23:30 CET is 22:30 UTC.
  auto winter = csv_row(utc("2024-01-07T22:30:00Z"), 10000.0, 3000s);
  winter.utc_offset = model::utc_offset_at(berlin, winter.start_utc);
  CHECK(winter.utc_offset == 3600s);
  // Sunday 2024-07-07 23:30 CEST is 21:30 UTC.
  auto summer = csv_row(utc("2024-07-07T21:30:00Z"), 10000.0, 3000s);
  summer.utc_offset = model::utc_offset_at(berlin, summer.start_utc);
  CHECK(summer.utc_offset == 7200s);
  repo.insert(athlete, winter, "aa");
  repo.insert(athlete, summer, "bb");

  const auto all = repo.list(athlete, {});
  REQUIRE(all.size() == 2);
  for (const auto& a : all) {
    CHECK(date::weekday{a.local_date()} == date::Sunday);
    CHECK((a.start_utc + a.utc_offset - a.local_date()) == 23h + 30min);
  }
  SQLite::Statement q(db.sql(), "SELECT local_date FROM activities ORDER BY start_utc");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "2024-01-07");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "2024-07-07");
}

TEST_CASE("local dates: a run across a daylight-saving change keeps the day of its start",
          "[store][activities][time]") {
  const auto* berlin = date::locate_zone("Europe/Berlin");
  // Saturday 2024-10-26 23:30 CEST (21:30 UTC): a four-hour night run ends
  // after clocks went back at 03:00 CEST (01:00 UTC) on Sunday.
  const auto autumn = utc("2024-10-26T21:30:00Z");
  CHECK(model::utc_offset_at(berlin, autumn) == 7200s);
  CHECK(model::utc_offset_at(berlin, autumn + 4h) == 3600s);
  CHECK(model::local_day(autumn, model::utc_offset_at(berlin, autumn)) ==
        date::sys_days{date::year{2024} / 10 / 26});
  // Sunday 02:45 CEST (00:45 UTC): half an hour later the clock reads 02:15 CET.
  const auto early = utc("2024-10-27T00:45:00Z");
  CHECK(model::utc_offset_at(berlin, early) == 7200s);
  CHECK(model::local_day(early, model::utc_offset_at(berlin, early)) ==
        date::sys_days{date::year{2024} / 10 / 27});
  // Sunday 2024-03-31 00:30 CET is Saturday 23:30 UTC; clocks spring forward at 02:00.
  const auto spring = utc("2024-03-30T23:30:00Z");
  CHECK(model::local_day(spring, model::utc_offset_at(berlin, spring)) ==
        date::sys_days{date::year{2024} / 3 / 31});
  // Sunday 2024-03-31 03:30 CEST, after the change, is 01:30 UTC.
  const auto after = utc("2024-03-31T01:30:00Z");
  CHECK(model::utc_offset_at(berlin, after) == 7200s);
  CHECK(model::local_day(after, model::utc_offset_at(berlin, after)) ==
        date::sys_days{date::year{2024} / 3 / 31});
}

TEST_CASE("activity_repository: a zone change re-derives zone offsets and leaves file offsets",
          "[store][activities][time]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db, "UTC");
  store::ActivityRepository repo(db);
  // 23:30 UTC on Sunday 2024-01-07: Monday 00:30 in Berlin.
  const auto zone_id =
      repo.insert(athlete, csv_row(utc("2024-01-07T23:30:00Z"), 5000.0, 1800s), "aa");
  auto stated = csv_row(utc("2024-01-08T23:30:00Z"), 5000.0, 1800s);
  stated.offset_origin = model::OffsetOrigin::file;
  stated.utc_offset = -5h;
  const auto file_id = repo.insert(athlete, stated, "bb");
  // A midday run changes its offset but not its day.
  repo.insert(athlete, csv_row(utc("2024-01-09T12:00:00Z"), 5000.0, 1800s), "cc");

  const auto result = repo.rederive_local_dates(athlete, "Europe/Berlin");
  CHECK(result.offsets_changed == 2);
  CHECK(result.dates_changed == 1);
  const auto moved = repo.find(zone_id);
  CHECK(moved->utc_offset == 1h);
  CHECK(moved->local_date() == date::sys_days{date::year{2024} / 1 / 8});
  const auto kept = repo.find(file_id);
  CHECK(kept->utc_offset == -5h);
  CHECK(kept->local_date() == date::sys_days{date::year{2024} / 1 / 8});
  SQLite::Statement q(db.sql(), "SELECT local_date FROM activities WHERE id = ?");
  q.bind(1, zone_id);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "2024-01-08");
  CHECK(repo.list(athlete, {date::sys_days{date::year{2024} / 1 / 8},
                            date::sys_days{date::year{2024} / 1 / 8}})
            .size() == 2);
  CHECK(repo.rederive_local_dates(athlete, "Europe/Berlin").offsets_changed == 0);
}

TEST_CASE("activity_repository: a rolled-back transaction leaves nothing", "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  {
    store::WriteTransaction tx(db);
    repo.insert(athlete, track(utc("2024-01-07T08:00:00Z"), 5000.0, 1800s), "aa");
    repo.record_imported_file({athlete, "aa", "run.gpx", "gpx", 1});
  }
  CHECK(count(db, "activities") == 0);
  CHECK(count(db, "activity_sources") == 0);
  CHECK(count(db, "imported_files") == 0);
}

TEST_CASE("activity_repository: a row joins the activity of a known track whatever its distance",
          "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db);
  store::ActivityRepository repo(db);
  const auto stored_id =
      repo.store(athlete, track(utc("2024-01-07T08:00:00Z"), 10000.0, 3000s, "tcx"), "sha-track")
          .activity_id;
  CHECK_FALSE(repo.find_by_source_hash(athlete, "sha-other"));
  const auto stored = repo.find_by_source_hash(athlete, "sha-track");
  REQUIRE(stored);
  CHECK(stored->id == stored_id);

  // 30% shorter and 10 minutes later: not the same run by the rule...
  auto row = csv_row(utc("2024-01-07T08:10:00Z"), 7000.0, 2100s);
  row.name = "Named in Strava";
  CHECK_FALSE(identity::is_same_run(*stored, row));
  // ...but joined when the caller knows it is.
  const auto outcome = repo.store_into(*stored, row, "sha-csv");
  CHECK(outcome.kind == store::StoreOutcome::Kind::merged);
  CHECK(outcome.activity_id == stored_id);
  const auto merged = repo.find(stored_id);
  REQUIRE(merged);
  CHECK(merged->name == "Named in Strava");
  CHECK(merged->distance_m == Approx(10000.0));
  CHECK(merged->sources.size() == 2);
  CHECK(repo.store_into(*merged, row, "sha-csv").kind == store::StoreOutcome::Kind::duplicate);
  CHECK(count(db, "activities") == 1);
}
