#pragma once
// Whole gzip members in memory, for the Strava-shaped corpus (writing) and
// the inflate floors (reading): zlib, and libdeflate on the whole member.

#include <string>
#include <string_view>

namespace runload::bench {

// `bytes` as one gzip member (zlib, level 6, as gzip(1) writes by default).
// Throws std::runtime_error when zlib fails.
std::string gzip(std::string_view bytes);

// The inflated size a member records in its trailer (ISIZE, modulo 2^32).
std::size_t gzip_isize(std::string_view member);

// Inflates one whole member into `out`, reusing its capacity. Throws
// std::runtime_error when the member is damaged.
void inflate_zlib(std::string_view member, std::string& out);
void inflate_libdeflate(std::string_view member, std::string& out);

}  // namespace runload::bench
