#include <runload/store/settings_repository.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

#include <runload/model/local_time.hpp>
#include <runload/store/database.hpp>

namespace runload::store {

model::Settings read_settings(Database& db, std::int64_t athlete_id) {
  SQLite::Statement query(db.sql(), "SELECT key, value FROM settings WHERE athlete_id = ?");
  query.bind(1, athlete_id);
  model::Settings settings;
  while (query.executeStep())
    settings.values.emplace(query.getColumn(0).getString(), query.getColumn(1).getString());
  return settings;
}

void set_setting(Database& db, std::int64_t athlete_id, const std::string& key,
                 const std::string& value) {
  SQLite::Statement upsert(db.sql(),
                           "INSERT INTO settings (athlete_id, key, value, updated_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (athlete_id, key) DO UPDATE SET "
                           "value = excluded.value, updated_at = excluded.updated_at");
  upsert.bind(1, athlete_id);
  upsert.bind(2, key);
  upsert.bind(3, value);
  upsert.bind(
      4, model::format_utc(date::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
  upsert.exec();
}

bool unset_setting(Database& db, std::int64_t athlete_id, const std::string& key) {
  SQLite::Statement remove(db.sql(), "DELETE FROM settings WHERE athlete_id = ? AND key = ?");
  remove.bind(1, athlete_id);
  remove.bind(2, key);
  return remove.exec() > 0;
}

}  // namespace runload::store
