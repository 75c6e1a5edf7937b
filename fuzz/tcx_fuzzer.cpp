// The TCX reader on arbitrary bytes (it parses its buffer in place), then
// the plausibility check every reader's activities pass in read_any: after
// it, no activity on foot is one that cannot be on foot, and every problem's
// line starts at 1.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <date/tz.h>

#include <runload/import/plausibility.hpp>
#include <runload/import/tcx_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  static const ParseContext context{"fuzz.tcx", date::locate_zone("Europe/Berlin")};
  std::string buffer(reinterpret_cast<const char*>(data), size);
  auto result = read_tcx(buffer, context);
  retype_implausible(result);
  for (const auto& parsed : result.activities)
    if (implausible_on_foot(parsed.activity)) std::abort();
  for (const auto* problems : {&result.errors, &result.warnings})
    for (const auto& problem : *problems)
      if (problem.line && *problem.line < 1) std::abort();
  return 0;
}
