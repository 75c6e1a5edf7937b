#pragma once
// `runload config`: the athlete's settings (rules/settings.hpp gives the
// keys, defaults and safe ranges; docs/SETTINGS.md why each range is safe).
// Reading never creates the database or the athlete; `set` and `unset`
// check the key and the value before anything is opened for writing.

#include <optional>
#include <string>
#include <vector>

#include <runload/app/session.hpp>
#include <runload/model/settings.hpp>
#include <runload/rules/settings.hpp>
#include <runload/text/json.hpp>

namespace runload::app {

struct SettingRow {
  const rules::SettingSpec* spec = nullptr;
  // The value set, as rules::value_text shows it; nullopt: the default.
  std::optional<std::string> value;
  // True when a value is set and differs from the default.
  bool changed = false;
};

// Every key, in catalogue order (for the spelling suggestion and completion).
std::vector<std::string> setting_keys();

// The key named `key`; a UsageError naming the nearest key otherwise.
const rules::SettingSpec& setting_key(std::string_view key);

// The athlete's stored settings (Access::read).
model::Settings athlete_settings(Session& session);
// The settings in force for the athlete (Access::read).
rules::AppliedSettings applied_settings(Session& session);

// Every key, in catalogue order, with its value when set.
std::vector<SettingRow> config_list(Session& session);
SettingRow config_get(Session& session, std::string_view key);

// Checks `value` against the key's range (a UsageError naming the range
// when it is outside) and stores it. Returns the row as stored.
SettingRow config_set(Session& session, std::string_view key, std::string_view value);
// Returns false when the key was not set.
bool config_unset(Session& session, std::string_view key);

// {"key", "value" (null: default), "default", "range", "unit", "changed", "summary"}.
text::Json setting_json(const SettingRow& row);

}  // namespace runload::app
