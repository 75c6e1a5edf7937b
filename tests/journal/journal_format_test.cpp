#include <catch2/catch.hpp>

#include <runload/journal/journal_format.hpp>

using namespace runload;
using namespace date::literals;

namespace {

date::sys_days march(unsigned day) {
  return date::sys_days{2024_y / date::March / day};
}

}  // namespace

TEST_CASE("journal format: JSON has every key, booleans, and null for unknown, never 0",
          "[journal][format]") {
  std::vector<model::JournalEntry> entries(2);
  entries[0].date = march(1);
  entries[1].date = march(2);
  entries[1].stiffness = 0;
  entries[1].stiffness_minutes = 0;
  entries[1].pain_run = 4;
  entries[1].pain_after = 5;
  entries[1].swelling = true;
  entries[1].pop = false;
  entries[1].side = model::Side::left;
  entries[1].note = "a \"note\"\n";
  const auto json = journal::to_json(entries);
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 2);
  // DESIGN.md section 6's keys, then `assessed` (a clinician's assessment).
  const std::vector<std::string> keys{
      "date", "stiffness", "stiffness_minutes", "pain_run", "pain_after", "swelling", "pop",
      "side", "note",      "assessed"};
  for (const auto& object : json) {
    std::vector<std::string> found;
    for (const auto& [key, value] : object.items()) found.push_back(key);
    CHECK(found == keys);
  }
  CHECK(json[0]["date"] == "2024-03-01");
  for (const auto& key : keys)
    if (key != "date") CHECK(json[0][key].is_null());
  CHECK(json[1]["stiffness"] == 0);
  CHECK(json[1]["swelling"] == true);
  CHECK(json[1]["pop"] == false);
  CHECK(json[1]["pop"].is_boolean());
  CHECK(json[1]["side"] == "left");
  CHECK(json[1]["note"] == "a \"note\"\n");
}

TEST_CASE("journal format: the sparkline has one block per day and a dot for gaps",
          "[journal][format]") {
  std::vector<model::JournalEntry> entries(3);
  entries[0].date = march(1);
  entries[0].stiffness = 0;
  entries[1].date = march(2);
  entries[1].stiffness = 10;
  entries[2].date = march(4);
  entries[2].stiffness = 5;
  CHECK(journal::stiffness_sparkline(entries, march(1), march(5)) == "▁█·▅·");
  CHECK(journal::stiffness_sparkline(entries, march(3), march(3)) == "·");
}

TEST_CASE("journal format: the summary names the known fields on one line", "[journal][format]") {
  model::JournalEntry entry;
  entry.date = march(2);
  entry.stiffness = 3;
  entry.stiffness_minutes = 10;
  entry.pop = true;
  entry.note = "two\nlines";
  const auto text = journal::describe(entry);
  CHECK(text == "2024-03-02: stiffness 3/10 for 10 min, pop YES, note \"two\\nlines\"");
}
