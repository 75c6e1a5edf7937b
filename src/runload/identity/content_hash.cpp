#include <runload/identity/content_hash.hpp>

#include <openssl/evp.h>
#include <xxhash.h>

#include <array>
#include <cstddef>
#include <stdexcept>

namespace runload::identity {
namespace {

template <std::size_t N>
std::string hex(const std::array<unsigned char, N>& digest, std::size_t length) {
  constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (std::size_t i = 0; i < length; ++i) {
    out.push_back(k_hex[digest[i] >> 4]);
    out.push_back(k_hex[digest[i] & 0x0F]);
  }
  return out;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  std::array<unsigned char, sizeof canonical.digest> digest{};
  for (std::size_t i = 0; i < digest.size(); ++i) digest[i] = canonical.digest[i];
  return hex(digest, digest.size());
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed in libcrypto");
  return hex(digest, length);
}

bool is_legacy_hash(std::string_view stored) noexcept {
  return stored.size() == 64;
}

}  // namespace runload::identity
