// The GPX reader on arbitrary bytes, differentially: the streaming reader
// (with its hand-over to pugixml) must give exactly what pugixml's
// reference path gives (import::canonical_text), then the plausibility
// check every reader's activities pass in read_any: after it, no activity
// on foot is one that cannot be on foot, and every problem's line starts
// at 1.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <date/tz.h>

#include <runload/import/gpx_reader.hpp>
#include <runload/import/plausibility.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  static const ParseContext context{"fuzz.gpx", date::locate_zone("Europe/Berlin")};
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string buffer = input;
  auto result = read_gpx(buffer, context, GpxParser::fast);
  std::string reference_buffer = input;
  const auto reference = read_gpx(reference_buffer, context, GpxParser::reference);
  const auto fast_text = canonical_text(result);
  const auto reference_text = canonical_text(reference);
  if (fast_text != reference_text) {
    std::fprintf(stderr, "streaming reader:\n%s\npugixml:\n%s\n", fast_text.c_str(),
                 reference_text.c_str());
    std::abort();
  }
  retype_implausible(result);
  for (const auto& parsed : result.activities)
    if (implausible_on_foot(parsed.activity)) std::abort();
  for (const auto* problems : {&result.errors, &result.warnings})
    for (const auto& problem : *problems)
      if (problem.line && *problem.line < 1) std::abort();
  return 0;
}
