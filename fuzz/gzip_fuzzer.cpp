// gzip inflation on arbitrary bytes: never more output than the cap, and an
// error offset inside the input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <runload/import/gzip_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload::import;
  constexpr std::size_t k_cap = 1 << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto result = gunzip(bytes, k_cap);
  if (result.bytes.size() > k_cap) std::abort();
  if (result.error) {
    if (!result.bytes.empty()) std::abort();
    if (result.error->offset < 0 || static_cast<std::size_t>(result.error->offset) > size)
      std::abort();
  }
  return 0;
}
