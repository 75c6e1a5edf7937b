#include <catch2/catch.hpp>

#include <runload/error.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>

using namespace runload;

TEST_CASE("athletes: the first use creates the login-name athlete in the given zone",
          "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  const auto first = store::resolve_athlete(db, {std::nullopt, std::string("Europe/Berlin")});
  CHECK(first.created);
  CHECK(first.athlete.name == store::login_name());
  CHECK(first.athlete.timezone == "Europe/Berlin");
  const auto again = store::resolve_athlete(db, {});
  CHECK_FALSE(again.created);
  CHECK(again.athlete.id == first.athlete.id);
}

TEST_CASE("athletes: several athletes need --athlete", "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  store::resolve_athlete(db, {std::string("ann"), std::string("UTC")});
  store::resolve_athlete(db, {std::string("bob"), std::string("UTC")});
  CHECK_THROWS_AS(store::resolve_athlete(db, {}), UsageError);
  CHECK(store::resolve_athlete(db, {std::string("bob"), std::nullopt}).athlete.name == "bob");
}

TEST_CASE("athletes: another --tz later changes the stored zone and says what it was",
          "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")});
  const auto moved =
      store::resolve_athlete(db, {std::string("ann"), std::string("America/New_York")});
  CHECK(moved.athlete.timezone == "America/New_York");
  REQUIRE(moved.previous_timezone.has_value());
  CHECK(*moved.previous_timezone == "Europe/Berlin");
}

TEST_CASE("athletes: an unknown zone is a usage error naming it", "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  CHECK_THROWS_WITH(store::resolve_athlete(db, {std::nullopt, std::string("Mars/Olympus")}),
                    Catch::Contains("Mars/Olympus"));
}
