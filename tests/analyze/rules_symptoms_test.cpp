#include <catch2/catch.hpp>

#include <runload/analyze/rules_symptoms.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using namespace runload::analyze::test;
using runload::model::Activity;
using runload::model::Evidence;
using runload::model::Flag;
using runload::model::JournalEntry;
using runload::model::Severity;

namespace {

const auto k_day = ymd(2024, 5, 15);

History journal_only(std::vector<JournalEntry> journal, std::vector<Activity> acts = {}) {
  return history_of(acts, journal, k_day - date::days{60}, k_day + date::days{7});
}

}  // namespace

TEST_CASE("pain_during_run: 5 silent, 6 and 7 caution, 8 high", "[analyze][rules]") {
  for (const auto& [pain, severity] :
       {std::pair{6, Severity::caution}, std::pair{7, Severity::caution},
        std::pair{8, Severity::high}}) {
    const auto flags =
        pain_during_run(journal_only({morning(k_day, std::nullopt, pain)}), k_day, k_day);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].severity == severity);
    CHECK(flags[0].evidence == Evidence::rct);
  }
  CHECK(pain_during_run(journal_only({morning(k_day, std::nullopt, 5)}), k_day, k_day).empty());
}

TEST_CASE("stiffness_not_settled: +2 over the 14-morning median after a run", "[analyze][rules]") {
  const auto next = k_day + date::days{1};
  const std::vector<Activity> ran{run_on(k_day, 10.0)};
  // Median of 2, 2, 2 logged in the 14 mornings before: 4 is +2, 3 is +1.
  const std::vector<JournalEntry> base{morning(k_day - date::days{10}, 2),
                                       morning(k_day - date::days{5}, 2), morning(k_day, 2)};
  auto with = [&](int stiffness) {
    auto journal = base;
    journal.push_back(morning(next, stiffness));
    return journal;
  };
  const auto flags = stiffness_not_settled(journal_only(with(4), ran), next, next);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].date == next);
  CHECK(*flags[0].baseline == Approx(2.0));
  CHECK(flags[0].activity_id.has_value());
  CHECK(stiffness_not_settled(journal_only(with(3), ran), next, next).empty());
  // Without a run the day before: silent.
  CHECK(stiffness_not_settled(journal_only(with(6)), next, next).empty());

  // Integer scores give medians in halves: 1, 1, 2, 2 has median 1.5, so 3
  // is +1.5 (silent) and 4 is +2.5.
  std::vector<JournalEntry> halves{morning(k_day - date::days{12}, 1),
                                   morning(k_day - date::days{8}, 1),
                                   morning(k_day - date::days{4}, 2), morning(k_day, 2)};
  auto three = halves;
  three.push_back(morning(next, 3));
  CHECK(stiffness_not_settled(journal_only(three, ran), next, next).empty());
  halves.push_back(morning(next, 4));
  CHECK(stiffness_not_settled(journal_only(halves, ran), next, next).size() == 1);

  // Only two logged mornings before: no baseline, silent.
  const std::vector<JournalEntry> sparse{morning(k_day - date::days{3}, 0), morning(k_day, 0),
                                         morning(next, 8)};
  CHECK(stiffness_not_settled(journal_only(sparse, ran), next, next).empty());
  // A morning 15 days before is outside the 14.
  const std::vector<JournalEntry> old{morning(k_day - date::days{14}, 0),
                                      morning(k_day - date::days{3}, 0), morning(k_day, 0),
                                      morning(next, 8)};
  CHECK(stiffness_not_settled(journal_only(old, ran), next, next).empty());
}

TEST_CASE("stiffness_rising: +1 over last week's mean with 3 entries each", "[analyze][rules]") {
  const auto monday = ymd(2024, 5, 13);
  const auto sunday = monday + date::days{6};
  const auto journal_for = [&](std::vector<int> last, std::vector<int> now) {
    std::vector<JournalEntry> journal;
    for (std::size_t i = 0; i < last.size(); ++i) {
      journal.push_back(morning(monday - date::days{7 - static_cast<int>(i)}, last[i]));
    }
    for (std::size_t i = 0; i < now.size(); ++i) {
      journal.push_back(morning(monday + date::days{static_cast<int>(i)}, now[i]));
    }
    return journal_only(journal);
  };
  const auto flags = stiffness_rising(journal_for({2, 2, 2}, {3, 3, 3}), monday, sunday);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].date == sunday);
  CHECK(*flags[0].observed == Approx(3.0));
  CHECK(*flags[0].baseline == Approx(2.0));
  // Mean 2.67: +0.67, silent.
  CHECK(stiffness_rising(journal_for({2, 2, 2}, {3, 3, 2}), monday, sunday).empty());
  // Fewer than 3 entries in either week: silent.
  CHECK(stiffness_rising(journal_for({2, 2, 2}, {6, 6}), monday, sunday).empty());
  CHECK(stiffness_rising(journal_for({0, 0}, {6, 6, 6}), monday, sunday).empty());
}

TEST_CASE("persistent_pain: 4 of 7 days silent, 5 high", "[analyze][rules]") {
  const auto journal_with = [&](int symptomatic_days) {
    std::vector<JournalEntry> journal;
    for (int i = 0; i < 7; ++i) {
      const auto day = k_day - date::days{6 - i};
      if (i < symptomatic_days) {
        // Alternate how the day reaches 3: stiffness, or pain during running.
        journal.push_back(i % 2 == 0 ? morning(day, 3) : morning(day, 1, 3));
      } else {
        journal.push_back(morning(day, 2, 2));
      }
    }
    return journal_only(journal);
  };
  CHECK(persistent_pain(journal_with(4), k_day, k_day).empty());
  const auto flags = persistent_pain(journal_with(5), k_day, k_day);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].severity == Severity::high);
  CHECK(*flags[0].observed == Approx(5.0));
  CHECK(flags[0].advice.find("doctor") != std::string::npos);
}

TEST_CASE("load_symptom_link: a spike in the 3 days before a stiffness flag", "[analyze][rules]") {
  Flag stiff;
  stiff.rule = runload::model::Rule::stiffness_not_settled;
  stiff.date = k_day;
  stiff.observed = 5;
  stiff.baseline = 2;
  const auto spike_on = [](date::sys_days day) {
    Flag spike;
    spike.rule = runload::model::Rule::single_run_spike;
    spike.date = day;
    spike.activity_id = 42;
    return spike;
  };
  const std::vector<Flag> symptoms{stiff};
  const std::vector<Flag> within{spike_on(k_day - date::days{3})};
  const auto flags = load_symptom_link(within, symptoms, k_day, k_day);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].severity == Severity::high);
  CHECK(flags[0].activity_id == 42);
  const std::vector<Flag> too_early{spike_on(k_day - date::days{4})};
  CHECK(load_symptom_link(too_early, symptoms, k_day, k_day).empty());
  const std::vector<Flag> same_day{spike_on(k_day)};
  CHECK(load_symptom_link(same_day, symptoms, k_day, k_day).empty());
  Flag jump = spike_on(k_day - date::days{1});
  jump.rule = runload::model::Rule::weekly_distance_jump;
  const std::vector<Flag> not_a_spike{jump};
  CHECK(load_symptom_link(not_a_spike, symptoms, k_day, k_day).empty());
}

TEST_CASE("rupture_warning: a pop, or pain 9, is urgent, pain 8 is not", "[analyze][rules]") {
  auto pop = morning(k_day, 1);
  pop.pop = true;
  const auto flags = rupture_warning(journal_only({pop}), k_day, k_day);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].severity == Severity::urgent);
  CHECK(flags[0].advice.find("immediately") != std::string::npos);
  CHECK(rupture_warning(journal_only({morning(k_day, 0, 9)}), k_day, k_day).size() == 1);
  auto after = morning(k_day, 0);
  after.pain_after = 9;
  CHECK(rupture_warning(journal_only({after}), k_day, k_day).size() == 1);
  CHECK(rupture_warning(journal_only({morning(k_day, 0, 8)}), k_day, k_day).empty());
}

TEST_CASE("symptom rules: silent without a journal", "[analyze][rules]") {
  const std::vector<Activity> acts{run_on(k_day - date::days{2}, 5.0), run_on(k_day, 25.0)};
  const auto h = journal_only({}, acts);
  CHECK(symptom_flags(h, {}, k_day - date::days{30}, k_day + date::days{7}).empty());
}
