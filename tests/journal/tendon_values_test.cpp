#include <catch2/catch.hpp>

#include <runload/journal/exercises.hpp>
#include <runload/journal/tendon_values.hpp>

using namespace runload;

namespace {
const date::sys_days k_today{date::year{2026} / 11 / 15};
}

TEST_CASE("tendon values: heel raises 0 to 200, sets, repetitions and load on their bounds",
          "[journal][tendon]") {
  CHECK(journal::parse_heel_rise_count("0").value == 0);
  CHECK(journal::parse_heel_rise_count("200").value == 200);
  CHECK(journal::parse_heel_rise_count("201").error ==
        "must be a whole number from 0 to 200, not '201'");
  CHECK_FALSE(journal::parse_heel_rise_count("-1"));
  CHECK_FALSE(journal::parse_heel_rise_count("12.5"));
  CHECK_FALSE(journal::parse_sets("0"));
  CHECK(journal::parse_sets("1").value == 1);
  CHECK(journal::parse_sets("50").value == 50);
  CHECK_FALSE(journal::parse_sets("51"));
  CHECK_FALSE(journal::parse_reps("0"));
  CHECK(journal::parse_reps("1000").value == 1000);
  CHECK_FALSE(journal::parse_reps("1001"));
  CHECK(journal::parse_load_kg("0").value == 0.0);
  CHECK(journal::parse_load_kg("12.5").value == 12.5);
  CHECK(journal::parse_load_kg(" 500 ").value == 500.0);
  CHECK(journal::parse_load_kg("0.125").value == 0.125);
  CHECK(journal::format_load_kg(0.125) == "0.125");
  CHECK(journal::format_load_kg(20.0) == "20");
  CHECK(journal::format_load_kg(12.5) == "12.5");
  for (const char* bad :
       {"500.1", "-1", "1e3", "inf", "nan", "12,5", "1.2.3", "", "+3", "0.0001"}) {
    CAPTURE(bad);
    const auto load = journal::parse_load_kg(bad);
    CHECK_FALSE(load);
    CHECK_THAT(load.error, Catch::StartsWith("must be a number of kg from 0 to 500"));
  }
}

TEST_CASE("tendon values: a year of birth from 1900 to this year, and the sex",
          "[journal][tendon]") {
  CHECK(journal::parse_born_year("1900", k_today).value == 1900);
  CHECK(journal::parse_born_year("2026", k_today).value == 2026);
  CHECK(journal::parse_born_year("2027", k_today).error ==
        "must be a year of birth from 1900 to 2026, not '2027'");
  CHECK_FALSE(journal::parse_born_year("1899", k_today));
  CHECK_FALSE(journal::parse_born_year("79", k_today));
  CHECK(journal::parse_sex("Female").value == model::Sex::female);
  CHECK(journal::parse_sex("male").value == model::Sex::male);
  CHECK(journal::parse_sex("x").error == "must be female or male, not 'x'");
}

TEST_CASE("tendon values: medication names and the classes the rules know", "[journal][tendon]") {
  CHECK(journal::parse_medication_name(" Ciprofloxacin ").value == "ciprofloxacin");
  CHECK_FALSE(journal::parse_medication_name(""));
  CHECK_FALSE(journal::parse_medication_name("cipro;drop"));
  CHECK_FALSE(journal::parse_medication_name(std::string(101, 'a')));
  using model::MedicationKind;
  for (const char* name : {"fluoroquinolone", "ciprofloxacin", "levofloxacin", "moxifloxacin",
                           "ofloxacin", "norfloxacin", "gemifloxacin", "delafloxacin"})
    CHECK(journal::medication_kind(name) == MedicationKind::fluoroquinolone);
  for (const char* name : {"corticosteroid", "prednisolone", "prednisone", "dexamethasone"})
    CHECK(journal::medication_kind(name) == MedicationKind::corticosteroid);
  CHECK(journal::medication_kind("corticosteroid-injection") ==
        MedicationKind::corticosteroid_injection);
  CHECK(journal::medication_kind("ibuprofen") == MedicationKind::other);
  CHECK(journal::medication_kind("amoxicillin") == MedicationKind::other);
  CHECK(journal::check_not_before(k_today, k_today).value == k_today);
  CHECK_THAT(journal::check_not_before(k_today - date::days{1}, k_today).error,
             Catch::Contains("is before the start"));
}

TEST_CASE("exercises: ordered by tendon load, the unranked last, found by id",
          "[journal][tendon]") {
  const auto all = journal::exercises();
  REQUIRE(all.size() == 7);
  CHECK(all.front().id == "seated-calf-raise");
  CHECK(all.front().load_rank == 1);
  CHECK(all[all.size() - 2].id == "hops");
  CHECK_FALSE(all.back().load_rank.has_value());
  int previous = 0;
  for (const auto& e : all) {
    CAPTURE(e.id);
    CHECK_FALSE(e.load.empty());
    CHECK_FALSE(e.source.empty());
    if (!e.load_rank) continue;
    CHECK(*e.load_rank >= previous);
    previous = *e.load_rank;
  }
  CHECK(journal::find_exercise("eccentric-heel-drop")->title == "Eccentric heel drop");
  CHECK(journal::find_exercise("nope") == nullptr);
  CHECK(journal::parse_exercise("Heavy-Slow-Resistance").value == "heavy-slow-resistance");
  CHECK_THAT(journal::parse_exercise("squats").error, Catch::StartsWith("must be one of"));
}
