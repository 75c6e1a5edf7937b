#pragma once
// Base64 (RFC 4648, the standard alphabet, padded), how an export writes a
// histogram's bytes into JSON and CSV.

#include <optional>
#include <string>
#include <string_view>

namespace runload::text {

std::string base64_encode(std::string_view bytes);

// The bytes of `text`, or nullopt when it is not padded standard base64
// (no whitespace, no other alphabet).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace runload::text
