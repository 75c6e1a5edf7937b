#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/journal_repository.hpp>
#include "support/activities.hpp"

using namespace runload;
using namespace date::literals;

namespace {

date::sys_days march(unsigned day) {
  return date::sys_days{2024_y / date::March / day};
}

struct Fixture {
  store::Database db = store::Database::open_in_memory();
  std::int64_t athlete =
      store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")}).athlete.id;
  store::JournalRepository journal{db, athlete};
};

int count(store::Database& db, const char* table) {
  return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

}  // namespace

TEST_CASE("journal repository: a new entry is stored with unknown fields as NULL",
          "[store][journal]") {
  Fixture f;
  model::JournalEntry entry;
  entry.date = march(1);
  entry.stiffness = 3;
  const auto outcome = f.journal.upsert(entry);
  CHECK(outcome.created);
  const auto stored = f.journal.find(march(1));
  REQUIRE(stored);
  CHECK(stored->stiffness == 3);
  CHECK_FALSE(stored->pain_run);
  CHECK_FALSE(stored->pop);
  CHECK(f.db.sql()
            .execAndGet("SELECT pain_run IS NULL AND pop IS NULL FROM journal_entries")
            .getInt() == 1);
  CHECK(count(f.db, "journal_history") == 0);
}

TEST_CASE(
    "journal repository: a second entry updates the fields it gives, keeps the others, "
    "and writes the old row to history",
    "[store][journal]") {
  Fixture f;
  model::JournalEntry first;
  first.date = march(2);
  first.stiffness = 4;
  first.stiffness_minutes = 20;
  first.side = model::Side::left;
  first.note = "first";
  f.journal.upsert(first);

  model::JournalEntry second;
  second.date = march(2);
  second.stiffness = 6;
  second.pain_run = 2;
  const auto outcome = f.journal.upsert(second);
  CHECK_FALSE(outcome.created);
  CHECK(outcome.changed);

  const auto stored = f.journal.find(march(2));
  REQUIRE(stored);
  CHECK(stored->stiffness == 6);
  CHECK(stored->pain_run == 2);
  CHECK(stored->stiffness_minutes == 20);
  CHECK(stored->side == model::Side::left);
  CHECK(stored->note == "first");

  const auto history = f.journal.history(march(2));
  REQUIRE(history.size() == 1);
  CHECK(history[0].entry.stiffness == 4);
  CHECK_FALSE(history[0].entry.pain_run);
  CHECK(history[0].entry.note == "first");
  CHECK_FALSE(history[0].changed_at.empty());
  CHECK(count(f.db, "journal_entries") == 1);
}

TEST_CASE("journal repository: an upsert that changes nothing writes no history",
          "[store][journal]") {
  Fixture f;
  model::JournalEntry entry;
  entry.date = march(3);
  entry.stiffness = 2;
  f.journal.upsert(entry);
  const auto again = f.journal.upsert(entry);
  CHECK_FALSE(again.changed);
  CHECK(f.journal.history(march(3)).empty());
}

TEST_CASE("journal repository: notes are stored and returned verbatim", "[store][journal]") {
  Fixture f;
  const std::vector<std::string> notes{
      "it's \"fine\"",
      "line one\nline two\r\nthree",
      "emoji 🏃‍♀️🦶 and ünïcödé",
      "'); DROP TABLE journal_entries;--",
      std::string("nul \0 inside", 12),
      "",
  };
  unsigned day = 1;
  for (const auto& note : notes) {
    model::JournalEntry entry;
    entry.date = march(day++);
    entry.note = note;
    f.journal.upsert(entry);
  }
  const auto entries = f.journal.list();
  REQUIRE(entries.size() == notes.size());
  for (std::size_t i = 0; i < notes.size(); ++i) CHECK(entries[i].note == notes[i]);
  CHECK(count(f.db, "journal_entries") == static_cast<int>(notes.size()));
}

TEST_CASE("journal repository: list by date range, oldest first", "[store][journal]") {
  Fixture f;
  for (unsigned day : {5u, 1u, 3u, 9u}) {
    model::JournalEntry entry;
    entry.date = march(day);
    entry.stiffness = static_cast<int>(day);
    f.journal.upsert(entry);
  }
  const auto all = f.journal.list();
  REQUIRE(all.size() == 4);
  CHECK(all.front().date == march(1));
  CHECK(all.back().date == march(9));
  const auto some = f.journal.list(march(3), march(5));
  REQUIRE(some.size() == 2);
  CHECK(some[0].date == march(3));
  CHECK(some[1].date == march(5));
  CHECK(f.journal.list(march(6)).size() == 1);
  CHECK(f.journal.list(std::nullopt, march(2)).size() == 1);
}

TEST_CASE("journal repository: upsert_all stores all entries or none", "[store][journal]") {
  Fixture f;
  std::vector<model::JournalEntry> entries(2);
  entries[0].date = march(1);
  entries[0].stiffness = 1;
  entries[1].date = march(2);
  entries[1].stiffness = 42;  // refused by the table's CHECK
  CHECK_THROWS(f.journal.upsert_all(entries));
  CHECK(count(f.db, "journal_entries") == 0);
}

TEST_CASE("journal repository: entries belong to their athlete", "[store][journal]") {
  Fixture f;
  const auto bob =
      store::resolve_athlete(f.db, {std::string("bob"), std::string("UTC")}).athlete.id;
  store::JournalRepository bobs(f.db, bob);
  model::JournalEntry entry;
  entry.date = march(1);
  entry.stiffness = 7;
  bobs.upsert(entry);
  CHECK(f.journal.list().empty());
  CHECK(bobs.list().size() == 1);
}

TEST_CASE("journal repository: has_run_on sees running sports of that local day only",
          "[store][journal]") {
  Fixture f;
  CHECK_FALSE(f.journal.has_run_on(march(1)));
  store::ActivityRepository activities(f.db);
  auto ride = test::csv_row(test::utc("2024-03-01T08:00:00Z"), 20000.0, std::nullopt);
  ride.sport = model::Sport::ride;
  activities.insert(f.athlete, ride, "sha-ride");
  auto trail = test::csv_row(test::utc("2024-03-02T08:00:00Z"), 8000.0, std::nullopt);
  trail.sport = model::Sport::trail_run;
  activities.insert(f.athlete, trail, "sha-trail");
  CHECK_FALSE(f.journal.has_run_on(march(1)));
  CHECK(f.journal.has_run_on(march(2)));
  CHECK_FALSE(f.journal.has_run_on(march(3)));
}
