#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

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

TEST_CASE("athletes: another --tz later is a usage error naming 'athletes set', zone unchanged",
          "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")});
  for (const auto use : {store::AthleteUse::existing, store::AthleteUse::create}) {
    CHECK_THROWS_AS(
        store::resolve_athlete(db, {std::string("ann"), std::string("America/New_York")}, use),
        UsageError);
    CHECK_THROWS_WITH(
        store::resolve_athlete(db, {std::string("ann"), std::string("America/New_York")}, use),
        Catch::Contains("runload athletes set ann --tz America/New_York") &&
            Catch::Contains("Europe/Berlin"));
  }
  CHECK(store::resolve_athlete(db, {std::string("ann"), std::nullopt}).athlete.timezone ==
        "Europe/Berlin");
  // The same zone again is no change, and no error.
  CHECK(store::resolve_athlete(db, {std::string("ann"), std::string("Europe/Berlin")})
            .athlete.timezone == "Europe/Berlin");
}

TEST_CASE("athletes: reading never creates, and an unknown name lists the athletes and the nearest",
          "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  const auto none = store::resolve_athlete(db, {}, store::AthleteUse::existing);
  CHECK_FALSE(none.stored);
  CHECK_THROWS_WITH(
      store::resolve_athlete(db, {std::string("Lena"), std::nullopt}, store::AthleteUse::existing),
      Catch::Contains("holds no athletes yet"));
  store::resolve_athlete(db, {std::string("Lena"), std::string("UTC")});
  store::resolve_athlete(db, {std::string("Marco"), std::string("UTC")});
  CHECK_THROWS_WITH(
      store::resolve_athlete(db, {std::string("Lenna"), std::nullopt}, store::AthleteUse::existing),
      Catch::Contains("--athlete 'Lenna': no such athlete; did you mean 'Lena'?") &&
          Catch::Contains("'Lena', 'Marco'"));
  const auto peeked =
      store::resolve_athlete(db, {std::string("Zoe"), std::nullopt}, store::AthleteUse::peek);
  CHECK_FALSE(peeked.stored);
  CHECK(store::list_athletes(db).size() == 2);
}

TEST_CASE("athletes: a name must be non-empty printable text", "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  for (const std::string name : {"", "   ", "ann\n", "a\tb", "\x1b[31mred", "caf\xE9"}) {
    CAPTURE(name);
    CHECK_THROWS_AS(store::resolve_athlete(db, {name, std::string("UTC")}), UsageError);
  }
  CHECK(store::list_athletes(db).empty());
}

TEST_CASE("athletes: rename keeps everything and refuses a taken name, delete takes everything",
          "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  const auto ann = store::resolve_athlete(db, {std::string("ann"), std::string("UTC")}).athlete;
  const auto bob = store::resolve_athlete(db, {std::string("bob"), std::string("UTC")}).athlete;
  db.sql().exec("INSERT INTO journal_entries(athlete_id, date, stiffness, updated_at) VALUES (" +
                std::to_string(ann.id) + ", '2024-01-01', 2, '2024-01-01T08:00:00Z')");
  CHECK_THROWS_WITH(store::rename_athlete(db, ann, "bob"), Catch::Contains("exists already"));
  store::rename_athlete(db, ann, "Ann Smith");
  const auto renamed = store::find_athlete(db, "Ann Smith", "NAME");
  CHECK(renamed.id == ann.id);
  CHECK(store::athlete_contents(db, renamed).journal_entries == 1);
  const auto deleted = store::delete_athlete(db, renamed);
  CHECK(deleted.journal_entries == 1);
  CHECK(db.sql().execAndGet("SELECT count(*) FROM journal_entries").getInt() == 0);
  REQUIRE(store::list_athletes(db).size() == 1);
  CHECK(store::list_athletes(db)[0].id == bob.id);
}

TEST_CASE("athletes: an unknown zone is a usage error naming it", "[store][athletes]") {
  auto db = store::Database::open_in_memory();
  CHECK_THROWS_WITH(store::resolve_athlete(db, {std::nullopt, std::string("Mars/Olympus")}),
                    Catch::Contains("Mars/Olympus"));
}
