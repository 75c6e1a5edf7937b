#pragma once
// Databases of years of daily runs for timing the report: one run a day (with
// speed and grade histograms of a real one-hour run) and one journal entry a
// day, written through the repositories as an import would store them.

#include <filesystem>

#include <date/date.h>

namespace runload::bench {

// The athlete and zone the history databases hold.
inline constexpr const char* k_history_athlete = "bench";
inline constexpr const char* k_history_zone = "Europe/Zurich";

// Creates `db` (replacing it) with `days` days of history ending on `last_day`.
void make_history_db(const std::filesystem::path& db, int days, date::sys_days last_day);

}  // namespace runload::bench
