// The FIT reader on arbitrary bytes: it must never read outside them,
// whatever sizes the file claims, and every problem must carry an offset
// inside the input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <date/tz.h>

#include <runload/import/fit_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  static const ParseContext context{"fuzz.fit", date::locate_zone("Europe/Berlin")};
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto result = read_fit(bytes, context);
  for (const auto& problem : result.errors)
    if (problem.offset && (*problem.offset < 0 || static_cast<std::size_t>(*problem.offset) > size))
      std::abort();
  if (!result.ok() && !result.activities.empty()) std::abort();
  return 0;
}
