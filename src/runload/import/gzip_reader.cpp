#include <runload/import/gzip_reader.hpp>

#include <array>
#include <climits>

#include <fmt/format.h>
#include <libdeflate.h>
#include <zlib.h>

namespace runload::import {
namespace {

// 16 + MAX_WBITS asks zlib for the gzip wrapper (zlib manual, inflateInit2).
constexpr int k_gzip_window_bits = 16 + MAX_WBITS;
constexpr std::size_t k_chunk = 64 * 1024;

class Inflater {
 public:
  Inflater() : m_ok(inflateInit2(&m_stream, k_gzip_window_bits) == Z_OK) {}
  ~Inflater() {
    if (m_ok) inflateEnd(&m_stream);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const noexcept { return m_ok; }
  z_stream& stream() noexcept { return m_stream; }

 private:
  z_stream m_stream{};
  bool m_ok;
};

GunzipResult failure(std::size_t offset, std::string message) {
  return GunzipResult{{}, InflateError{static_cast<std::int64_t>(offset), std::move(message)}};
}

bool starts_member(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

class Decompressor {
 public:
  Decompressor() : m_d(libdeflate_alloc_decompressor()) {}
  ~Decompressor() {
    if (m_d != nullptr) libdeflate_free_decompressor(m_d);
  }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
  libdeflate_decompressor* get() const noexcept { return m_d; }

 private:
  libdeflate_decompressor* m_d;
};

// The size a gzip member's trailer states (ISIZE: the inflated size modulo
// 2^32), a first guess of the output buffer for the last member.
std::size_t stated_size(std::string_view compressed) noexcept {
  if (compressed.size() < 18) return 0;
  const auto* tail =
      reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
  return static_cast<std::size_t>(tail[0]) | static_cast<std::size_t>(tail[1]) << 8 |
         static_cast<std::size_t>(tail[2]) << 16 | static_cast<std::size_t>(tail[3]) << 24;
}

// Every member through libdeflate into `out`, growing it up to
// `max_inflated`; false on anything libdeflate does not inflate whole.
bool inflate_whole(std::string_view compressed, std::size_t max_inflated, std::string& out) {
  if (!starts_member(compressed)) return false;
  Decompressor decompressor;
  if (decompressor.get() == nullptr) return false;
  // DEFLATE cannot expand more than 1032 times: a larger stated size is a
  // damaged trailer, not a reason to allocate it.
  std::size_t guess = stated_size(compressed);
  if (guess == 0 || guess / 1032 > compressed.size()) guess = compressed.size() * 4;
  std::size_t capacity = std::min(max_inflated, guess);
  std::size_t used = 0;
  std::size_t in = 0;
  while (in < compressed.size()) {
    if (!starts_member(compressed.substr(in))) return false;
    // libdeflate skips a header CRC (FHCRC) unchecked where zlib checks it,
    // and reserved flags are zlib's to refuse: such members go to zlib.
    if (compressed.size() - in < 4 || (static_cast<unsigned char>(compressed[in + 3]) & 0xE2) != 0)
      return false;
    out.resize(capacity);
    std::size_t read = 0;
    std::size_t written = 0;
    const auto status = libdeflate_gzip_decompress_ex(decompressor.get(), compressed.data() + in,
                                                      compressed.size() - in, out.data() + used,
                                                      capacity - used, &read, &written);
    if (status == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (capacity == max_inflated) return false;  // over the cap: zlib says so
      capacity = capacity > max_inflated / 2 ? max_inflated : capacity * 2;
      continue;
    }
    if (status != LIBDEFLATE_SUCCESS) return false;
    used += written;
    in += read;
  }
  out.resize(used);
  return true;
}

}  // namespace

GunzipResult gunzip(std::string_view compressed, std::size_t max_inflated) {
  GunzipResult result;
  if (inflate_whole(compressed, max_inflated, result.bytes)) return result;
  return gunzip_stream(compressed, max_inflated);
}

GunzipResult gunzip_stream(std::string_view compressed, std::size_t max_inflated) {
  Inflater inflater;
  if (!inflater.ok()) return failure(0, "zlib could not start inflating");
  if (!starts_member(compressed)) return failure(0, "not a gzip file (no 1f 8b signature)");
  z_stream& stream = inflater.stream();
  GunzipResult result;
  std::array<unsigned char, k_chunk> chunk{};
  std::size_t consumed = 0;  // input bytes handed to zlib so far
  const auto offset = [&] { return consumed - stream.avail_in; };

  for (;;) {
    if (stream.avail_in == 0 && consumed < compressed.size()) {
      const std::size_t size = std::min<std::size_t>(compressed.size() - consumed, UINT_MAX);
      // zlib's API takes a non-const pointer but never writes through next_in.
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + consumed));
      stream.avail_in = static_cast<uInt>(size);
      consumed += size;
    }
    stream.next_out = chunk.data();
    stream.avail_out = static_cast<uInt>(chunk.size());
    const int status = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - stream.avail_out;
    if (produced > max_inflated - result.bytes.size()) {
      return failure(offset(),
                     fmt::format("the gzip data inflates to more than {} bytes", max_inflated));
    }
    result.bytes.append(reinterpret_cast<const char*>(chunk.data()), produced);

    if (status == Z_STREAM_END) {
      const std::string_view rest = compressed.substr(offset());
      if (rest.empty()) return result;
      if (!starts_member(rest)) {
        return failure(offset(), fmt::format("{} bytes after the gzip data are not a gzip member",
                                             rest.size()));
      }
      if (inflateReset(&stream) != Z_OK) return failure(offset(), "zlib could not restart");
      continue;
    }
    if (status == Z_BUF_ERROR || (status == Z_OK && produced == 0 && stream.avail_in == 0)) {
      if (consumed == compressed.size() && stream.avail_in == 0) {
        return failure(compressed.size(), "the gzip data ends early: the file is truncated");
      }
      continue;
    }
    if (status != Z_OK) {
      return failure(offset(), fmt::format("corrupt gzip data ({})",
                                           stream.msg != nullptr ? stream.msg : "zlib error"));
    }
  }
}

}  // namespace runload::import
