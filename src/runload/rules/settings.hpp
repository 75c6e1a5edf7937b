#pragma once
// The settings a runner may change (`runload config`, docs/SETTINGS.md):
// every key with its default, its safe range and the Thresholds field it
// sets. The one table of keys: `config` checks values against it, the
// report names the keys that differ from their defaults, and shell
// completion offers its names.
//
// A changed threshold changes only the number a rule compares with; the
// rule keeps its catalogue entry (id, evidence, source, advice).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <runload/model/settings.hpp>
#include <runload/model/units.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::rules {

// How a key's value is written and read.
enum class SettingKind {
  units,   // metric | imperial
  pace,    // m:ss per km (or m:ss/mi, converted); unset: the derived threshold
  number,  // a decimal number
  whole,   // a whole number
};

// How a value in the key's unit maps onto its Thresholds field.
enum class Scale {
  same,       // the field holds the value
  rise_pct,   // a rise in percent: 30 -> a ratio of 1.30
  share_pct,  // a share in percent: 70 -> 0.70
  km,         // kilometres -> metres
};

struct SettingSpec {
  std::string_view key;
  SettingKind kind;
  std::string_view unit;  // of the value: "%", "km", "m", "mm", "C", "points", ...
  double min = 0.0;       // the safe range, in the value's unit (pace: s/km)
  double max = 0.0;
  std::string_view summary;              // what it changes, one line
  double Thresholds::*number = nullptr;  // the field a number sets
  int Thresholds::*whole = nullptr;      // the field a whole number sets
  Scale scale = Scale::same;
};

// Every key, in the order `config list` shows them.
std::span<const SettingSpec> settings_catalogue() noexcept;

// The key named `key`, or nullptr.
const SettingSpec* find_setting(std::string_view key) noexcept;

// The default as `config` shows it: "metric", "10", "derived".
std::string default_text(const SettingSpec& spec);
// The safe range in words: "5 to 20 %", "metric or imperial",
// "2:30 to 10:00 per km".
std::string range_text(const SettingSpec& spec);

// `text` as it is stored ("4:30" for "4:30/km", "12.5" for "12.50"), or
// nullopt when it is not a value of the key or lies outside its range.
std::optional<std::string> checked_value(const SettingSpec& spec, std::string_view text);

// A stored value as `config` shows it ("4:30/km", "metric", "12.5").
std::string value_text(const SettingSpec& spec, const std::string& stored);

// One key of the athlete's settings that differs from its default.
struct SettingChange {
  std::string key;
  std::string value;          // as value_text shows it
  std::string default_value;  // as default_text shows it
  std::string unit;           // of both ("" for units and pace)
};

// The settings in force: the thresholds with every key set applied, the
// fast threshold (m/s; nullopt: derived from the 90-day median) and the
// units. A stored key this version does not know, or a value it cannot
// read, is ignored (the default holds).
struct AppliedSettings {
  Thresholds thresholds;
  std::optional<double> fast_threshold_mps;
  model::Units units = model::Units::metric;
  std::vector<SettingChange> changed;  // in catalogue order
};
AppliedSettings apply_settings(const model::Settings& stored);

}  // namespace runload::rules
