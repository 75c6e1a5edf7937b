#pragma once
// gzip (.gz) decompression in memory, with a cap on the output so that a
// small file cannot inflate into gigabytes (a "gzip bomb"). A file whose
// members all inflate is inflated by libdeflate, which works on whole
// buffers and is faster than zlib's stream (docs/PERFORMANCE.md); a file
// libdeflate refuses is inflated again by zlib, whose stream says where it
// failed and stops at the cap.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace runload::import {

struct InflateError {
  std::int64_t offset;  // byte offset in the compressed input
  std::string message;
};

struct GunzipResult {
  std::string bytes;  // the inflated data; empty on error
  std::optional<InflateError> error;

  bool ok() const noexcept { return !error; }
};

// Inflates every gzip member of `compressed` (multi-member files are joined).
// Errors, all found by zlib (the offset is where it stopped reading):
// - the output would exceed `max_inflated` bytes: inflating stops there, and
//   no more than `max_inflated` bytes are ever held;
// - the input is not gzip, is corrupt, or ends before a member's trailer
//   (a truncated download);
// - bytes after the last member that do not start another member.
GunzipResult gunzip(std::string_view compressed, std::size_t max_inflated);

// The same through zlib alone (the reference, and the path of errors).
GunzipResult gunzip_stream(std::string_view compressed, std::size_t max_inflated);

}  // namespace runload::import
