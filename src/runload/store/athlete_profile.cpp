#include <runload/store/athlete_profile.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>

namespace runload::store {

std::optional<std::int64_t> find_athlete_id(Database& db, const std::string& name) {
  SQLite::Statement query(db.sql(), "SELECT id FROM athletes WHERE name = ?");
  query.bind(1, name);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

model::AthleteProfile read_profile(Database& db, std::int64_t athlete_id) {
  SQLite::Statement query(db.sql(), "SELECT born_year, sex FROM athletes WHERE id = ?");
  query.bind(1, athlete_id);
  model::AthleteProfile profile;
  if (!query.executeStep()) return profile;
  if (!query.getColumn(0).isNull()) profile.born_year = query.getColumn(0).getInt();
  if (const auto sex = query.getColumn(1); !sex.isNull()) {
    profile.sex = model::sex_from_string(sex.getString());
    if (!profile.sex)
      throw DatabaseError(fmt::format("athletes holds a bad sex '{}'", sex.getString()));
  }
  return profile;
}

model::AthleteProfile set_profile(Database& db, std::int64_t athlete_id,
                                  const model::AthleteProfile& given) {
  auto profile = read_profile(db, athlete_id);
  if (given.born_year) profile.born_year = given.born_year;
  if (given.sex) profile.sex = given.sex;
  SQLite::Statement update(db.sql(), "UPDATE athletes SET born_year = ?, sex = ? WHERE id = ?");
  if (profile.born_year)
    update.bind(1, *profile.born_year);
  else
    update.bind(1);
  if (profile.sex)
    update.bind(2, std::string(model::to_string(*profile.sex)));
  else
    update.bind(2);
  update.bind(3, athlete_id);
  update.exec();
  return profile;
}

}  // namespace runload::store
