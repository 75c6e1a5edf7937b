#include <runload/app/config_command.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/settings_repository.hpp>
#include <runload/store/transaction.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::app {
namespace {

SettingRow row_of(const rules::SettingSpec& spec, const model::Settings& stored,
                  const rules::AppliedSettings& applied) {
  SettingRow row{&spec, std::nullopt, false};
  const auto found = stored.values.find(std::string(spec.key));
  if (found != stored.values.end()) {
    if (const auto value = rules::checked_value(spec, found->second))
      row.value = rules::value_text(spec, *value);
  }
  for (const auto& change : applied.changed)
    if (change.key == spec.key) row.changed = true;
  return row;
}

}  // namespace

std::vector<std::string> setting_keys() {
  std::vector<std::string> keys;
  for (const auto& spec : rules::settings_catalogue()) keys.emplace_back(spec.key);
  return keys;
}

const rules::SettingSpec& setting_key(std::string_view key) {
  if (const auto* spec = rules::find_setting(key)) return *spec;
  const auto keys = setting_keys();
  throw UsageError(fmt::format("unknown setting '{}'{}; 'runload config list' shows them all",
                               text::terminal_safe(key), text::did_you_mean(key, keys)));
}

model::Settings athlete_settings(Session& session) {
  return store::read_settings(session.database(Access::read), session.athlete(Access::read).id);
}

rules::AppliedSettings applied_settings(Session& session) {
  return rules::apply_settings(athlete_settings(session));
}

std::vector<SettingRow> config_list(Session& session) {
  const auto stored = athlete_settings(session);
  const auto applied = rules::apply_settings(stored);
  std::vector<SettingRow> rows;
  for (const auto& spec : rules::settings_catalogue())
    rows.push_back(row_of(spec, stored, applied));
  return rows;
}

SettingRow config_get(Session& session, std::string_view key) {
  const auto& spec = setting_key(key);
  const auto stored = athlete_settings(session);
  return row_of(spec, stored, rules::apply_settings(stored));
}

SettingRow config_set(Session& session, std::string_view key, std::string_view value) {
  const auto& spec = setting_key(key);
  const auto checked = rules::checked_value(spec, value);
  if (!checked)
    throw UsageError(fmt::format("{} must be {}, not '{}'", spec.key, rules::range_text(spec),
                                 text::terminal_safe(value)));
  auto& db = session.database(Access::write);
  const auto athlete_id = session.athlete(Access::write).id;
  {
    store::WriteTransaction tx(db);
    store::set_setting(db, athlete_id, std::string(spec.key), *checked);
    tx.commit();
  }
  const auto stored = store::read_settings(db, athlete_id);
  return row_of(spec, stored, rules::apply_settings(stored));
}

bool config_unset(Session& session, std::string_view key) {
  const auto& spec = setting_key(key);
  auto& db = session.database(Access::write);
  const auto athlete_id = session.athlete(Access::write).id;
  store::WriteTransaction tx(db);
  const bool removed = store::unset_setting(db, athlete_id, std::string(spec.key));
  tx.commit();
  return removed;
}

text::Json setting_json(const SettingRow& row) {
  const auto& spec = *row.spec;
  return {
      {"key", std::string(spec.key)},
      {"value", row.value ? text::Json(*row.value) : text::Json(nullptr)},
      {"default", rules::default_text(spec)},
      {"range", rules::range_text(spec)},
      {"unit", std::string(spec.unit)},
      {"changed", row.changed},
      {"summary", std::string(spec.summary)},
  };
}

}  // namespace runload::app
