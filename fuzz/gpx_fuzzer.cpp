// The GPX reader on arbitrary bytes (it parses its buffer in place).

#include <cstddef>
#include <cstdint>
#include <string>

#include <date/tz.h>

#include <runload/import/gpx_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  static const ParseContext context{"fuzz.gpx", date::locate_zone("Europe/Berlin")};
  std::string buffer(reinterpret_cast<const char*>(data), size);
  (void)read_gpx(buffer, context);
  return 0;
}
