#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <runload/store/athlete_profile.hpp>
#include <runload/store/athletes.hpp>
#include <runload/store/database.hpp>
#include <runload/store/journal_repository.hpp>
#include <runload/store/tendon_repository.hpp>

using namespace runload;
using namespace date::literals;

namespace {

date::sys_days november(unsigned day) {
  return date::sys_days{2026_y / date::November / day};
}

struct Fixture {
  store::Database db = store::Database::open_in_memory();
  std::int64_t athlete =
      store::resolve_athlete(db, {std::string("lena"), std::string("Europe/Berlin")}).athlete.id;
  std::int64_t other =
      store::resolve_athlete(db, {std::string("max"), std::string("Europe/Berlin")}).athlete.id;
  store::TendonRepository tendon{db, athlete};
};

model::VisaA visa(date::sys_days day, int q1, model::VisaBranch branch, int q8) {
  model::VisaA v;
  v.date = day;
  v.items = {q1, 9, 8, 10, 7, 6, 7};
  v.q8_branch = branch;
  v.q8 = q8;
  return v;
}

model::RehabSession rehab(date::sys_days day, const char* exercise, std::optional<int> sets) {
  model::RehabSession s;
  s.date = day;
  s.exercise = exercise;
  s.sets = sets;
  s.reps = 15;
  return s;
}

}  // namespace

TEST_CASE("tendon repository: one VISA-A per day, replaced and read back in date order",
          "[store][tendon]") {
  Fixture f;
  auto first = f.tendon.upsert_visa_a(visa(november(8), 10, model::VisaBranch::b, 14));
  CHECK(first.changed);
  CHECK_FALSE(first.before);
  CHECK(f.tendon.upsert_visa_a(visa(november(1), 5, model::VisaBranch::c, 7)).changed);
  const auto same = f.tendon.upsert_visa_a(visa(november(8), 10, model::VisaBranch::b, 14));
  CHECK_FALSE(same.changed);
  const auto replaced = f.tendon.upsert_visa_a(visa(november(8), 9, model::VisaBranch::a, 21));
  CHECK(replaced.changed);
  REQUIRE(replaced.before);
  CHECK(replaced.before->score() == 71);
  const auto all = f.tendon.visa_a();
  REQUIRE(all.size() == 2);
  CHECK(all[0].date == november(1));
  CHECK(all[1].score() == 9 + 9 + 8 + 10 + 7 + 6 + 7 + 21);
  CHECK(all[1].q8_branch == model::VisaBranch::a);
  CHECK(f.tendon.visa_a({november(2), std::nullopt}).size() == 1);
  REQUIRE(f.tendon.visa_a_before(november(8)).size() == 1);
  CHECK(f.tendon.visa_a_before(november(8))[0].date == november(1));
  CHECK(f.tendon.visa_a_before(november(9), 2).size() == 2);
  CHECK(f.tendon.visa_a_before(november(9), 2)[0].date == november(1));  // oldest first
  CHECK(f.tendon.visa_a_before(november(9), 1)[0].date == november(8));
  CHECK(f.tendon.visa_a_before(november(1)).empty());
  // The other athlete sees none; the table refuses a score its branch lacks.
  CHECK(store::TendonRepository(f.db, f.other).visa_a().empty());
  CHECK_THROWS_AS(f.tendon.upsert_visa_a(visa(november(9), 10, model::VisaBranch::b, 30)),
                  SQLite::Exception);
}

TEST_CASE("tendon repository: heel-rise tests, one per day", "[store][tendon]") {
  Fixture f;
  CHECK(f.tendon.upsert_heel_rise({november(16), 25, 18}).changed);
  CHECK_FALSE(f.tendon.upsert_heel_rise({november(16), 25, 18}).changed);
  const auto again = f.tendon.upsert_heel_rise({november(16), 26, 18});
  CHECK(again.changed);
  CHECK(again.before->left == 25);
  CHECK(f.tendon.upsert_heel_rise({november(20), 26, 20}).changed);
  const auto tests = f.tendon.heel_rise({november(17), november(30)});
  REQUIRE(tests.size() == 1);
  CHECK(tests[0].right == 20);
  CHECK(f.tendon.heel_rise().size() == 2);
  CHECK_THROWS_AS(f.tendon.upsert_heel_rise({november(21), 201, 0}), SQLite::Exception);
}

TEST_CASE("tendon repository: rehab adds sessions, and an import adds only those not stored",
          "[store][tendon]") {
  Fixture f;
  const auto id = f.tendon.add_rehab(rehab(november(16), "isometric-hold", 5));
  CHECK(id > 0);
  // Twice the same session that day (a twice-daily programme), one already stored.
  const std::vector<model::RehabSession> file{rehab(november(16), "isometric-hold", 5),
                                              rehab(november(16), "isometric-hold", 5),
                                              rehab(november(17), "seated-calf-raise", 3)};
  CHECK(f.tendon.add_rehab_missing(file) == 2);
  CHECK(f.tendon.add_rehab_missing(file) == 0);
  const auto stored = f.tendon.rehab();
  REQUIRE(stored.size() == 3);
  CHECK(stored[0].id == id);
  CHECK(stored[2].exercise == "seated-calf-raise");
  CHECK(stored[2].reps == 15);
  CHECK_FALSE(stored[2].load_kg);
  CHECK(f.tendon.rehab({november(17), november(17)}).size() == 1);
  CHECK(f.tendon.add_rehab_missing({}) == 0);
}

TEST_CASE("tendon repository: a course by name and first day, its end set later, deleted by id",
          "[store][tendon]") {
  Fixture f;
  model::Medication m;
  m.name = "ciprofloxacin";
  m.kind = model::MedicationKind::fluoroquinolone;
  m.from = november(1);
  const auto open = f.tendon.upsert_medication(m);
  CHECK(open.changed);
  REQUIRE(open.stored.id);
  m.to = november(7);
  const auto ended = f.tendon.upsert_medication(m);
  CHECK(ended.changed);
  CHECK(ended.stored.to == november(7));
  CHECK(ended.stored.id == open.stored.id);
  m.to.reset();  // an end not given keeps the stored one
  CHECK_FALSE(f.tendon.upsert_medication(m).changed);
  CHECK(f.tendon.medications().front().to == november(7));
  CHECK(f.tendon.medications().front().kind == model::MedicationKind::fluoroquinolone);
  CHECK(f.tendon.medications(november(7)).size() == 1);
  CHECK(f.tendon.medications(november(8)).empty());
  CHECK_FALSE(store::TendonRepository(f.db, f.other).delete_medication(*open.stored.id));
  CHECK(f.tendon.delete_medication(*open.stored.id));
  CHECK(f.tendon.medications().empty());
  // The table refuses an end before the start.
  m.from = november(10);
  m.to = november(9);
  CHECK_THROWS_AS(f.tendon.upsert_medication(m), SQLite::Exception);
}

TEST_CASE("tendon repository: episodes by first day, ongoing until an end is given",
          "[store][tendon]") {
  Fixture f;
  model::Episode e;
  e.from = date::sys_days{2025_y / date::June / 2};
  e.note = "right Achilles";
  CHECK(f.tendon.upsert_episode(e).changed);
  CHECK(f.tendon.episodes(november(1)).size() == 1);  // ongoing: reaches any day
  e.note.reset();
  e.to = date::sys_days{2025_y / date::August / 2};
  const auto ended = f.tendon.upsert_episode(e);
  CHECK(ended.changed);
  CHECK(ended.stored.note == "right Achilles");
  CHECK(ended.stored.to == e.to);
  CHECK(f.tendon.episodes(november(1)).empty());
  CHECK(f.tendon.episodes().size() == 1);
  CHECK(f.tendon.delete_episode(*ended.stored.id));
  CHECK_FALSE(f.tendon.delete_episode(*ended.stored.id));
}

TEST_CASE("athlete profile: year of birth and sex, each kept when the other is set",
          "[store][tendon]") {
  Fixture f;
  CHECK(store::find_athlete_id(f.db, "lena") == f.athlete);
  CHECK_FALSE(store::find_athlete_id(f.db, "nobody"));
  CHECK_FALSE(store::read_profile(f.db, f.athlete).born_year);
  model::AthleteProfile born;
  born.born_year = 1979;
  store::set_profile(f.db, f.athlete, born);
  model::AthleteProfile sex;
  sex.sex = model::Sex::female;
  const auto both = store::set_profile(f.db, f.athlete, sex);
  CHECK(both.born_year == 1979);
  CHECK(both.sex == model::Sex::female);
  CHECK(store::read_profile(f.db, f.athlete).sex == model::Sex::female);
  CHECK_FALSE(store::read_profile(f.db, f.other).born_year);
}

TEST_CASE("athlete profile: resting and maximum heart rate, kept beside year of birth and sex",
          "[store][tendon][heart_rate]") {
  Fixture f;
  model::AthleteProfile sex;
  sex.sex = model::Sex::male;
  store::set_profile(f.db, f.athlete, sex);
  CHECK_FALSE(store::read_profile(f.db, f.athlete).hr_rest_bpm);
  model::AthleteProfile rest;
  rest.hr_rest_bpm = 48;
  store::set_profile(f.db, f.athlete, rest);
  model::AthleteProfile max;
  max.hr_max_bpm = 188;
  const auto all = store::set_profile(f.db, f.athlete, max);
  CHECK(all.hr_rest_bpm == 48);
  CHECK(all.hr_max_bpm == 188);
  CHECK(all.sex == model::Sex::male);
  const auto back = store::read_profile(f.db, f.athlete);
  CHECK(back.hr_rest_bpm == 48);
  CHECK(back.hr_max_bpm == 188);
  CHECK_FALSE(store::read_profile(f.db, f.other).hr_max_bpm);
}

TEST_CASE("journal repository: the symptomatic days of a year, whatever the assessments",
          "[store][tendon]") {
  Fixture f;
  store::JournalRepository journal(f.db, f.athlete);
  model::JournalEntry calm, stiff, pop, assessed;
  calm.date = november(1);
  calm.stiffness = 1;
  stiff.date = november(2);
  stiff.stiffness = 3;
  pop.date = november(3);
  pop.pop = true;
  assessed.date = november(4);
  assessed.assessed = true;
  assessed.pain_after = 4;
  journal.upsert_all(std::vector{calm, stiff, pop, assessed});
  const auto found = journal.symptomatic_between(november(1), november(4), 3);
  REQUIRE(found.size() == 2);  // [from, before): the 4th is not in it
  CHECK(found[0].date == november(2));
  CHECK(found[1].date == november(3));
  CHECK(journal.symptomatic_between(november(1), november(5), 3).size() == 3);
}
