#include <catch2/catch.hpp>

#include <string>

#include <runload/import/csv_reader.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;

namespace {
std::string fixture(const char* name) {
  return runload::test::read_file(runload::test::source_dir() / "tests/fixtures/csv" / name);
}
}  // namespace

TEST_CASE("csv_reader: a quoted field keeps its line breaks and undoubles its quotes",
          "[import][csv]") {
  const std::string text = fixture("strava_embedded_newline_and_doubled_quotes.csv");
  const CsvTable table = parse_csv(text);
  REQUIRE_FALSE(table.error());
  REQUIRE(table.records().size() == 3);
  const CsvRecord& first = table.records()[1];
  CHECK(first.line == 2);
  CHECK(first.at(2) == "Run with \"friends\"\nand a second line");
  // The record after the two-line field starts on line 4.
  CHECK(table.records()[2].line == 4);
  CHECK(table.records()[2].at(2) == "Plain");
}

TEST_CASE("csv_reader: a BOM is skipped and CRLF ends records", "[import][csv]") {
  const std::string text = fixture("strava_bom_crlf.csv");
  const CsvTable table = parse_csv(text);
  REQUIRE(table.records().size() == 3);
  CHECK(table.records()[0].at(0) == "Activity ID");
  CHECK(table.records()[2].at(5) == "3.00");
  CHECK(table.records()[2].line == 3);
}

TEST_CASE("csv_reader: a lone CR ends a record", "[import][csv]") {
  const std::string text = fixture("cr_only_line_endings.csv");
  const CsvTable table = parse_csv(text);
  REQUIRE(table.records().size() == 3);
  CHECK(table.records()[0].line == 1);
  CHECK(table.records()[1].line == 2);
  CHECK(table.records()[1].at(0) == "c");
  CHECK(table.records()[1].at(1) == "d");
  CHECK(table.records()[2].at(0) == "e\rf");
}

TEST_CASE("csv_reader: a CR inside a quoted field still counts for later line numbers",
          "[import][csv]") {
  const CsvTable table = parse_csv("a,b\rc,d\r\"e\rf\",g\rh,i");
  REQUIRE(table.records().size() == 4);
  CHECK(table.records()[2].at(0) == "e\rf");
  CHECK(table.records()[2].line == 3);
  CHECK(table.records()[3].line == 5);
}

TEST_CASE("csv_reader: an unterminated quote is an error on the line where it opens",
          "[import][csv]") {
  const std::string text = fixture("unterminated_quote.csv");
  const CsvTable table = parse_csv(text);
  REQUIRE(table.error());
  CHECK(table.error()->line == 2);
  CHECK_THAT(table.error()->message, Catch::Contains("unterminated"));
  CHECK(table.records().size() == 1);  // the header before it is kept
}

TEST_CASE("csv_reader: blank lines are skipped, empty fields are kept", "[import][csv]") {
  const CsvTable table = parse_csv("a,b,c\n\n1,,\n\"\"\n");
  REQUIRE(table.records().size() == 3);
  CHECK(table.records()[1].fields.size() == 3);
  CHECK(table.records()[1].at(1).empty());
  CHECK(table.records()[1].line == 3);
  CHECK(table.records()[2].fields.size() == 1);  // a quoted empty field is a record
  CHECK(table.records()[2].at(7).empty());       // out of range reads as empty
}

TEST_CASE("csv_reader: unquoted fields are views into the input, not copies", "[import][csv]") {
  const std::string text = "name,value\nabc,\"quoted\"\n";
  const CsvTable table = parse_csv(text);
  REQUIRE(table.records().size() == 2);
  const auto field = table.records()[1].at(0);
  CHECK(field.data() == text.data() + 11);
  const auto quoted = table.records()[1].at(1);
  CHECK(quoted.data() == text.data() + 16);  // inside the quotes, still no copy
}

TEST_CASE("csv_reader: header lookup finds a repeated name by occurrence", "[import][csv]") {
  const CsvTable table = parse_csv("Distance, Elapsed Time ,Distance,Commute\n");
  const CsvHeader header(table.records().front());
  CHECK(header.find("Distance") == 0u);
  CHECK(header.find("Distance", 2) == 2u);
  CHECK_FALSE(header.find("Distance", 3));
  CHECK(header.find("Elapsed Time") == 1u);  // names are trimmed
  CHECK(header.count("Distance") == 2);
  CHECK_FALSE(header.find("distance"));  // exact, case-sensitive
}
