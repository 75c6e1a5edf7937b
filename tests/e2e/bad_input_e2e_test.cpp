// Malformed inputs through the built binary (docs/RELIABILITY.md): each one
// exits with its documented code, names the file and the line or byte offset,
// stores nothing of the bad file, and leaves the database healthy.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "support/cli_database.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunOptions;
using runload::test::RunResult;
using runload::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A database in `dir` for an athlete in UTC that already holds one journal
// entry and one imported file, so that "nothing stored" is checked against
// real content.
class Fixture : public runload::test::CliDatabase {
 public:
  Fixture() {
    const auto seed = dir().write("seed.csv", "date,stiffness,note\n2024-01-01,2,seed\n");
    REQUIRE(run({"journal", "import", seed.string()}).exit_code == 0);
    m_journal = journal();
    m_counts = counts();
  }

  // Nothing changed since the fixture was made, and the database is healthy.
  void require_unchanged() const {
    CHECK(journal() == m_journal);
    CHECK(counts() == m_counts);
  }

 private:
  nlohmann::json m_journal;
  nlohmann::json m_counts;
};

struct BadJournal {
  const char* fixture;  // under tests/fixtures/bad/journal/
  int exit_code;
  const char* location;  // ":LINE:" after the path, or "" when the file has no line
  const char* message;   // part of the reason
};

// Every journal CSV fixture and what runload says about it.
const std::vector<BadJournal> k_bad_journals{
    {"empty.csv", 1, ":1:", "the file is empty"},
    {"blank_lines_only.csv", 1, ":1:", "the file is empty"},
    {"bom_then_bad_stiffness_line_2.csv", 1, ":2:", "stiffness must be a whole number"},
    {"utf16_le_bom.csv", 1, ":1:", "UTF-16"},
    {"utf16_be_bom.csv", 1, ":1:", "UTF-16"},
    {"utf16_le_without_bom.csv", 1, ":1:", "NUL byte at byte 1"},
    {"cr_only_line_ends_bad_line_3.csv", 1, ":3:", "stiffness must be"},
    {"mixed_line_ends_bad_line_4.csv", 1, ":4:", "pain_run must be"},
    {"unterminated_quote_line_3.csv", 1, ":3:", "never closed"},
    {"ragged_row_short_line_3.csv", 1, ":3:", "has 2 cells, the header has 4"},
    {"ragged_row_long_line_2.csv", 1, ":2:", "has 5 cells, the header has 4"},
    {"duplicate_header_stiffness.csv", 1, ":1:", "column 'stiffness' appears twice"},
    {"unknown_header_column.csv", 1, ":1:", "unknown column 'stifness'"},
    {"no_date_column.csv", 1, ":1:", "no 'date' column"},
    {"localised_decimal_comma_line_2.csv", 1, ":2:", "not '3,5'"},
    {"localised_date_dd_mm_yyyy_line_2.csv", 1, ":2:", "date"},
    {"nan_stiffness_line_2.csv", 1, ":2:", "not 'NaN'"},
    {"inf_pain_line_2.csv", 1, ":2:", "not 'inf'"},
    {"overflow_1e309_line_2.csv", 1, ":2:", "not '1e309'"},
    {"huge_integer_line_2.csv", 1, ":2:", "stiffness must be a whole number"},
    {"negative_pain_line_2.csv", 1, ":2:", "not '-1'"},
    {"fraction_stiffness_line_2.csv", 1, ":2:", "not '2.5'"},
    {"plus_sign_and_hex_line_2.csv", 1, ":2:", "not '0x3'"},
    {"absurd_stiffness_minutes_line_2.csv", 1, ":2:", "from 0 to 1440, not '99999'"},
    {"negative_stiffness_minutes_line_2.csv", 1, ":2:", "not '-5'"},
    {"nul_byte_line_3.csv", 1, ":3:", "a NUL byte at byte"},
    {"invalid_utf8_line_2.csv", 1, ":2:", "(0xE9) is not UTF-8"},
    {"overlong_utf8_slash_line_2.csv", 1, ":2:", "(0xC0) is not UTF-8"},
    {"utf8_surrogate_line_2.csv", 1, ":2:", "(0xED) is not UTF-8"},
    {"truncated_utf8_at_end_line_2.csv", 1, ":2:", "(0xE2) is not UTF-8"},
    {"date_in_the_future_line_2.csv", 1, ":2:", "date"},
    {"date_not_a_calendar_day_line_2.csv", 1, ":2:", "is not a calendar day"},
    {"date_with_time_line_2.csv", 1, ":2:", "date"},
    {"date_missing_line_2.csv", 1, ":2:", "date is missing"},
    {"duplicate_date_line_3.csv", 1, ":3:", "already given on line 2"},
    {"swelling_maybe_line_2.csv", 1, ":2:", "swelling must be yes or no"},
    {"side_middle_line_2.csv", 1, ":2:", "side must be left, right or both"},
    {"stiffness_eleven_line_2.csv", 1, ":2:", "from 0 to 10, not '11'"},
    {"visa_a_b_tops_at_20_line_2.csv", 1, ":2:", "visa_a Q8: B tops at 20"},
    {"heel_rise_without_right_line_2.csv", 1, ":2:", "needs heel_rise_left and heel_rise_right"},
    {"stiffness_on_visa_a_row_line_2.csv", 1, ":2:", "stiffness belongs to day rows"},
    {"record_unknown_kind_line_2.csv", 1, ":2:", "record must be day, visa_a"},
    {"medication_until_before_date_line_2.csv", 1, ":2:", "until 2024-01-09 is before the date"},
};

fs::path bad_fixture(const char* name) {
  return runload::test::source_dir() / "tests/fixtures/bad/journal" / name;
}

}  // namespace

TEST_CASE("bad input: every malformed journal CSV is refused whole, named by file and line",
          "[e2e][bad_input][journal]") {
  Fixture db;
  for (const auto& bad : k_bad_journals) {
    const auto path = bad_fixture(bad.fixture).string();
    INFO(bad.fixture);
    REQUIRE(fs::exists(path));
    const auto r = db.run({"journal", "import", path});
    INFO(r.err);
    CHECK(r.exit_code == bad.exit_code);
    CHECK_THAT(r.err, Catch::Contains(path + bad.location));
    CHECK_THAT(r.err, Catch::Contains(bad.message));
    CHECK_THAT(r.err, Catch::Contains("nothing from this file was stored"));
    CHECK(r.out.empty());
  }
  db.require_unchanged();
}

TEST_CASE("bad input: every fixture under tests/fixtures/bad/journal is in the table",
          "[bad_input][journal]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(bad_fixture(""))) {
    const auto name = entry.path().filename().string();
    INFO(name);
    const bool listed = name == "header_only.csv" ||
                        std::any_of(k_bad_journals.begin(), k_bad_journals.end(),
                                    [&](const BadJournal& b) { return name == b.fixture; });
    CHECK(listed);
    ++files;
  }
  CHECK(files == k_bad_journals.size() + 1);
}

TEST_CASE("bad input: a journal CSV with a header only imports nothing and succeeds",
          "[e2e][bad_input][journal]") {
  Fixture db;
  const auto r = db.run({"journal", "import", bad_fixture("header_only.csv").string()});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("imported 0 journal entries"));
  db.require_unchanged();
}

TEST_CASE("bad input: a 10 MB note is refused with its line", "[e2e][bad_input][journal]") {
  Fixture db;
  const auto path =
      db.dir().write("ten_megabyte_note.csv", "date,note\n2024-01-10,short\n2024-01-11,\"" +
                                                  std::string(10 << 20, 'x') + "\"\n");
  const auto r = db.run({"journal", "import", path.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(path.string() + ":3: note is 10485760 bytes long"));
  db.require_unchanged();
}

TEST_CASE("bad input: one bad row after 100,000 good ones is found on its line",
          "[e2e][bad_input][journal]") {
  Fixture db;
  std::string text = "date,stiffness\n";
  date::sys_days day = date::year{1700} / 1 / 1;
  for (int i = 0; i < 100000; ++i, day += date::days{1}) text += date::format("%F", day) + ",1\n";
  text += date::format("%F", day) + ",x\n";
  const auto path = db.dir().write("long.csv", text);
  const auto r = db.run({"journal", "import", path.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(path.string() + ":100002: stiffness"));
  db.require_unchanged();
}

TEST_CASE("bad input: files over RUNLOAD_MAX_FILE_BYTES are refused unread, by both importers",
          "[e2e][bad_input][limits]") {
  Fixture db;
  const auto journal_csv =
      db.dir().write("big.csv", "date,note\n2024-01-10," + std::string(200, 'n') + "\n");
  const auto track = db.dir().write("big.gpx", std::string(300, ' '));
  const RunOptions limited{{{"RUNLOAD_MAX_FILE_BYTES", "100"}}, "", ""};

  auto r = db.run({"journal", "import", journal_csv.string()}, limited);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(journal_csv.string() + ": the file is " +
                                    std::to_string(fs::file_size(journal_csv)) +
                                    " bytes; runload reads files up to 100 bytes"));

  r = db.run({"import", track.string(), "--json"}, limited);
  CHECK(r.exit_code == 1);
  const auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["failed"] == 1);
  CHECK(summary["errors"][0]["path"] == track.string());
  CHECK_THAT(summary["errors"][0]["message"].get<std::string>(),
             Catch::Contains("the file is 300 bytes; runload reads files up to 100 bytes"));
  db.require_unchanged();
}

TEST_CASE("bad input: RUNLOAD_MAX_FILE_BYTES only lowers the limit and must be a number",
          "[e2e][bad_input][limits]") {
  Fixture db;
  const auto csv = db.dir().write("ok.csv", "date,stiffness\n2024-01-10,1\n");
  auto r = db.run({"journal", "import", csv.string()},
                  {{{"RUNLOAD_MAX_FILE_BYTES", "99999999999999999999999"}}, "", ""});
  CHECK(r.exit_code == 0);
  r = db.run({"journal", "import", csv.string()}, {{{"RUNLOAD_MAX_FILE_BYTES", "lots"}}, "", ""});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("RUNLOAD_MAX_FILE_BYTES must be a number of bytes"));
  r = db.run({"import", csv.string()}, {{{"RUNLOAD_MAX_FILE_BYTES", "-1"}}, "", ""});
  CHECK(r.exit_code == 2);
}

TEST_CASE("bad input: a folder, a FIFO and a missing file are refused by name",
          "[e2e][bad_input]") {
  Fixture db;
  const auto folder = db.dir() / "a_folder.csv";
  fs::create_directories(folder);
  const auto fifo = db.dir() / "a_fifo.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);

  for (const auto& path : {folder, fifo, db.dir() / "missing.csv"}) {
    INFO(path);
    const auto r = db.run({"journal", "import", path.string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("cannot read " + path.string()));
  }
  const auto r = db.run({"import", fifo.string(), (db.dir() / "missing.gpx").string(), "--json"});
  CHECK(r.exit_code == 1);
  const auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["failed"] == 2);
  CHECK(summary["errors"][0]["path"] == fifo.string());
  CHECK(summary["errors"][1]["path"] == (db.dir() / "missing.gpx").string());
  db.require_unchanged();
}
