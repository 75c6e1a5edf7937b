#include <runload/import/gzip_reader.hpp>

#include <array>
#include <climits>

#include <fmt/format.h>
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

}  // namespace

GunzipResult gunzip(std::string_view compressed, std::size_t max_inflated) {
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
