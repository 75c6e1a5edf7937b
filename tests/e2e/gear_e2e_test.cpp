#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "support/archives.hpp"
#include "support/run_binary.hpp"
#include "support/strava_export.hpp"
#include "support/temp_dir.hpp"

using namespace runload;
using test::run_runload;
using test::RunResult;
using test::TempDir;

namespace {

// The test export with its runs naming their shoes as Strava writes them
// ("<Brand> <Model>", then the nickname) and the export's shoes.csv, which
// also lists a pair never run in.
std::vector<test::ZipEntry> export_with_shoes() {
  auto members = test::strava_export_members();
  for (auto& m : members) {
    if (m.name != "activities.csv") continue;
    auto& csv = m.bytes;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {",Pegasus 40,", ",Nike Pegasus 40,"}, {",Speedgoat 5,", ",Hoka Speedgoat 5 Trail,"}})
      for (auto at = csv.find(from); at != std::string::npos; at = csv.find(from, at + to.size()))
        csv.replace(at, from.size(), to);
  }
  members.push_back({"shoes.csv",
                     "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\n"
                     ",Nike,Pegasus 40,Run\n"
                     "Trail,Hoka,Speedgoat 5,\n"
                     ",Adidas,Adizero Adios Pro 3,\n"});
  return members;
}

RunResult in(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  return run_runload(args);
}

nlohmann::json gear_list(const std::string& db) {
  const auto r = in(db, {"gear", "list", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

const nlohmann::json& named(const nlohmann::json& shoes, const std::string& name) {
  for (const auto& s : shoes)
    if (s["name"] == name) return s;
  FAIL("no shoe " << name);
  return shoes;
}

// A runload CSV: six weeks of three 10 km runs in "Daily", then a week with
// 15 of its 30 km in "Low" (Mon 2024-04-01 to Sun 2024-05-19).
std::string transition_csv() {
  std::string csv = "date,start_time,distance_km,sport,gear\n";
  const std::vector<std::string> days{"04-01", "04-03", "04-05", "04-08", "04-10", "04-12",
                                      "04-15", "04-17", "04-19", "04-22", "04-24", "04-26",
                                      "04-29", "05-01", "05-03", "05-06", "05-08", "05-10"};
  for (const auto& d : days) csv += fmt::format("2024-{},07:00,10,run,Daily\n", d);
  csv += "2024-05-13,07:00,15,run,Daily\n2024-05-15,07:00,15,run,Low\n";
  return csv;
}

}  // namespace

TEST_CASE(
    "e2e gear: a Strava export's shoes.csv and Activity Gear give the shoes with their "
    "distances, importing it again changes nothing",
    "[e2e][gear][import]") {
  TempDir dir;
  const auto zip = dir.write("export.zip", test::make_zip(export_with_shoes()));
  const auto db = (dir / "r.db").string();
  auto r = in(db, {"import", zip.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("3 new shoes"));
  CHECK_THAT(r.err, Catch::Contains("runload gear edit NAME --drop MM"));

  const auto shoes = gear_list(db);
  REQUIRE(shoes.size() == 3);
  const auto& pegasus = named(shoes, "Nike Pegasus 40");  // rows 101 (10.0 km) and 103 (4.0 km)
  CHECK(pegasus["brand"] == "Nike");
  CHECK(pegasus["model"] == "Pegasus 40");
  CHECK(pegasus["distance_km"] == Approx(14.0));
  CHECK(pegasus["runs"] == 2);
  CHECK(pegasus["drop_mm"].is_null());
  CHECK(pegasus["limit_km"] == Approx(800.0));
  CHECK(pegasus["retired"] == false);
  const auto& trail = named(shoes, "Hoka Speedgoat 5 Trail");  // row 102's 5.4 km track
  CHECK(trail["brand"] == "Hoka");
  CHECK(trail["distance_km"] == Approx(5.4).margin(0.05));
  CHECK(trail["runs"] == 1);
  const auto& adios = named(shoes, "Adidas Adizero Adios Pro 3");
  CHECK(adios["distance_km"] == Approx(0.0));
  CHECK(adios["runs"] == 0);

  r = in(db, {"import", "--json", zip.string()});
  REQUIRE(r.exit_code == 0);
  const auto again = nlohmann::json::parse(r.out);
  CHECK(again["imported"] == 0);
  CHECK(again["new_shoes"].empty());
  CHECK(gear_list(db) == shoes);

  // The same export unpacked: the shoes exist, and none is added.
  const auto folder = test::write_export_folder(dir, "export", export_with_shoes());
  r = in(db, {"import", "--json", folder.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["new_shoes"].empty());
  CHECK(gear_list(db).size() == 3);
}

TEST_CASE("e2e gear: a change to lower-drop shoes is judged once both drops are known",
          "[e2e][gear][report]") {
  TempDir dir;
  const auto db = (dir / "r.db").string();
  const auto csv = dir.write("runs.csv", transition_csv());
  REQUIRE(in(db, {"--tz", "UTC", "import", csv.string()}).exit_code == 0);
  const auto week = [&] {
    const auto r = in(db, {"report", "--week", "2024-W20", "--json"});
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  };
  auto doc = week();
  for (const auto& f : doc["flags"]) CHECK(f["rule"] != "footwear_transition");
  CHECK(doc["gear"]["unknown_drop_km"] == Approx(30.0));
  const auto text = in(db, {"report", "--week", "2024-W20"});
  CHECK_THAT(text.out, Catch::Contains("Drop unknown"));
  CHECK_THAT(text.out, Catch::Contains("30.0 km in Daily, Low are not judged as a change"));

  REQUIRE(in(db, {"gear", "edit", "Daily", "--drop", "10"}).exit_code == 0);
  REQUIRE(in(db, {"gear", "edit", "Low", "--drop", "4"}).exit_code == 0);
  doc = week();
  REQUIRE_FALSE(doc["flags"].empty());
  bool found = false;
  for (const auto& f : doc["flags"])
    if (f["rule"] == "footwear_transition") {
      found = true;
      CHECK(f["severity"] == "caution");
      CHECK(f["date"] == "2024-05-19");
    }
  CHECK(found);
  CHECK(doc["gear"]["transition"]["reference_drop_mm"] == Approx(10.0));
  CHECK(doc["gear"]["transition"]["lower_share"] == Approx(0.5));
  CHECK(doc["status"]["level"] == "amber");
  // The week before: no change yet.
  const auto before = nlohmann::json::parse(in(db, {"report", "--week", "2024-W19", "--json"}).out);
  for (const auto& f : before["flags"]) CHECK(f["rule"] != "footwear_transition");
}

TEST_CASE(
    "e2e gear: add, edit, assign, default and retire from the command line, mistakes are "
    "usage errors naming what is wrong",
    "[e2e][gear][cli]") {
  TempDir dir;
  const auto db = (dir / "r.db").string();
  const auto csv = dir.write("runs.csv",
                             "date,start_time,distance_km,sport,gear\n"
                             "2024-03-10,07:30,10,run,Pegasus 40\n"
                             "2024-03-12,07:30,8,run,\n"
                             "2024-03-14,07:30,6,run,\n");
  auto r = in(db, {"import", csv.string()});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("new shoe 'Pegasus 40'"));

  CHECK(in(db, {"gear", "add", "Kinvara", "--drop", "4", "--limit-km", "600", "--brand", "Saucony"})
            .exit_code == 0);
  r = in(db, {"gear", "add", "Kinvara"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("a shoe named 'Kinvara' exists"));
  r = in(db, {"gear", "edit", "Kinvar", "--drop", "4"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no shoe named 'Kinvar'"));
  r = in(db, {"gear", "edit", "Kinvara", "--drop", "40"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--drop 40 is out of range: -5 to 30 mm"));
  r = in(db, {"gear", "assign", "99", "Kinvara"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no activity 99"));

  CHECK(in(db, {"gear", "assign", "2", "Kinvara"}).exit_code == 0);
  auto shoes = gear_list(db);
  CHECK(named(shoes, "Kinvara")["distance_km"] == Approx(8.0));
  CHECK(named(shoes, "Kinvara")["limit_km"] == Approx(600.0));
  CHECK(named(shoes, "Kinvara")["drop_mm"] == Approx(4.0));

  CHECK(in(db, {"gear", "assign", "--from", "2024-03-10", "--to", "2024-03-12", "Pegasus 40"})
            .exit_code == 0);
  shoes = gear_list(db);
  CHECK(named(shoes, "Pegasus 40")["runs"] == 2);
  CHECK(named(shoes, "Kinvara")["runs"] == 0);

  r = in(db, {"gear", "default", "Kinvara"});
  CHECK(r.exit_code == 0);
  CHECK(named(gear_list(db), "Kinvara")["runs"] == 1);  // the 14 March run named none

  CHECK(in(db, {"gear", "edit", "Kinvara", "--name", "Kinvara 14"}).exit_code == 0);
  r = in(db, {"runs", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)[2]["gear"] == "Kinvara 14");

  CHECK(in(db, {"gear", "retire", "Kinvara 14", "--date", "2024-03-20"}).exit_code == 0);
  CHECK(named(gear_list(db), "Kinvara 14")["retired"] == true);
  r = in(db, {"gear", "default", "Kinvara 14"});
  CHECK(r.exit_code == 2);
  CHECK(in(db, {"gear", "retire", "Kinvara 14", "--undo"}).exit_code == 0);
  CHECK(named(gear_list(db), "Kinvara 14")["retired"] == false);
}
