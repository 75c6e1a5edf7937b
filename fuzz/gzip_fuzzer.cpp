// gzip inflation on arbitrary bytes: never more output than the cap, an
// error offset inside the input, and the same bytes or error whether
// libdeflate inflated it or zlib's stream alone (the reference).

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
  const auto reference = gunzip_stream(bytes, k_cap);
  if (reference.bytes != result.bytes || reference.error.has_value() != result.error.has_value())
    std::abort();
  if (result.error && (reference.error->offset != result.error->offset ||
                       reference.error->message != result.error->message))
    std::abort();
  return 0;
}
