#include <catch2/catch.hpp>

#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include "support/activities.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::csv_row;
using test::utc;

TEST_CASE(
    "activity_repository: first_run_date is the earliest run's local date, other sports "
    "and athletes aside",
    "[store][activities]") {
  auto db = store::Database::open_in_memory();
  const auto ann = store::resolve_athlete(db, {std::string("ann"), std::string("UTC")}).athlete.id;
  const auto bob = store::resolve_athlete(db, {std::string("bob"), std::string("UTC")}).athlete.id;
  store::ActivityRepository repo(db);
  CHECK_FALSE(repo.first_run_date(ann));

  auto ride = csv_row(utc("2024-01-02T08:00:00Z"), 30000.0, 3600s);
  ride.sport = model::Sport::ride;
  repo.insert(ann, ride, "a1");
  CHECK_FALSE(repo.first_run_date(ann));

  repo.insert(ann, csv_row(utc("2024-02-01T08:00:00Z"), 8000.0, 2400s), "a2");
  auto late = csv_row(utc("2024-01-09T23:30:00Z"), 5000.0, 1500s);
  late.utc_offset = 3600s;  // local 2024-01-10
  repo.insert(ann, late, "a3");
  repo.insert(bob, csv_row(utc("2023-05-01T08:00:00Z"), 8000.0, 2400s), "b1");
  CHECK(repo.first_run_date(ann) == model::parse_date("2024-01-10"));
  CHECK(repo.first_run_date(bob) == model::parse_date("2023-05-01"));
}
