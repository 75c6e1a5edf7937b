#pragma once
// The identity of an input file's content (DESIGN.md section 4: a file
// already imported is skipped before parsing, found by a hash of its bytes).
//
// New identities are XXH3-128: nothing here defends against a crafted
// collision (the same-run merge by start and distance stays the second line),
// and XXH3 hashes at memory speed where SHA-256 cost as much as parsing the
// file. Databases written before schema 9 hold SHA-256 identities; the
// importer still recognises those files (docs/import.md, "Identity").

#include <string>
#include <string_view>

namespace runload::identity {

// XXH3-128 (seed 0) of `bytes` as 32 lower-case hex digits, high half first:
// the canonical form `xxhsum -H2` prints.
std::string content_hash(std::string_view bytes);

// SHA-256 of `bytes` as 64 lower-case hex digits: the identity before
// schema 9, computed only to recognise files imported then.
// Throws std::runtime_error when libcrypto fails (out of memory).
std::string sha256_hex(std::string_view bytes);

// True for a stored identity written before schema 9 (64 hex digits of
// SHA-256) rather than a content_hash() (32).
bool is_legacy_hash(std::string_view stored) noexcept;

}  // namespace runload::identity
