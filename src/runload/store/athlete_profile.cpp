#include <runload/store/athlete_profile.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>

namespace runload::store {
namespace {

void bind_or_null(SQLite::Statement& stmt, int index, const std::optional<int>& value) {
  if (value)
    stmt.bind(index, *value);
  else
    stmt.bind(index);
}

}  // namespace

std::optional<std::int64_t> find_athlete_id(Database& db, const std::string& name) {
  SQLite::Statement query(db.sql(), "SELECT id FROM athletes WHERE name = ?");
  query.bind(1, name);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

model::AthleteProfile read_profile(Database& db, std::int64_t athlete_id) {
  SQLite::Statement query(db.sql(),
                          "SELECT born_year, sex, hr_rest, hr_max FROM athletes WHERE id = ?");
  query.bind(1, athlete_id);
  model::AthleteProfile profile;
  if (!query.executeStep()) return profile;
  if (!query.getColumn(0).isNull()) profile.born_year = query.getColumn(0).getInt();
  if (const auto sex = query.getColumn(1); !sex.isNull()) {
    profile.sex = model::sex_from_string(sex.getString());
    if (!profile.sex)
      throw DatabaseError(fmt::format("athletes holds a bad sex '{}'", sex.getString()));
  }
  if (!query.getColumn(2).isNull()) profile.hr_rest_bpm = query.getColumn(2).getInt();
  if (!query.getColumn(3).isNull()) profile.hr_max_bpm = query.getColumn(3).getInt();
  return profile;
}

model::AthleteProfile set_profile(Database& db, std::int64_t athlete_id,
                                  const model::AthleteProfile& given) {
  auto profile = read_profile(db, athlete_id);
  if (given.born_year) profile.born_year = given.born_year;
  if (given.sex) profile.sex = given.sex;
  if (given.hr_rest_bpm) profile.hr_rest_bpm = given.hr_rest_bpm;
  if (given.hr_max_bpm) profile.hr_max_bpm = given.hr_max_bpm;
  SQLite::Statement update(
      db.sql(), "UPDATE athletes SET born_year = ?, sex = ?, hr_rest = ?, hr_max = ? WHERE id = ?");
  if (profile.born_year)
    update.bind(1, *profile.born_year);
  else
    update.bind(1);
  if (profile.sex)
    update.bind(2, std::string(model::to_string(*profile.sex)));
  else
    update.bind(2);
  bind_or_null(update, 3, profile.hr_rest_bpm);
  bind_or_null(update, 4, profile.hr_max_bpm);
  update.bind(5, athlete_id);
  update.exec();
  return profile;
}

}  // namespace runload::store
