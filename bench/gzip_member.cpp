#include "gzip_member.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace runload::bench {

namespace {

// windowBits 15 plus 16: a gzip wrapper rather than zlib's own.
constexpr int k_gzip_window_bits = 15 + 16;

struct Decompressor {
  Decompressor() : handle(libdeflate_alloc_decompressor()) {
    if (handle == nullptr) throw std::runtime_error("libdeflate: out of memory");
  }
  ~Decompressor() { libdeflate_free_decompressor(handle); }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
  libdeflate_decompressor* handle;
};

}  // namespace

std::string gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, k_gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

std::size_t gzip_isize(std::string_view member) {
  if (member.size() < 18) throw std::runtime_error("gzip: member too short");
  const auto* p = reinterpret_cast<const unsigned char*>(member.data() + member.size() - 4);
  return static_cast<std::size_t>(p[0]) | static_cast<std::size_t>(p[1]) << 8 |
         static_cast<std::size_t>(p[2]) << 16 | static_cast<std::size_t>(p[3]) << 24;
}

void inflate_zlib(std::string_view member, std::string& out) {
  out.resize(gzip_isize(member));
  z_stream z{};
  if (inflateInit2(&z, k_gzip_window_bits) != Z_OK)
    throw std::runtime_error("zlib: inflateInit2 failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data()));
  z.avail_in = static_cast<uInt>(member.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  const auto produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != out.size())
    throw std::runtime_error("zlib: damaged gzip member");
}

void inflate_libdeflate(std::string_view member, std::string& out) {
  // One decompressor per thread, kept: allocating it costs more than a small member.
  thread_local Decompressor decompressor;
  out.resize(gzip_isize(member));
  std::size_t produced = 0;
  const auto rc = libdeflate_gzip_decompress(decompressor.handle, member.data(), member.size(),
                                             out.data(), out.size(), &produced);
  if (rc != LIBDEFLATE_SUCCESS || produced != out.size())
    throw std::runtime_error("libdeflate: damaged gzip member");
}

}  // namespace runload::bench
