#include <catch2/catch.hpp>

#include <runload/journal/journal_csv.hpp>

using namespace runload;
using namespace date::literals;

namespace {

const date::sys_days k_today = date::sys_days{2024_y / date::March / 10};

date::sys_days march(unsigned day) {
  return date::sys_days{2024_y / date::March / day};
}

}  // namespace

TEST_CASE("journal csv: a good file gives its entries, empty cells are not given",
          "[journal][csv]") {
  const auto parsed = journal::parse_journal_csv(
      "date,stiffness,stiffness_minutes,pain_run,pain_after,swelling,pop,side,note\n"
      "2024-03-01,3,10,2,4,yes,no,left,easy\n"
      "2024-03-02,,,,,,,,\n"
      "2024-03-03,0,0,,,FALSE,0,both,\n",
      k_today);
  REQUIRE(parsed.ok());
  REQUIRE(parsed.entries.size() == 3);
  const auto& first = parsed.entries[0];
  CHECK(first.date == march(1));
  CHECK(first.stiffness == 3);
  CHECK(first.stiffness_minutes == 10);
  CHECK(first.pain_run == 2);
  CHECK(first.pain_after == 4);
  CHECK(first.swelling == true);
  CHECK(first.pop == false);
  CHECK(first.side == model::Side::left);
  CHECK(first.note == "easy");
  CHECK_FALSE(parsed.entries[1].stiffness);
  CHECK_FALSE(parsed.entries[1].swelling);
  CHECK_FALSE(parsed.entries[1].note);
  CHECK(parsed.entries[2].swelling == false);
}

TEST_CASE("journal csv: columns by name in any order, BOM, CRLF and quoted newlines",
          "[journal][csv]") {
  const auto parsed = journal::parse_journal_csv(
      "\xEF\xBB\xBFnote,Date,stiffness\r\n"
      "\"line one\r\nline \"\"two\"\", with comma\",2024-03-04,5\r\n"
      "plain,2024-03-05,6\r\n",
      k_today);
  REQUIRE(parsed.ok());
  REQUIRE(parsed.entries.size() == 2);
  CHECK(parsed.entries[0].note == "line one\r\nline \"two\", with comma");
  CHECK(parsed.entries[0].stiffness == 5);
  CHECK(parsed.entries[1].date == march(5));
}

TEST_CASE("journal csv: every bad row is named by its line and nothing is accepted",
          "[journal][csv]") {
  const auto parsed = journal::parse_journal_csv(
      "date,stiffness,pain_run,side,pop,note\n"
      "2024-03-01,3,2,left,no,fine\n"
      "2024-02-30,3,2,left,no,impossible day\n"
      "2024-03-02,11,2,left,no,out of range\n"
      "\"2024-03-03\",3,2,left,no,\"a note\n"
      "over two lines\"\n"
      "2024-03-04,3,x,middle,maybe,three bad cells\n"
      "2024-03-01,1,1,left,no,date again\n"
      "2024-12-31,1,1,left,no,future\n"
      "2024-03-05,1\n",
      k_today);
  CHECK_FALSE(parsed.ok());
  std::vector<std::int64_t> lines;
  for (const auto& p : parsed.problems) lines.push_back(p.line);
  CHECK(lines == std::vector<std::int64_t>{3, 4, 7, 7, 7, 8, 9, 10});
  CHECK_THAT(parsed.problems[0].message, Catch::Contains("not a calendar day"));
  CHECK_THAT(parsed.problems[1].message, Catch::StartsWith("stiffness"));
  CHECK_THAT(parsed.problems[5].message, Catch::Contains("already given on line 2"));
  CHECK_THAT(parsed.problems[6].message, Catch::Contains("future"));
  CHECK_THAT(parsed.problems[7].message, Catch::Contains("2 cells"));
}

TEST_CASE("journal csv: header problems and broken quoting are reported", "[journal][csv]") {
  CHECK_THAT(journal::parse_journal_csv("", k_today).problems.at(0).message,
             Catch::Contains("empty"));
  CHECK_THAT(
      journal::parse_journal_csv("day,stiffness\n2024-03-01,1\n", k_today).problems.at(0).message,
      Catch::Contains("unknown column 'day'"));
  CHECK_THAT(journal::parse_journal_csv("stiffness\n1\n", k_today).problems.at(0).message,
             Catch::Contains("no 'date' column"));
  const auto open = journal::parse_journal_csv("date,note\n2024-03-01,\"never closed\n", k_today);
  REQUIRE(open.problems.size() == 1);
  CHECK(open.problems[0].line == 2);
  CHECK_THAT(open.problems[0].message, Catch::Contains("never closed"));
}

TEST_CASE("journal csv: write then parse gives the same entries", "[journal][csv]") {
  std::vector<model::JournalEntry> entries(3);
  entries[0].date = march(1);
  entries[0].stiffness = 3;
  entries[0].stiffness_minutes = 10;
  entries[0].pain_run = 0;
  entries[0].pain_after = 9;
  entries[0].swelling = false;
  entries[0].pop = true;
  entries[0].side = model::Side::both;
  entries[0].note = "she said \"easy\", I said no\nsecond line\r\nemoji 🦶 '); DROP TABLE x;--";
  entries[1].date = march(2);
  entries[2].date = march(3);
  entries[2].note = "  padded  ";
  const auto text = journal::write_journal_csv(entries);
  CHECK_THAT(text, Catch::StartsWith(std::string(journal::k_csv_header) + "\n"));
  const auto parsed = journal::parse_journal_csv(text, k_today);
  REQUIRE(parsed.ok());
  REQUIRE(parsed.entries.size() == 3);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(i);
    CHECK(parsed.entries[i].date == entries[i].date);
    CHECK(parsed.entries[i].stiffness == entries[i].stiffness);
    CHECK(parsed.entries[i].stiffness_minutes == entries[i].stiffness_minutes);
    CHECK(parsed.entries[i].pain_run == entries[i].pain_run);
    CHECK(parsed.entries[i].pain_after == entries[i].pain_after);
    CHECK(parsed.entries[i].swelling == entries[i].swelling);
    CHECK(parsed.entries[i].pop == entries[i].pop);
    CHECK(parsed.entries[i].side == entries[i].side);
    CHECK(parsed.entries[i].note == entries[i].note);
  }
}
