// A Strava export zip on arbitrary bytes: the member walk and the export join
// through the real reader dispatch. Nothing may be read outside the input,
// no member held past its cap, and a refused archive keeps its error.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <date/tz.h>

#include <runload/app/archive_units.hpp>
#include <runload/import/read_any.hpp>
#include <runload/import/zip_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  using runload::app::IsImported;
  using runload::app::read_zip_archive;
  // Small caps keep a member that claims gigabytes from costing the fuzzer
  // more than a few MB; the limit is the same code path as the real one.
  constexpr std::size_t k_cap = 1 << 20;
  static const ParseContext context{"fuzz.zip", date::locate_zone("Europe/Berlin")};
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const auto listing = list_zip(bytes);
  for (const auto& member : listing.members)
    if (!member.refusal && unsafe_member_name(member.name)) std::abort();

  // Half the members count as imported before, by the first hex digit of
  // their SHA-256, so the skip-by-hash path is walked as well.
  const IsImported imported = [](const std::string& content_hash) {
    return !content_hash.empty() && content_hash.front() < '8';
  };
  const auto read =
      read_zip_archive(bytes, context.file, context, &read_file_bytes, imported, k_cap);
  if (read.known_members > read.members) std::abort();
  return 0;
}
