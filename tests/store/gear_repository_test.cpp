#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/gear_repository.hpp>

#include "support/activities.hpp"

using namespace runload;
using namespace std::chrono_literals;
using test::csv_row;
using test::utc;

namespace {

struct Fixture {
  store::Database db = store::Database::open_in_memory();
  std::int64_t athlete = store::resolve_athlete(db, {std::string("ann"), "UTC"}).athlete.id;
  store::ActivityRepository activities{db};
  store::GearRepository gear{db, athlete};

  std::int64_t run(const char* iso, double km, std::optional<std::string> shoe, const char* sha) {
    auto a = csv_row(utc(iso), km * 1000.0, 3000s);
    a.sport = model::Sport::run;
    a.gear = std::move(shoe);
    return activities.store(athlete, a, sha).activity_id;
  }
};

date::sys_days day(const char* iso) {
  return *model::parse_date(iso);
}

}  // namespace

TEST_CASE(
    "gear_repository: a run naming an unknown shoe creates it once, and list adds the runs up",
    "[store][gear]") {
  Fixture f;
  const auto first = f.activities.store(
      f.athlete,
      [] {
        auto a = csv_row(utc("2024-03-10T07:00:00Z"), 10000.0, 3000s);
        a.sport = model::Sport::run;
        a.gear = "Pegasus 40";
        return a;
      }(),
      "a1");
  CHECK(first.new_shoe == "Pegasus 40");
  f.run("2024-03-12T07:00:00Z", 8.0, "Pegasus 40", "a2");
  f.run("2024-03-14T07:00:00Z", 6.0, std::nullopt, "a3");
  const auto shoes = f.gear.list();
  REQUIRE(shoes.size() == 1);
  CHECK(shoes[0].gear.name == "Pegasus 40");
  CHECK_FALSE(shoes[0].gear.drop_mm.has_value());
  CHECK(shoes[0].distance_m == Approx(18000.0));
  CHECK(shoes[0].runs == 2);
  CHECK(shoes[0].first_use == day("2024-03-10"));
  CHECK(shoes[0].last_use == day("2024-03-12"));
  CHECK(f.gear.distance_before(day("2024-03-11")).at("Pegasus 40") == Approx(10000.0));
}

TEST_CASE("gear_repository: ensure fills brand and model once, and a rename follows every activity",
          "[store][gear]") {
  Fixture f;
  const auto id = f.run("2024-03-10T07:00:00Z", 10.0, "Kinvara", "a1");
  model::Gear from_export;
  from_export.name = "Kinvara";
  from_export.brand = "Saucony";
  from_export.model = "Kinvara 14";
  CHECK_FALSE(f.gear.ensure(from_export));  // created by the run; brand and model filled
  auto shoe = f.gear.find("Kinvara");
  REQUIRE(shoe.has_value());
  CHECK(shoe->brand == "Saucony");
  from_export.brand = "Other";
  f.gear.ensure(from_export);
  CHECK(f.gear.find("Kinvara")->brand == "Saucony");  // known values are not overwritten

  shoe->name = "Kinvara 14";
  shoe->drop_mm = 4.0;
  f.gear.update("Kinvara", *shoe);
  CHECK_FALSE(f.gear.find("Kinvara").has_value());
  CHECK(f.gear.find("Kinvara 14")->drop_mm == 4.0);
  CHECK(f.activities.find(id)->gear == "Kinvara 14");

  model::Gear other;
  other.name = "Ghost";
  f.gear.add(other);
  CHECK_THROWS_WITH(f.gear.add(other), Catch::Contains("a shoe named 'Ghost' exists"));
  CHECK_THROWS_WITH(f.gear.update("Ghost", *shoe), Catch::Contains("Kinvara 14"));
}

TEST_CASE("gear_repository: assign by id and by range, and the default shoe for runs naming none",
          "[store][gear]") {
  Fixture f;
  const auto a = f.run("2024-03-10T07:00:00Z", 10.0, std::nullopt, "a1");
  const auto b = f.run("2024-03-12T07:00:00Z", 8.0, std::nullopt, "a2");
  f.run("2024-03-20T07:00:00Z", 5.0, std::nullopt, "a3");
  model::Gear ghost;
  ghost.name = "Ghost";
  f.gear.add(ghost);
  const std::vector<std::int64_t> ids{a};
  CHECK(f.gear.assign(ids, "Ghost") == 1);
  const std::vector<std::int64_t> missing{b, 999};
  CHECK_THROWS_WITH(f.gear.assign(missing, "Ghost"), Catch::Contains("999"));
  CHECK(f.activities.find(b)->gear == std::nullopt);  // nothing half-done
  CHECK(f.gear.assign_range(day("2024-03-11"), day("2024-03-13"), "Ghost") == 1);
  CHECK(f.gear.list()[0].runs == 2);

  CHECK(f.gear.set_default("Ghost") == 1);  // the 20 March run
  CHECK(f.gear.default_name() == "Ghost");
  f.run("2024-03-22T07:00:00Z", 7.0, std::nullopt, "a4");  // imported later, naming none
  CHECK(f.gear.list()[0].runs == 4);
  CHECK(f.gear.list()[0].distance_m == Approx(30000.0));
}
