#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <runload/import/strava_shoes.hpp>

using namespace runload::import;

TEST_CASE("strava_shoe_name: brand and model, then the nickname unless blank or a repeat",
          "[import][strava][gear]") {
  CHECK(strava_shoe_name("Saucony", "Kinvara 14", "") == "Saucony Kinvara 14");
  CHECK(strava_shoe_name("Saucony", "Kinvara 14", "  ") == "Saucony Kinvara 14");
  CHECK(strava_shoe_name("Saucony", "Kinvara 14", "Blue") == "Saucony Kinvara 14 Blue");
  CHECK(strava_shoe_name("Saucony", "Kinvara 14", "saucony kinvara 14") == "Saucony Kinvara 14");
  CHECK(strava_shoe_name("Saucony", "Kinvara 14", "Saucony Kinvara 14 Blue") ==
        "Saucony Kinvara 14 Blue");
  CHECK(strava_shoe_name("", "", "Old trail pair") == "Old trail pair");
  CHECK(strava_shoe_name(" Hoka ", "", "") == "Hoka");
  CHECK(strava_shoe_name("", "", "").empty());
}

TEST_CASE("read_strava_shoes: brand and model of each row, with the names a run may give it",
          "[import][strava][gear]") {
  const auto read = read_strava_shoes(
      "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\n"
      ",Brooks,Ghost 15,Run\n"
      "Race day,Saucony,Endorphin Speed 3,\"Run,Race\"\n"
      ",,,\n",
      ParseContext{"shoes.csv"});
  CHECK(read.errors.empty());
  REQUIRE(read.shoes.size() == 2);  // the blank row is skipped
  CHECK(read.shoes[0].gear.name == "Brooks Ghost 15");
  CHECK(read.shoes[0].gear.brand == "Brooks");
  CHECK(read.shoes[0].gear.model == "Ghost 15");
  CHECK_FALSE(read.shoes[0].gear.drop_mm.has_value());
  CHECK(read.shoes[0].names == std::vector<std::string>{"Brooks Ghost 15"});
  CHECK(read.shoes[1].gear.name == "Saucony Endorphin Speed 3 Race day");
  CHECK(read.shoes[1].names == std::vector<std::string>{"Saucony Endorphin Speed 3 Race day",
                                                        "Race day", "Saucony Endorphin Speed 3"});
}

TEST_CASE("read_strava_shoes: a file without its columns is an error naming the file",
          "[import][strava][gear]") {
  const auto read = read_strava_shoes("Bike Name,Bike Brand\nx,y\n", ParseContext{"shoes.csv"});
  CHECK(read.shoes.empty());
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].file == "shoes.csv");
  CHECK(read.errors[0].message.find("Shoe Name") != std::string::npos);
  CHECK(read_strava_shoes("", ParseContext{"shoes.csv"}).errors.size() == 1);
}

TEST_CASE("read_strava_shoes: the fixture with a blank nickname and a blank row",
          "[import][strava][gear]") {
  std::ifstream in(std::string(RUNLOAD_SOURCE_DIR) +
                   "/tests/fixtures/csv/shoes/strava_shoes_blank_nickname.csv");
  std::ostringstream text;
  text << in.rdbuf();
  const auto read = read_strava_shoes(text.str(), ParseContext{"shoes.csv"});
  CHECK(read.errors.empty());
  REQUIRE(read.shoes.size() == 2);
  CHECK(read.shoes[0].gear.name == "Brooks Ghost 15");
  CHECK(read.shoes[1].gear.name == "Saucony Endorphin Speed 3 Race day");
}
