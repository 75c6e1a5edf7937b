#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <runload/analyze/journal_days.hpp>
#include <runload/model/journal_entry.hpp>

#include "analyze/builders.hpp"

using namespace runload::analyze;
using runload::analyze::test::morning;
using runload::analyze::test::ymd;
using runload::model::JournalEntry;

namespace {

// The dates of `entries`, as YYYY-MM-DD, in the order given.
std::vector<std::string> dates_of(const std::vector<const JournalEntry*>& entries) {
  std::vector<std::string> dates;
  for (const auto* entry : entries) dates.push_back(date::format("%F", entry->date));
  return dates;
}

}  // namespace

TEST_CASE("journal_days: find gives the entry of a day and nullptr for a day without one",
          "[analyze][journal_days]") {
  const std::vector<JournalEntry> entries{morning(ymd(2024, 1, 1), 2),
                                          morning(ymd(2024, 1, 3), 4, 6)};
  const JournalDays journal(entries);
  CHECK_FALSE(journal.empty());
  const auto* first = journal.find(ymd(2024, 1, 1));
  REQUIRE(first != nullptr);
  CHECK(first->date == ymd(2024, 1, 1));
  CHECK(first->stiffness == 2);
  const auto* third = journal.find(ymd(2024, 1, 3));
  REQUIRE(third != nullptr);
  CHECK(third->stiffness == 4);
  CHECK(third->pain_run == 6);
  CHECK(journal.find(ymd(2024, 1, 2)) == nullptr);
  CHECK(journal.find(ymd(2023, 12, 31)) == nullptr);
  CHECK(journal.find(ymd(2024, 1, 4)) == nullptr);

  const JournalDays none;
  CHECK(none.empty());
  CHECK(none.find(ymd(2024, 1, 1)) == nullptr);
}

TEST_CASE("journal_days: a day given twice keeps the later entry, whole",
          "[analyze][journal_days]") {
  auto earlier = morning(ymd(2024, 1, 1), 3, 2);
  earlier.note = "first";
  const auto later = morning(ymd(2024, 1, 1), 5);  // no pain_run, no note
  const std::vector<JournalEntry> entries{earlier, morning(ymd(2024, 1, 2), 1), later};
  const JournalDays journal(entries);
  const auto* day = journal.find(ymd(2024, 1, 1));
  REQUIRE(day != nullptr);
  CHECK(day->stiffness == 5);
  // The later entry replaces the earlier one: its unknown fields stay unknown.
  CHECK_FALSE(day->pain_run.has_value());
  CHECK_FALSE(day->note.has_value());
  CHECK(dates_of(journal.range(ymd(2024, 1, 1), ymd(2024, 1, 2))) ==
        std::vector<std::string>{"2024-01-01", "2024-01-02"});
  // Only the later one counts in a mean: 5 and 1, (5 + 1) / 2 = 3 over 2 entries.
  const auto mean = journal.mean_stiffness(ymd(2024, 1, 1), ymd(2024, 1, 2));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(3.0));
  CHECK(mean->entries == 2);
}

TEST_CASE("journal_days: mean_stiffness averages the entries of [from, to] that record one",
          "[analyze][journal_days]") {
  // 1st: 2, 2nd: no stiffness, 3rd: 3, 4th: pain only, 5th: 7.
  const std::vector<JournalEntry> entries{
      morning(ymd(2024, 1, 1), 2), morning(ymd(2024, 1, 2), std::nullopt),
      morning(ymd(2024, 1, 3), 3), morning(ymd(2024, 1, 4), std::nullopt, 4),
      morning(ymd(2024, 1, 5), 7)};
  const JournalDays journal(entries);

  // 1st to 4th: (2 + 3) / 2 = 2.5 over 2 entries; the two without stiffness are skipped.
  auto mean = journal.mean_stiffness(ymd(2024, 1, 1), ymd(2024, 1, 4));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(2.5));
  CHECK(mean->entries == 2);
  // Both ends inclusive: 1st to 5th is (2 + 3 + 7) / 3 = 4 over 3 entries.
  mean = journal.mean_stiffness(ymd(2024, 1, 1), ymd(2024, 1, 5));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(4.0));
  CHECK(mean->entries == 3);
  // 2nd to 5th: (3 + 7) / 2 = 5.
  mean = journal.mean_stiffness(ymd(2024, 1, 2), ymd(2024, 1, 5));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(5.0));
  CHECK(mean->entries == 2);
  // One day: the 3rd alone.
  mean = journal.mean_stiffness(ymd(2024, 1, 3), ymd(2024, 1, 3));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(3.0));
  CHECK(mean->entries == 1);
  // A range reaching past the journal: the same three entries as the 1st to 5th.
  mean = journal.mean_stiffness(ymd(2023, 12, 1), ymd(2024, 2, 1));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(4.0));
  CHECK(mean->entries == 3);
}

TEST_CASE("journal_days: a stiffness of 0 is a recorded value and counts in the mean",
          "[analyze][journal_days]") {
  // (0 + 3) / 2 = 1.5: a 0 lowers the mean, an unknown would not.
  const std::vector<JournalEntry> entries{morning(ymd(2024, 1, 1), 0), morning(ymd(2024, 1, 2), 3)};
  const auto mean = JournalDays(entries).mean_stiffness(ymd(2024, 1, 1), ymd(2024, 1, 2));
  REQUIRE(mean);
  CHECK(mean->mean == Approx(1.5));
  CHECK(mean->entries == 2);
}

TEST_CASE("journal_days: mean_stiffness is nullopt when no entry of the range records one",
          "[analyze][journal_days]") {
  const std::vector<JournalEntry> entries{
      morning(ymd(2024, 1, 1), 2), morning(ymd(2024, 1, 2), std::nullopt, 3),
      morning(ymd(2024, 1, 3), std::nullopt), morning(ymd(2024, 1, 6), 4)};
  const JournalDays journal(entries);
  // Entries without stiffness only.
  CHECK_FALSE(journal.mean_stiffness(ymd(2024, 1, 2), ymd(2024, 1, 3)).has_value());
  // No entry at all.
  CHECK_FALSE(journal.mean_stiffness(ymd(2024, 1, 4), ymd(2024, 1, 5)).has_value());
  CHECK_FALSE(journal.mean_stiffness(ymd(2024, 2, 1), ymd(2024, 2, 29)).has_value());
  // from > to: an empty range.
  CHECK_FALSE(journal.mean_stiffness(ymd(2024, 1, 6), ymd(2024, 1, 1)).has_value());
  CHECK_FALSE(JournalDays{}.mean_stiffness(ymd(2024, 1, 1), ymd(2024, 1, 31)).has_value());
}

TEST_CASE("journal_days: range gives the entries of [from, to] oldest first",
          "[analyze][journal_days]") {
  // Given out of order: the 5th, 1st, 3rd and 7th.
  const std::vector<JournalEntry> entries{morning(ymd(2024, 1, 5), 5), morning(ymd(2024, 1, 1), 1),
                                          morning(ymd(2024, 1, 3), 3), morning(ymd(2024, 1, 7), 7)};
  const JournalDays journal(entries);
  CHECK(dates_of(journal.range(ymd(2024, 1, 1), ymd(2024, 1, 7))) ==
        std::vector<std::string>{"2024-01-01", "2024-01-03", "2024-01-05", "2024-01-07"});
  // Both ends inclusive.
  CHECK(dates_of(journal.range(ymd(2024, 1, 3), ymd(2024, 1, 5))) ==
        std::vector<std::string>{"2024-01-03", "2024-01-05"});
  // Ends between entries.
  CHECK(dates_of(journal.range(ymd(2024, 1, 2), ymd(2024, 1, 6))) ==
        std::vector<std::string>{"2024-01-03", "2024-01-05"});
  CHECK(dates_of(journal.range(ymd(2024, 1, 7), ymd(2024, 1, 7))) ==
        std::vector<std::string>{"2024-01-07"});
  CHECK(journal.range(ymd(2024, 1, 8), ymd(2024, 1, 31)).empty());
  CHECK(journal.range(ymd(2023, 12, 1), ymd(2023, 12, 31)).empty());
  CHECK(journal.range(ymd(2024, 1, 5), ymd(2024, 1, 3)).empty());
  // The pointers are the stored entries.
  const auto found = journal.range(ymd(2024, 1, 3), ymd(2024, 1, 3));
  REQUIRE(found.size() == 1);
  CHECK(found[0] == journal.find(ymd(2024, 1, 3)));
  CHECK(found[0]->stiffness == 3);
}
