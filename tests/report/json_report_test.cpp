#include <catch2/catch.hpp>

#include <set>

#include <runload/report/json_report.hpp>

#include "report/reports.hpp"

using namespace runload::report;
using namespace runload::report::test;
using Json = nlohmann::json;

namespace {

void check_keys(const Json& object, const std::vector<std::string>& keys) {
  REQUIRE(object.is_object());
  for (const auto& key : keys) {
    INFO("key " << key);
    CHECK(object.contains(key));
  }
}

bool number_or_null(const Json& v) {
  return v.is_number() || v.is_null();
}

}  // namespace

TEST_CASE("json_report: every key of DESIGN section 6 with its type", "[report][json]") {
  const auto doc = Json::parse(json_report(meta(), analysed_report()));
  check_keys(doc,
             {"athlete", "timezone", "week", "load", "weeks", "symptoms", "flags", "next_week"});
  CHECK(doc["athlete"] == "Ada");
  CHECK(doc["timezone"] == "Europe/Berlin");
  check_keys(doc["week"], {"iso", "start", "end"});
  CHECK(doc["week"]["iso"] == "2024-W07");
  CHECK(doc["week"]["start"] == "2024-02-12");
  CHECK(doc["week"]["end"] == "2024-02-18");
  const auto& load = doc["load"];
  check_keys(load,
             {"runs", "distance_km", "duration_s", "longest_run_km", "elevation_gain_m",
              "fast_distance_km", "uphill_distance_km", "prev_week_distance_km", "week_change_pct",
              "acwr_uncoupled", "acwr_coupled", "acwr_ewma", "monotony", "strain"});
  CHECK(load["runs"] == 2);
  CHECK(load["distance_km"] == 33.0);
  CHECK(load["longest_run_km"] == 25.0);
  CHECK(load["prev_week_distance_km"] == 24.0);
  CHECK(load["week_change_pct"] == 37.5);
  CHECK(load["acwr_uncoupled"] == 1.375);
  for (const auto& [key, value] : load.items()) {
    INFO(key);
    CHECK(number_or_null(value));
  }
  // Eight weeks asked for; the history begins in the seventh before: weeks
  // before the first run are not shown.
  REQUIRE(doc["weeks"].size() == 7);
  CHECK(doc["weeks"].back()["iso"] == "2024-W07");
  for (const auto& w : doc["weeks"]) {
    check_keys(w, {"iso", "distance_km", "longest_run_km", "elevation_gain_m", "fast_distance_km",
                   "mean_morning_stiffness"});
    CHECK(w["iso"].is_string());
  }
  check_keys(doc["symptoms"], {"days_logged", "mean_morning_stiffness",
                               "prev_mean_morning_stiffness", "max_pain_run"});
  CHECK(doc["symptoms"]["days_logged"] == 6);
  CHECK(doc["symptoms"]["max_pain_run"] == 8);
  std::set<std::string> rules;
  for (const auto& f : doc["flags"]) {
    check_keys(f, {"rule", "severity", "evidence", "date", "activity_id", "observed", "baseline",
                   "ratio", "message", "source"});
    rules.insert(f["rule"].get<std::string>());
    CHECK(f["activity_id"].is_number_integer() == !f["activity_id"].is_null());
    CHECK(number_or_null(f["observed"]));
    CHECK(number_or_null(f["ratio"]));
    CHECK(f["message"].is_string());
    CHECK(!f["source"].get<std::string>().empty());
  }
  CHECK(rules.count("single_run_spike") == 1);
  CHECK(rules.count("rupture_warning") == 1);
  CHECK(rules.count("pain_during_run") == 1);
  check_keys(doc["next_week"],
             {"max_single_run_km", "distance_km_low", "distance_km_high", "withheld", "reason"});
  // The pop is URGENT: the plan is withheld, with what to do instead.
  CHECK(doc["next_week"]["withheld"] == true);
  CHECK(doc["next_week"]["max_single_run_km"].is_null());
  CHECK(doc["next_week"]["reason"].get<std::string>().find("Possible rupture") !=
        std::string::npos);
  check_keys(doc["status"], {"level", "headline", "rule", "since"});
  CHECK(doc["status"]["level"] == "red");
  CHECK(doc["status"]["rule"] == "rupture_warning");
}

TEST_CASE("json_report: unknown values are null, never 0", "[report][json]") {
  const auto doc = Json::parse(json_report({"Ada", "UTC", std::nullopt}, unknown_report()));
  CHECK(doc["first_run_date"].is_null());
  CHECK(doc["warming_up"] == true);
  for (const char* key :
       {"duration_s", "elevation_gain_m", "fast_distance_km", "uphill_distance_km",
        "week_change_pct", "acwr_uncoupled", "acwr_coupled", "acwr_ewma", "monotony", "strain"}) {
    INFO(key);
    CHECK(doc["load"][key].is_null());
  }
  CHECK(doc["load"]["prev_week_distance_km"] == 0.0);
  CHECK(doc["weeks"][0]["mean_morning_stiffness"].is_null());
  CHECK(doc["symptoms"]["mean_morning_stiffness"].is_null());
  CHECK(doc["symptoms"]["prev_mean_morning_stiffness"].is_null());
  CHECK(doc["symptoms"]["max_pain_run"].is_null());
  const auto& flag = doc["flags"][0];
  CHECK(flag["activity_id"].is_null());
  CHECK(flag["observed"].is_null());
  CHECK(flag["baseline"].is_null());
  CHECK(flag["ratio"].is_null());
  CHECK(flag["severity"] == "info");
  for (const char* key : {"max_single_run_km", "distance_km_low", "distance_km_high"})
    CHECK(doc["next_week"][key].is_null());
}

TEST_CASE("json_report: a name that is not UTF-8 still gives a parseable document",
          "[report][json]") {
  const auto text = json_report(meta("Bad \xff name"), unknown_report());
  CHECK(Json::parse(text)["athlete"] == "Bad \xEF\xBF\xBD name");
}
