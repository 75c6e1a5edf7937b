// The RFC 4180 CSV reader and the three CSV mappers built on it (Strava,
// Garmin, runload) on arbitrary bytes. The first byte picks the separator of
// the bare reader; every mapper sees the whole input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <date/tz.h>

#include <runload/import/csv_reader.hpp>
#include <runload/import/garmin_csv.hpp>
#include <runload/import/runload_csv.hpp>
#include <runload/import/strava_csv.hpp>

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
    for (const auto& problem : result.errors)
      if (problem.line && *problem.line < 1) std::abort();
  }
  return 0;
}
