#include <catch2/catch.hpp>

#include <array>
#include <string_view>

#include <runload/import/csv_reader.hpp>
#include <runload/import/summary_csv.hpp>

using namespace runload::import;

TEST_CASE("summary csv: every placeholder for no value", "[import][summary_csv]") {
  for (const char* cell : {"", "  ", "--", " -- ", "--:--:--", "--:--", "--.--", "-", "\u2014",
                           "\u2013", "No", "nein", "Non", "Não", "NEE", "Nem", "N/A"})
    CHECK(is_no_value(cell));
  for (const char* cell : {"0", "0:00", "00:00:00", "-5", "NaN", "none yet", "..", ":", "n"})
    CHECK_FALSE(is_no_value(cell));
}

TEST_CASE("summary csv: header names match across case, accents, apostrophes and spaces",
          "[import][summary_csv]") {
  const CsvTable t = parse_csv(
      "ID de l\u2019activité,DATE DE L'ACTIVITE,Temps écoulé,Distance,Temps  écoulé,distance\n");
  const HeaderIndex h(CsvHeader(t.records().front()));
  constexpr std::array<std::string_view, 2> k_id{"Activity ID", "ID de l'activité"};
  constexpr std::array<std::string_view, 2> k_date{"Activity Date", "Date de l'activité"};
  constexpr std::array<std::string_view, 2> k_elapsed{"Elapsed Time", "Temps écoulé"};
  constexpr std::array<std::string_view, 1> k_distance{"Distance"};
  CHECK(h.find(k_id) == 0);
  CHECK(h.find(k_date) == 1);
  CHECK(h.find(k_elapsed, 1) == 2);
  CHECK(h.find(k_elapsed, 2) == 4);
  CHECK(h.find(k_distance, 2) == 5);
  CHECK_FALSE(h.find(k_distance, 3));
  CHECK(h.name(2) == "Temps écoulé");
  CHECK(column_label(h, 3) == "column 4 (\"Distance\")");
}

TEST_CASE("summary csv: a column's number style comes from its own cells",
          "[import][summary_csv]") {
  const CsvTable t = parse_csv(
      "a,b,c\n\"9,44\",9440.2,\"1.250\"\n\"10,20\",10200.5,\"1.024\"\n\"1.250\",1250.0,x\n");
  CHECK(decide_column_style(t, 0).decimal == ',');
  CHECK(decide_column_style(t, 1).decimal == '.');
  // Only thousands-like values: no evidence, the default.
  CHECK(decide_column_style(t, 2, NumberStyle{',', '.'}).decimal == ',');
  CHECK(decide_column_style(t, 2).decimal == '.');
  CHECK(decimal_comma_vote("'-12,5") == 1);  // a spreadsheet's text mark
  CHECK(without_text_mark(" '-12 ") == "-12");
}
