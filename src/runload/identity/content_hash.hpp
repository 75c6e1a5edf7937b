#pragma once
// The identity of an input file's content (DESIGN.md section 4: a file
// already imported, same SHA-256, is skipped before parsing).

#include <string>
#include <string_view>

namespace runload::identity {

// SHA-256 of `bytes` as 64 lower-case hex digits.
// Throws std::runtime_error when libcrypto fails (out of memory).
std::string sha256_hex(std::string_view bytes);

}  // namespace runload::identity
