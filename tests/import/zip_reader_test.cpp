#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <runload/import/zip_reader.hpp>

#include "support/archives.hpp"

using namespace runload;
using namespace runload::import;
using runload::test::make_zip;

namespace {

constexpr std::size_t k_cap = 1024 * 1024;

const ZipMember* find(const ZipListing& listing, const std::string& name) {
  const auto it = std::find_if(listing.members.begin(), listing.members.end(),
                               [&](const ZipMember& m) { return m.name == name; });
  return it == listing.members.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("zip_reader: lists members with their sizes and reads one into memory", "[import][zip]") {
  const auto zip = make_zip({{"activities.csv", "a,b\n1,2\n"}, {"activities/1.gpx", "<gpx/>"}});
  const auto listing = list_zip(zip);
  REQUIRE_FALSE(listing.error);
  REQUIRE(listing.members.size() == 2);
  CHECK(listing.members[0].name == "activities.csv");
  CHECK(listing.members[0].size == 8u);
  CHECK_FALSE(listing.members[0].refusal);
  CHECK_FALSE(listing.members[0].encrypted);

  const auto data = read_zip_member(zip, "activities/1.gpx", k_cap);
  REQUIRE(data.ok());
  CHECK(data.bytes == "<gpx/>");
  const auto missing = read_zip_member(zip, "activities/2.gpx", k_cap);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(*missing.error, Catch::Contains("no member named 'activities/2.gpx'"));
}

TEST_CASE("zip_reader: unsafe names are refused unread and the rest of the archive goes on",
          "[import][zip]") {
  const auto zip = make_zip({{"../evil.gpx", "x"},
                             {"/etc/passwd", "root:x:0:0"},
                             {"a/../../b.gpx", "x"},
                             {"dir\\..\\c.gpx", "x"},
                             {"ok.gpx", "fine"}});
  std::vector<std::string> read, refused;
  const auto error = for_each_zip_member(
      zip, k_cap, [](const ZipMember&) { return true; },
      [&](const ZipMember& member, ZipMemberData&& data) {
        if (data.ok())
          read.push_back(member.name);
        else
          refused.push_back(member.name + ": " + *data.error);
      });
  REQUIRE_FALSE(error);
  CHECK(read == std::vector<std::string>{"ok.gpx"});
  REQUIRE(refused.size() == 4);
  CHECK_THAT(refused[0], Catch::Contains("../evil.gpx") && Catch::Contains("'..'"));
  CHECK_THAT(refused[1], Catch::Contains("/etc/passwd") && Catch::Contains("absolute path"));
  CHECK_THAT(refused[2], Catch::Contains("'..'"));
  // libarchive reads a zip name's backslashes as separators: still a way out.
  CHECK_THAT(refused[3], Catch::StartsWith("dir") && Catch::Contains("refused"));
}

TEST_CASE("zip_reader: unsafe_member_name accepts ordinary names and names each danger",
          "[import][zip]") {
  CHECK_FALSE(unsafe_member_name("activities/123.fit.gz"));
  CHECK_FALSE(unsafe_member_name("export_1/activities.csv"));
  CHECK_FALSE(unsafe_member_name("a..b/c.gpx"));
  CHECK(unsafe_member_name(""));
  CHECK(unsafe_member_name(".."));
  CHECK(unsafe_member_name("a/.."));
  CHECK(unsafe_member_name("C:/Windows/x.gpx"));
  CHECK(unsafe_member_name(std::string("a\tb.gpx")));
  CHECK_THAT(unsafe_member_name("a\\b.gpx").value_or(""), Catch::Contains("backslash"));
}

TEST_CASE("zip_reader: a name holding a NUL byte is refused, not cut short", "[import][zip]") {
  auto zip = make_zip({{"evilX../../x.gpx", "x"}, {"ok.gpx", "fine"}});
  // Put the NUL in place of 'X' in the central directory and the local header.
  std::size_t replaced = 0;
  for (std::size_t pos = 0; (pos = zip.find("evilX", pos)) != std::string::npos; ++pos) {
    zip[pos + 4] = '\0';
    ++replaced;
  }
  REQUIRE(replaced == 2);
  const auto listing = list_zip(zip);
  REQUIRE_FALSE(listing.error);
  const auto* evil = find(listing, "evil");
  REQUIRE(evil != nullptr);
  REQUIRE(evil->refusal);
  CHECK_THAT(*evil->refusal, Catch::Contains("NUL"));
  const auto* ok = find(listing, "ok.gpx");
  REQUIRE(ok != nullptr);
  CHECK_FALSE(ok->refusal);
}

TEST_CASE("zip_reader: a member over the cap is refused, by its declared size or while reading",
          "[import][zip]") {
  const std::string big(5000, 'a');
  const auto zip = make_zip({{"big.gpx", big}, {"small.gpx", "ok"}});
  const auto data = read_zip_member(zip, "big.gpx", 4096);
  REQUIRE_FALSE(data.ok());
  CHECK(data.bytes.empty());
  CHECK_THAT(*data.error, Catch::Contains("5000 bytes"));
  CHECK(read_zip_member(zip, "small.gpx", 4096).ok());
  CHECK(read_zip_member(zip, "big.gpx", 5000).ok());
}

TEST_CASE("zip_reader: an encrypted member is refused clearly", "[import][zip]") {
  const auto zip = make_zip({{"secret.gpx", "<gpx/>"}}, {"password"});
  if (zip.empty()) {
    WARN("libarchive cannot write ZipCrypto here; encrypted members not tested");
    return;
  }
  const auto data = read_zip_member(zip, "secret.gpx", k_cap);
  REQUIRE_FALSE(data.ok());
  CHECK_THAT(*data.error, Catch::Contains("encrypted"));
}

TEST_CASE("zip_reader: a zip without its central directory (truncated) is not a zip",
          "[import][zip]") {
  const auto zip = make_zip({{"a.gpx", std::string(2000, 'x')}, {"b.gpx", "y"}});
  const auto truncated = zip.substr(0, zip.size() - 30);
  const auto listing = list_zip(truncated);
  REQUIRE(listing.error);
  CHECK_THAT(*listing.error, Catch::Contains("central directory"));
  CHECK(list_zip("hello, not a zip at all").error);
  CHECK(list_zip("").error);
}

TEST_CASE("zip_reader: a Mac's resource forks and hidden members are passed over silently",
          "[import][zip]") {
  // Finder's "Compress" writes an AppleDouble fork (00 05 16 07) for every
  // file under __MACOSX/, and .DS_Store files beside them.
  const std::string fork = std::string("\x00\x05\x16\x07", 4) + "Mac OS X        ";
  const auto zip = make_zip({{"runs/morning.fit", "FIT"},
                             {"__MACOSX/runs/._morning.fit", fork},
                             {"__MACOSX/._runs", fork},
                             {"runs/.DS_Store", "Bud1"},
                             {"runs/._evening.gpx", fork},
                             {"runs/Thumbs.db", "x"},
                             {"runs/evening.gpx", "<gpx/>"}});
  const auto listing = list_zip(zip);
  REQUIRE_FALSE(listing.error);
  REQUIRE(listing.members.size() == 2);
  CHECK(listing.members[0].name == "runs/morning.fit");
  CHECK(listing.members[1].name == "runs/evening.gpx");
  std::vector<std::string> seen;
  REQUIRE_FALSE(for_each_zip_member(
      zip, k_cap, [](const ZipMember&) { return true; },
      [&](const ZipMember& member, ZipMemberData&&) { seen.push_back(member.name); }));
  CHECK(seen == std::vector<std::string>{"runs/morning.fit", "runs/evening.gpx"});
}

TEST_CASE("zip_reader: is_system_member names what archivers add, not the runner's files",
          "[import][zip]") {
  CHECK(is_system_member("__MACOSX/._run.fit"));
  CHECK(is_system_member("export/__MACOSX/activities/._1.gpx"));
  CHECK(is_system_member("._run.fit"));
  CHECK(is_system_member("activities/.DS_Store"));
  CHECK(is_system_member("THUMBS.DB"));
  CHECK(is_system_member("a/Desktop.ini"));
  CHECK_FALSE(is_system_member("activities/1.gpx"));
  CHECK_FALSE(is_system_member("my.runs/1.gpx"));  // a dot inside a folder's name
  CHECK_FALSE(is_system_member("__MACOSX.gpx"));
  CHECK_FALSE(is_system_member("activities.csv"));
}
