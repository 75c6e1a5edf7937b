#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <runload/rules/settings.hpp>

using namespace runload;

namespace {

const rules::SettingSpec& key(std::string_view name) {
  const auto* spec = rules::find_setting(name);
  REQUIRE(spec != nullptr);
  return *spec;
}

}  // namespace

TEST_CASE("settings: every key is unique, and every default lies in its own range",
          "[rules][settings]") {
  std::set<std::string_view> seen;
  for (const auto& spec : rules::settings_catalogue()) {
    INFO(spec.key);
    CHECK(seen.insert(spec.key).second);
    CHECK_FALSE(spec.summary.empty());
    if (spec.kind == rules::SettingKind::number || spec.kind == rules::SettingKind::whole) {
      CHECK(spec.min < spec.max);
      CHECK(rules::checked_value(spec, rules::default_text(spec)));
    }
  }
  CHECK(rules::apply_settings({}).changed.empty());
}

TEST_CASE("settings: the defaults are the sources' thresholds, in the key's unit",
          "[rules][settings]") {
  CHECK(rules::default_text(key("units")) == "metric");
  CHECK(rules::default_text(key("fast_pace")) == "derived");
  CHECK(rules::default_text(key("single_run_small_pct")) == "10");
  CHECK(rules::default_text(key("weekly_jump_pct")) == "30");
  CHECK(rules::default_text(key("shoe_limit_km")) == "800");
  CHECK(rules::default_text(key("cold_run_below_c")) == "5");
  CHECK(rules::default_text(key("weekend_share_pct")) == "70");
  CHECK(rules::default_text(key("acwr_caution")) == "1.5");
}

TEST_CASE("settings: a value outside the range is refused, the boundaries are not",
          "[rules][settings]") {
  const auto& jump = key("weekly_jump_pct");
  CHECK(rules::range_text(jump) == "10 to 50 %");
  CHECK(rules::checked_value(jump, "10") == "10");
  CHECK(rules::checked_value(jump, "50") == "50");
  CHECK(rules::checked_value(jump, "20.50") == "20.5");
  CHECK_FALSE(rules::checked_value(jump, "50.1"));
  CHECK_FALSE(rules::checked_value(jump, "9.99"));
  CHECK_FALSE(rules::checked_value(jump, "nan"));
  CHECK_FALSE(rules::checked_value(jump, "30%"));
  CHECK_FALSE(rules::checked_value(jump, ""));
  const auto& days = key("break_days");
  CHECK_FALSE(rules::checked_value(days, "10.5"));
  CHECK(rules::checked_value(days, "7") == "7");
  CHECK_FALSE(rules::checked_value(key("units"), "miles"));
  CHECK(rules::checked_value(key("units"), "imperial") == "imperial");
}

TEST_CASE("settings: a pace per mile is stored per km", "[rules][settings]") {
  const auto& pace = key("fast_pace");
  CHECK(rules::range_text(pace) == "2:30 to 10:00 per km");
  CHECK(rules::checked_value(pace, "4:30") == "4:30");
  CHECK(rules::checked_value(pace, "4:30/km") == "4:30");
  // 8:03/mi = 483 s per 1609.344 m = 300.1 s/km: 5:00/km.
  CHECK(rules::checked_value(pace, "8:03/mi") == "5:00");
  CHECK_FALSE(rules::checked_value(pace, "2:29"));
  CHECK(rules::checked_value(pace, "10:00") == "10:00");
  CHECK_FALSE(rules::checked_value(pace, "4:60"));
  CHECK_FALSE(rules::checked_value(pace, "430"));
}

TEST_CASE("settings: applied, a changed threshold changes only the number used",
          "[rules][settings]") {
  model::Settings stored;
  stored.values = {
      {"weekly_jump_pct", "20"}, {"shoe_limit_km", "600"},  {"fast_pace", "4:00"},
      {"units", "imperial"},     {"pain_run_caution", "5"},  // the default: not a change
      {"no_such_key", "1"},                                  // a later version's key: ignored
      {"break_days", "99"}};                                 // out of range in the store: ignored
  const auto applied = rules::apply_settings(stored);
  CHECK(applied.thresholds.weekly_jump == Approx(1.20));
  CHECK(applied.thresholds.shoe_limit_m == Approx(600000.0));
  CHECK(applied.thresholds.pain_run_caution == 5);
  CHECK(applied.thresholds.break_days == 14);
  REQUIRE(applied.fast_threshold_mps);
  CHECK(*applied.fast_threshold_mps == Approx(1000.0 / 240.0));
  CHECK(applied.units == model::Units::imperial);
  REQUIRE(applied.changed.size() == 4);
  CHECK(applied.changed[0].key == "units");
  CHECK(applied.changed[1].key == "fast_pace");
  CHECK(applied.changed[1].value == "4:00/km");
  CHECK(applied.changed[2].key == "shoe_limit_km");
  CHECK(applied.changed[2].default_value == "800");
  CHECK(applied.changed[3].key == "weekly_jump_pct");
  CHECK(applied.changed[3].unit == "%");
}
