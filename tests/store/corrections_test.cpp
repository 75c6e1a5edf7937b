// Data a runner can correct (issue 13): deleted activities stay deleted,
// fields set by hand survive imports, a zone change re-derives both kinds of
// source, failed files are remembered, and a stored value a report cannot use
// is named. Every expected value is worked out by hand in the comments.

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include <runload/app/import_pipeline.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include "support/activities.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::csv_row;
using test::track;
using test::utc;

namespace {

store::Athlete make_athlete(store::Database& db, const std::string& zone = "UTC") {
  return store::resolve_athlete(db, {std::string("ann"), zone}).athlete;
}

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

model::Activity wall_clock_row(date::sys_seconds start, double distance_m) {
  auto a = csv_row(start, distance_m, std::nullopt);
  a.offset_origin = model::OffsetOrigin::wall_clock;
  return a;
}

}  // namespace

TEST_CASE("corrections: a deleted run stays deleted when the same run comes again, by the rule",
          "[store][corrections]") {
  auto db = store::Database::open_in_memory();
  const auto ann = make_athlete(db).id;
  store::ActivityRepository repo(db);
  const auto start = utc("2024-03-16T09:00:00Z");
  const auto id = repo.insert(ann, csv_row(start, 10000.0, std::nullopt), "aa");
  const auto removed = repo.remove(ann, {id});
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].id == id);
  CHECK_FALSE(repo.find(id));
  CHECK(repo.holds_deleted(ann, "aa"));
  CHECK_FALSE(repo.holds_deleted(ann, "bb"));

  // 119 s later and 10,900 m (9% more): the same run, from another file.
  const auto same = csv_row(start + 119s, 10900.0, std::nullopt);
  auto outcome = repo.store(ann, same, "bb");
  CHECK(outcome.kind == store::StoreOutcome::Kind::deleted);
  CHECK(outcome.activity_id == id);
  CHECK(repo.list(ann, {}).empty());

  // --undelete forgets the deletion: stored, and stored for good.
  outcome = repo.store(ann, same, "bb", store::Undelete::yes);
  CHECK(outcome.kind == store::StoreOutcome::Kind::inserted);
  CHECK_FALSE(repo.holds_deleted(ann, "aa"));
  CHECK(db.sql().execAndGet("SELECT count(*) FROM deleted_activities").getInt() == 0);
}

TEST_CASE("corrections: a run just outside the same-run rule is not kept out by a deletion",
          "[store][corrections]") {
  const auto start = utc("2024-03-16T09:00:00Z");
  const auto after_deleting = [&](const model::Activity& incoming) {
    auto db = store::Database::open_in_memory();
    const auto ann = make_athlete(db).id;
    store::ActivityRepository repo(db);
    repo.remove(ann, {repo.insert(ann, csv_row(start, 10000.0, std::nullopt), "aa")});
    return repo.store(ann, incoming, "bb").kind;
  };
  using Kind = store::StoreOutcome::Kind;
  CHECK(after_deleting(csv_row(start + 120s, 11000.0, std::nullopt)) == Kind::deleted);
  // 121 s later: another run.
  CHECK(after_deleting(csv_row(start + 121s, 10000.0, std::nullopt)) == Kind::inserted);
  // 11,100 m, 11% more, at the same start: another run too.
  CHECK(after_deleting(csv_row(start, 11100.0, std::nullopt)) == Kind::inserted);
}

TEST_CASE("corrections: fields set by hand are kept when the same run is imported again",
          "[store][corrections]") {
  auto db = store::Database::open_in_memory();
  const auto ann = make_athlete(db).id;
  store::ActivityRepository repo(db);
  const auto start = utc("2024-03-16T09:00:00Z");
  const auto id = repo.insert(ann, csv_row(start, 10000.0, 3600s), "aa");
  store::ActivityEdit edit;
  edit.sport = model::Sport::other;
  edit.name = "Car ride";
  edit.gear = "";
  const auto stored = repo.set_fields(id, edit);
  CHECK(stored.sport == model::Sport::other);
  CHECK(stored.name == "Car ride");
  CHECK_FALSE(stored.gear);
  const auto details = repo.details(ann, id);
  REQUIRE(details);
  CHECK(std::is_permutation(details->edited.begin(), details->edited.end(),
                            std::vector<std::string>{"sport", "name", "gear"}.begin()));

  // The run's GPX track (a new format: merged) with a name, a sport and
  // gear of its own: the hand-set fields stay, the track's data joins.
  auto gpx = track(start + 5s, 10050.0, 3590s);
  gpx.name = "Morning Run";
  gpx.gear = "Pegasus 40";
  const auto outcome = repo.store(ann, gpx, "bb");
  REQUIRE(outcome.kind == store::StoreOutcome::Kind::merged);
  const auto merged = repo.find(id);
  REQUIRE(merged);
  CHECK(merged->sport == model::Sport::other);
  CHECK(merged->name == "Car ride");
  CHECK_FALSE(merged->gear);
  CHECK(merged->has_track());
  CHECK(merged->sources.size() == 2);
}

TEST_CASE(
    "corrections: a zone change keeps a UTC source's instant and a wall-clock source's wall time",
    "[store][corrections][time]") {
  auto db = store::Database::open_in_memory();
  const auto athlete = make_athlete(db, "UTC");
  store::ActivityRepository repo(db);
  // A runload CSV row at 23:30 on Sunday 2024-01-21 (wall clock, read in UTC).
  const auto wall =
      repo.insert(athlete.id, wall_clock_row(utc("2024-01-21T23:30:00Z"), 10000.0), "aa");
  // A GPX track at 23:30 UTC on Sunday 2024-03-17 (an instant).
  const auto instant =
      repo.insert(athlete.id, track(utc("2024-03-17T23:30:00Z"), 5000.0, 1800s), "bb");
  // A GPX track whose file stated +02:00.
  auto stated = track(utc("2024-03-19T05:00:00Z"), 5000.0, 1800s);
  stated.offset_origin = model::OffsetOrigin::file;
  stated.utc_offset = 2h;
  const auto file = repo.insert(athlete.id, stated, "cc");

  const auto change = store::set_time_zone(db, athlete, "Europe/Berlin");
  CHECK(change.previous == "UTC");
  CHECK(change.wall_times_kept == 1);
  CHECK(change.instants_moved == 1);
  CHECK(change.instants_kept == 1);
  CHECK(change.dates_moved == 1);
  CHECK(change.file_offsets == 1);

  // Berlin is UTC+1 in January: 23:30 there is 22:30 UTC, the same day.
  const auto w = repo.find(wall);
  CHECK(w->start_utc == utc("2024-01-21T22:30:00Z"));
  CHECK(w->utc_offset == 1h);
  CHECK(w->local_date() == day(2024, 1, 21));
  // And UTC+1 on 17 March (summer time begins on the 31st): 00:30 on Monday.
  const auto i = repo.find(instant);
  CHECK(i->start_utc == utc("2024-03-17T23:30:00Z"));
  CHECK(i->utc_offset == 1h);
  CHECK(i->local_date() == day(2024, 3, 18));
  const auto f = repo.find(file);
  CHECK(f->start_utc == utc("2024-03-19T05:00:00Z"));
  CHECK(f->utc_offset == 2h);

  // Back to UTC: every activity is where it began.
  const auto back = store::set_time_zone(db, store::find_athlete(db, "ann", "NAME"), "UTC");
  CHECK(back.instants_moved == 1);
  CHECK(back.dates_moved == 1);
  CHECK(repo.find(wall)->start_utc == utc("2024-01-21T23:30:00Z"));
  CHECK(repo.find(instant)->local_date() == day(2024, 3, 17));
}

TEST_CASE("corrections: a file that failed is remembered by content until forgotten",
          "[store][corrections][import]") {
  auto db = store::Database::open_in_memory();
  const auto ann = make_athlete(db).id;
  store::ActivityRepository repo(db);
  repo.record_failed_file({ann, "aa", "bad.gpx", "bad.gpx:4: not well-formed"});
  // Recording the same content again (another path) keeps one row.
  repo.record_failed_file({ann, "aa", "copy.gpx", "copy.gpx:4: not well-formed"});
  CHECK(repo.failed_hashes(ann) == std::unordered_set<std::string>{"aa"});
  CHECK(db.sql().execAndGet("SELECT count(*) FROM failed_files").getInt() == 1);
  repo.forget_failed_file(ann, "aa");
  CHECK(repo.failed_hashes(ann).empty());
}

TEST_CASE("corrections: a local date past year 9999 or an offset past 18 h is named, not thrown",
          "[store][corrections]") {
  auto db = store::Database::open_in_memory();
  const auto ann = make_athlete(db).id;
  store::ActivityRepository repo(db);
  const auto good = repo.insert(ann, csv_row(utc("2024-03-16T09:00:00Z"), 10000.0, 3600s), "aa");
  db.sql().exec(fmt::format(
      "INSERT INTO activities(id, athlete_id, start_utc, utc_offset_s, offset_origin, local_date, "
      "sport, created_at) VALUES (100, {0}, 253402297200, 3600, 'zone', '10000-01-01', 'run', "
      "'2024-01-01T00:00:00Z'), (101, {0}, 1710579600, 68400, 'file', '2024-03-17', 'run', "
      "'2024-01-01T00:00:00Z')",
      ann));
  const auto unusable = repo.unusable(ann);
  REQUIRE(unusable.size() == 2);
  CHECK(std::set<std::int64_t>{unusable[0].id, unusable[1].id} == std::set<std::int64_t>{100, 101});
  // The report's quick check of the whole history finds the same two.
  const auto quick = repo.unusable(ann, store::UnusableCheck::dates_and_offsets);
  REQUIRE(quick.size() == 2);
  CHECK(quick[0].id == unusable[0].id);
  CHECK(quick[1].id == unusable[1].id);
  CHECK(quick[0].reason == unusable[0].reason);
  std::vector<store::UnusableActivity> skipped;
  const auto listed = repo.list(ann, {}, store::WithHistograms::no, &skipped);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == good);
  CHECK(skipped.size() == 2);
  CHECK(repo.first_run_date(ann) == day(2024, 3, 16));
}

TEST_CASE("corrections: a start is plausible from 1990-01-01 to a day from now, both included",
          "[app][import][corrections]") {
  const auto now = utc("2024-03-16T12:00:00Z");
  const auto at = [](date::sys_seconds start) {
    auto a = csv_row(start, 10000.0, std::nullopt);
    a.name = "Run";
    return a;
  };
  CHECK_FALSE(app::implausible_start(at(utc("1990-01-01T00:00:00Z")), now));
  CHECK(app::implausible_start(at(utc("1989-12-31T23:59:59Z")), now));
  CHECK_FALSE(app::implausible_start(at(utc("2024-03-17T12:00:00Z")), now));
  const auto ahead = app::implausible_start(at(utc("2024-03-17T12:00:01Z")), now);
  REQUIRE(ahead);
  CHECK_THAT(*ahead, Catch::Contains("\"Run\"") && Catch::Contains("2024-03-17T12:00:01Z") &&
                         Catch::Contains("1990-01-01"));
  CHECK(app::implausible_start(at(utc("9999-12-31T23:00:00Z")), now));
}
