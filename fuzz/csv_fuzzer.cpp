// The RFC 4180 CSV reader and the CSV mappers built on it (Strava,
// Garmin, runload, and a Strava export's shoes.csv) on arbitrary bytes, with the parts of the
// localised readers that take a cell (dates in every language, sport words, header folding). The
// first byte picks the separator of the bare reader; every mapper sees the whole input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <date/tz.h>

#include <runload/import/csv_reader.hpp>
#include <runload/import/garmin_csv.hpp>
#include <runload/import/localized_date.hpp>
#include <runload/import/runload_csv.hpp>
#include <runload/import/sport_labels.hpp>
#include <runload/import/strava_csv.hpp>
#include <runload/import/strava_shoes.hpp>
#include <runload/import/summary_csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  static const ParseContext context{"fuzz.csv", date::locate_zone("Europe/Berlin")};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const char separator = size > 0 && data[0] == ';' ? ';' : ',';
  const auto table = parse_csv(text, separator);
  for (const auto& record : table.records())
    if (record.line < 1) std::abort();
  for (const auto& result : {read_strava_csv(text, context), read_garmin_csv(text, context),
                             read_runload_csv(text, context)}) {
    for (const auto* problems : {&result.errors, &result.warnings})
      for (const auto& problem : *problems)
        if (problem.line && *problem.line < 1) std::abort();
    // The counts add up: rows imported are activities, refused rows are named.
    if (result.rows && result.ok()) {
      if (result.rows->refused < 0 || result.rows->refused > result.rows->rows) std::abort();
      if (static_cast<std::size_t>(result.rows->imported()) != result.activities.size())
        std::abort();
    }
  }
  // Shoes: each has a name, and a name it goes by is never empty.
  const auto shoes = read_strava_shoes(text, context);
  for (const auto& shoe : shoes.shoes) {
    if (shoe.gear.name.empty() || shoe.names.empty() || shoe.names.front() != shoe.gear.name)
      std::abort();
    for (const auto& name : shoe.names)
      if (name.empty()) std::abort();
  }
  if (!shoes.errors.empty() && !shoes.shoes.empty()) std::abort();
  // Every cell of the first records, as a date, a sport and a placeholder.
  std::size_t cells = 0;
  for (const auto& record : table.records()) {
    for (const auto field : record.fields) {
      if (++cells > 64) break;
      for (const auto order : {DateOrder::day_first, DateOrder::month_first}) {
        if (const auto t = parse_localized_datetime(field, order)) {
          const date::year_month_day day{date::floor<date::days>(*t)};
          if (!day.ok()) std::abort();
        }
      }
      (void)sport_from_label(field);
      (void)strava_gpx_type(field);
      (void)is_no_value(field);
      (void)decimal_comma_vote(field);
    }
  }
  return 0;
}
