#pragma once
// An athlete's settings (migrations/0010_settings.sql): the keys set, each
// with its value as text. What a key means and which values it takes is
// rules/settings.hpp; the caller checks a value before it is stored.

#include <cstdint>
#include <string>

#include <runload/model/settings.hpp>

namespace runload::store {

class Database;

// Every key the athlete set (keys this version does not know included).
model::Settings read_settings(Database& db, std::int64_t athlete_id);

// Stores `value` for `key`, replacing the one before.
void set_setting(Database& db, std::int64_t athlete_id, const std::string& key,
                 const std::string& value);

// Removes `key`: it has its default again. Returns false when it was not set.
bool unset_setting(Database& db, std::int64_t athlete_id, const std::string& key);

}  // namespace runload::store
