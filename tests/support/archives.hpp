#pragma once
// Builds zip archives (libarchive's writer, in memory) and gzip data (zlib)
// for tests. Header-only so that tests/CMakeLists.txt needs no edit.

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace runload::test {

struct ZipEntry {
  std::string name;
  std::string bytes;
};

struct ZipOptions {
  // Non-empty: every member is encrypted with this password (ZipCrypto).
  std::string passphrase;
};

namespace detail {
inline la_ssize_t append_to_string(archive*, void* client, const void* buffer, size_t size) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), size);
  return static_cast<la_ssize_t>(size);
}
}  // namespace detail

// A zip holding `entries` in order, names written as given (unchecked).
// Returns an empty string when libarchive cannot write with `options`
// (ZipCrypto not built in).
inline std::string make_zip(const std::vector<ZipEntry>& entries, const ZipOptions& options = {}) {
  std::string out;
  archive* a = archive_write_new();
  if (a == nullptr) throw std::runtime_error("archive_write_new failed");
  struct Free {
    archive* a;
    ~Free() { archive_write_free(a); }
  } free_archive{a};
  archive_write_set_format_zip(a);
  archive_write_set_bytes_in_last_block(a, 1);
  if (!options.passphrase.empty()) {
    if (archive_write_set_options(a, "zip:encryption=zipcrypt") != ARCHIVE_OK ||
        archive_write_set_passphrase(a, options.passphrase.c_str()) != ARCHIVE_OK)
      return {};
  }
  if (archive_write_open2(a, &out, nullptr, &detail::append_to_string, nullptr, nullptr) !=
      ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(a));
  for (const auto& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.bytes.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, 1700000000, 0);
    const int status = archive_write_header(a, entry);
    archive_entry_free(entry);
    if (status != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a));
    if (!e.bytes.empty() && archive_write_data(a, e.bytes.data(), e.bytes.size()) < 0)
      throw std::runtime_error(archive_error_string(a));
  }
  if (archive_write_close(a) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a));
  return out;
}

// `bytes` gzip-compressed (one member) at the fastest level.
inline std::string gzip(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out;
  std::array<unsigned char, 64 * 1024> chunk{};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int status = Z_OK;
  do {
    stream.next_out = chunk.data();
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = deflate(&stream, Z_FINISH);
    out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - stream.avail_out);
  } while (status == Z_OK || status == Z_BUF_ERROR);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

// A gzip member of `size` zero bytes, compressed piece by piece so that the
// zeros are never held whole: a "gzip bomb" some 230 times smaller than
// what it inflates to.
inline std::string gzip_zeros(std::size_t size) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  static const std::array<unsigned char, 1024 * 1024> zeros{};
  std::array<unsigned char, 64 * 1024> chunk{};
  std::string out;
  std::size_t left = size;
  int status = Z_OK;
  do {
    const std::size_t piece = std::min(left, zeros.size());
    stream.next_in = const_cast<Bytef*>(zeros.data());
    stream.avail_in = static_cast<uInt>(piece);
    left -= piece;
    const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      stream.next_out = chunk.data();
      stream.avail_out = static_cast<uInt>(chunk.size());
      status = deflate(&stream, flush);
      out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - stream.avail_out);
    } while (stream.avail_out == 0);
  } while (left > 0);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

}  // namespace runload::test
