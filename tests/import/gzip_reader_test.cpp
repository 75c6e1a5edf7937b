#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <zlib.h>

#include <runload/import/gzip_reader.hpp>

using runload::import::gunzip;

namespace {

// Gzip of `copies` repetitions of `piece`, streamed so that the plain data is
// never held whole.
std::string gzip(const std::string& piece, std::size_t copies = 1) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9,
                       Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out;
  std::vector<unsigned char> buffer(64 * 1024);
  for (std::size_t i = 0; i < copies; ++i) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    stream.avail_in = static_cast<uInt>(piece.size());
    const int flush = i + 1 == copies ? Z_FINISH : Z_NO_FLUSH;
    int status = Z_OK;
    do {
      stream.next_out = buffer.data();
      stream.avail_out = static_cast<uInt>(buffer.size());
      status = deflate(&stream, flush);
      out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  }
  deflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("gzip_reader: a gzip round trip gives the original bytes", "[import][gzip]") {
  const std::string text = "timestamp,heart_rate\n1,140\n2,141\n";
  const auto result = gunzip(gzip(text, 3), 1024);
  REQUIRE(result.ok());
  CHECK(result.bytes == text + text + text);
}

TEST_CASE("gzip_reader: members of a multi-member gzip are joined", "[import][gzip]") {
  const auto result = gunzip(gzip("first ") + gzip("second"), 1024);
  REQUIRE(result.ok());
  CHECK(result.bytes == "first second");
}

TEST_CASE("gzip_reader: a gzip bomb is refused at the cap", "[import][gzip]") {
  // 100 MB of zeros compress to about 100 KB; the cap is 10 MB.
  const std::string bomb = gzip(std::string(1024 * 1024, '\0'), 100);
  CHECK(bomb.size() < 200 * 1024);
  const auto result = gunzip(bomb, 10 * 1024 * 1024);
  REQUIRE_FALSE(result.ok());
  CHECK(result.bytes.empty());
  CHECK_THAT(result.error->message, Catch::Contains("more than 10485760 bytes"));
  CHECK(result.error->offset < static_cast<std::int64_t>(bomb.size()));
}

TEST_CASE("gzip_reader: output of exactly the cap is accepted", "[import][gzip]") {
  const auto result = gunzip(gzip(std::string(1000, 'x')), 1000);
  REQUIRE(result.ok());
  CHECK(result.bytes.size() == 1000);
}

TEST_CASE("gzip_reader: a truncated gzip is refused with the offset where it ends",
          "[import][gzip]") {
  const std::string whole = gzip(std::string(50000, 'a') + std::string(50000, 'b'));
  const std::string cut = whole.substr(0, whole.size() - 10);
  const auto result = gunzip(cut, 1 << 20);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->offset == static_cast<std::int64_t>(cut.size()));
  CHECK_THAT(result.error->message, Catch::Contains("truncated"));
}

TEST_CASE("gzip_reader: data that is not gzip is refused at byte 0", "[import][gzip]") {
  const auto result = gunzip("<?xml version=\"1.0\"?>", 1024);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->offset == 0);
}

TEST_CASE("gzip_reader: corrupt deflate data is refused", "[import][gzip]") {
  std::string bytes = gzip(std::string(5000, 'z'));
  for (std::size_t i = 12; i < bytes.size() - 8; ++i) bytes[i] = '\xFF';
  const auto result = gunzip(bytes, 1 << 20);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->offset >= 10);
}

TEST_CASE("gzip_reader: trailing bytes that are not a member are refused", "[import][gzip]") {
  const std::string bytes = gzip("run") + "junk";
  const auto result = gunzip(bytes, 1024);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->offset == static_cast<std::int64_t>(bytes.size() - 4));
}

TEST_CASE("gzip_reader: libdeflate and zlib's stream give the same bytes and errors",
          "[import][gzip]") {
  using runload::import::gunzip_stream;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "<trkpt lat=\"52." + std::to_string(i) + "\"/>\n";
  const std::string whole = gzip(text);
  std::string damaged = whole;
  damaged[whole.size() / 2] = static_cast<char>(damaged[whole.size() / 2] ^ 0x55);
  // A header CRC (FHCRC), wrong and right: libdeflate skips it, zlib checks
  // it (found by the gzip fuzz target).
  const auto with_header_crc = [&](bool right) {
    std::string header = whole.substr(0, 10);
    header[3] = static_cast<char>(header[3] | 0x02);
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(header.data()), 10);
    const char low = right ? static_cast<char>(crc & 0xFF) : '\0';
    const char high = right ? static_cast<char>((crc >> 8) & 0xFF) : '\0';
    return header + low + high + whole.substr(10);
  };
  std::string wrong_trailer = whole;  // a stated size far beyond what DEFLATE can give
  wrong_trailer[wrong_trailer.size() - 1] = '\x7F';
  const std::vector<std::pair<const char*, std::string>> inputs{
      {"one member", whole},
      {"two members", gzip("first ") + gzip("second")},
      {"an empty member", gzip("")},
      {"a member that inflates 1000 times", gzip(std::string(1000, 'x'), 1000)},
      {"a damaged stream", damaged},
      {"a wrong stated size", wrong_trailer},
      {"a wrong header CRC", with_header_crc(false)},
      {"a right header CRC", with_header_crc(true)},
      {"cut short", whole.substr(0, whole.size() - 3)},
      {"garbage after the member", whole + "xyz"},
      {"no gzip at all", "plain text"},
      {"nothing", ""},
  };
  for (const auto& [what, bytes] : inputs) {
    for (const std::size_t cap :
         {std::size_t{0}, text.size() - 1, text.size(), std::size_t{1} << 24}) {
      INFO(what << ", cap " << cap);
      const auto fast = gunzip(bytes, cap);
      const auto reference = gunzip_stream(bytes, cap);
      CHECK(fast.bytes == reference.bytes);
      REQUIRE(fast.ok() == reference.ok());
      if (!fast.ok()) {
        CHECK(fast.error->offset == reference.error->offset);
        CHECK(fast.error->message == reference.error->message);
      }
    }
  }
  CHECK(gunzip(whole, text.size()).bytes == text);
  CHECK_FALSE(gunzip(whole, text.size() - 1).ok());
  CHECK(gunzip(with_header_crc(true), 1 << 24).bytes == text);
  CHECK_FALSE(gunzip(with_header_crc(false), 1 << 24).ok());
}
