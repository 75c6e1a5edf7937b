#pragma once
// The athlete's optional year of birth and sex (migrations/0008_tendon.sql),
// for the heel-rise norms and a line of context (docs/TENDON.md), and resting
// and maximum heart rate (migrations/0011_heart_rate.sql), for Banister's
// TRIMP (docs/REPORT.md).

#include <cstdint>
#include <optional>
#include <string>

#include <runload/model/tendon.hpp>

namespace runload::store {

class Database;

// The athlete named `name`, or nullopt: its id.
std::optional<std::int64_t> find_athlete_id(Database& db, const std::string& name);

model::AthleteProfile read_profile(Database& db, std::int64_t athlete_id);

// Sets the fields `given` holds, keeping the others; returns the profile as
// it is now.
model::AthleteProfile set_profile(Database& db, std::int64_t athlete_id,
                                  const model::AthleteProfile& given);

}  // namespace runload::store
