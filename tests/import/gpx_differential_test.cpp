// The streaming GPX reader against pugixml, the reference: for every GPX
// file of the fixtures and the shared corpus, every prefix of a few of them
// (a file cut anywhere), and texts made to hold what the streaming reader
// hands to pugixml, both give the same activities and problems
// (import::canonical_text). The streaming reader must also handle the real
// files itself, or it would be a slower path to the same answer.

#include <catch2/catch.hpp>

#include <date/tz.h>

#include <filesystem>
#include <string>
#include <vector>

#include <runload/import/gpx_reader.hpp>
#include "support/temp_dir.hpp"

using namespace runload;
using import::GpxParser;

namespace {

const import::ParseContext& context() {
  static const import::ParseContext ctx{"t.gpx", date::locate_zone("Europe/Berlin")};
  return ctx;
}

std::string read_with(std::string text, GpxParser parser) {
  return import::canonical_text(import::read_gpx(text, context(), parser));
}

// Every .gpx below `folder`, sorted.
std::vector<std::filesystem::path> gpx_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  if (folder.empty() || !std::filesystem::exists(folder)) return found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".gpx")
      found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

const std::string k_plain =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
    "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
    " <metadata><name>Meta</name><time>2024-05-01T06:00:00Z</time></metadata>\n"
    " <trk><name>Morning</name><type>running</type><trkseg>\n"
    "  <trkpt lat=\"52.5200\" lon=\"13.4050\"><ele>34.0</ele><time>2024-05-01T06:00:00Z</time>"
    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
    "  <trkpt lat=\"52.5209\" lon=\"13.4050\"><ele>35.0</ele><time>2024-05-01T06:00:30Z</time>"
    "</trkpt>\n"
    "  <trkpt lat=\"52.5218\" lon=\"13.4050\"><ele>36.5</ele><time>2024-05-01T06:01:00Z</time>"
    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>131</gpxtpx:hr>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
    "  <trkpt lat=\"52.5227\" lon=\"13.4050\"><time>2024-05-01T06:01:30Z</time></trkpt>\n"
    " </trkseg></trk>\n"
    "</gpx>\n";

// `text` with the first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string variant(const std::string& from, const std::string& to) {
  return replaced(k_plain, from, to);
}

}  // namespace

TEST_CASE("gpx differential: the streaming reader reads the plain shape itself",
          "[import][gpx][differential]") {
  CHECK(import::gpx_streams(k_plain));
  CHECK(read_with(k_plain, GpxParser::fast) == read_with(k_plain, GpxParser::reference));
  CHECK(read_with(k_plain, GpxParser::fast).find("activity start") != std::string::npos);
}

TEST_CASE("gpx differential: every fixture gives the same result from both readers",
          "[import][gpx][differential]") {
  const auto files = gpx_files(test::source_dir() / "tests" / "fixtures");
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    INFO(file.string());
    const auto text = test::read_file(file);
    CHECK(read_with(text, GpxParser::fast) == read_with(text, GpxParser::reference));
  }
}

TEST_CASE("gpx differential: every corpus GPX gives the same result, most read by the stream",
          "[import][gpx][differential][corpus]") {
  const auto corpus = test::corpus_dir();
  if (corpus.empty()) {
    WARN("the shared corpus is absent: the corpus GPX differential test is skipped");
    return;
  }
  const auto files = gpx_files(corpus / "gpx");
  REQUIRE_FALSE(files.empty());
  std::size_t streamed = 0;
  for (const auto& file : files) {
    INFO(file.string());
    const auto text = test::read_file(file);
    streamed += import::gpx_streams(text) ? 1 : 0;
    CHECK(read_with(text, GpxParser::fast) == read_with(text, GpxParser::reference));
  }
  INFO(streamed << " of " << files.size() << " corpus files read by the streaming reader");
  CHECK(streamed * 10 >= files.size() * 8);
}

TEST_CASE("gpx differential: a file cut at any byte gives the same result from both readers",
          "[import][gpx][differential]") {
  std::vector<std::string> texts{k_plain};
  for (const auto* name :
       {"tpx_v2_two_tracks_two_segments.gpx", "bom_crlf_no_namespace_empty_ele.gpx",
        "pause_marker_latitude_100_and_point_without_coordinates.gpx"})
    texts.push_back(test::read_file(test::source_dir() / "tests" / "fixtures" / "gpx" / name));
  for (const auto& text : texts) {
    for (std::size_t size = 0; size <= text.size(); ++size) {
      const auto cut = text.substr(0, size);
      if (read_with(cut, GpxParser::fast) != read_with(cut, GpxParser::reference)) {
        FAIL_CHECK("the readers differ on the first " << size << " bytes of:\n" << text);
        break;
      }
    }
  }
}

TEST_CASE("gpx differential: what the stream hands to pugixml reads the same",
          "[import][gpx][differential]") {
  struct Case {
    const char* quirk;
    std::string text;
    bool streamed;
  };
  const std::vector<Case> cases{
      {"a UTF-8 byte-order mark", "\xEF\xBB\xBF" + k_plain, true},
      {"CRLF line ends",
       [] {
         std::string t;
         for (const char c : k_plain) {
           if (c == '\n') t += '\r';
           t += c;
         }
         return t;
       }(),
       true},
      {"comments between elements", variant("<trkseg>", "<!-- a -- b --><trkseg><!--x-->"), true},
      {"prefixed GPX elements",
       replaced(
           variant("<trk><name>Morning</name>", "<g:trk xmlns:g=\"x\"><g:name>Morning</g:name>"),
           "</trkseg></trk>", "</trkseg></g:trk>"),
       true},
      {"no declaration", k_plain.substr(k_plain.find('\n') + 1), true},
      {"an ISO-8859-1 declaration", variant("UTF-8", "ISO-8859-1"), false},
      {"an entity in the name", variant("Morning", "Run &amp; walk"), false},
      {"a character reference in a time", variant("06:00:30Z", "06:00:3&#48;Z"), false},
      {"CDATA in the name", variant("Morning", "<![CDATA[Morning]]>"), false},
      {"a DOCTYPE", variant("<gpx ", "<!DOCTYPE gpx><gpx "), false},
      {"a processing instruction", variant("<trk>", "<?pi x?><trk>"), false},
      {"a tab in an attribute", variant("lat=\"52.5200\"", "lat=\"\t52.5200\""), false},
      {"a value element with a child", variant("<ele>34.0</ele>", "<ele>34<b/>.0</ele>"), false},
      {"a comment inside a value", variant("<ele>34.0</ele>", "<ele>34.0<!--m--></ele>"), false},
      {"mismatched end tag", variant("</trkseg>", "</trksegx>"), false},
      {"text after the root", k_plain + "junk", false},
      {"a NUL byte", variant("Morning", std::string("Mor\0ning", 8)), false},
      {"single-quoted attributes",
       variant("lat=\"52.5200\" lon=\"13.4050\"", "lat='52.5200' lon='13.4050'"), true},
      {"a repeated name and type",
       variant("<type>running</type>", "<type>running</type><name>2</name><type>ride</type>"),
       true},
      {"values with white space", variant("<ele>34.0</ele>", "<ele>\n  34.0 \n</ele>"), true},
      {"an empty ele and a self-closed point",
       variant("<trkpt lat=\"52.5227\" lon=\"13.4050\"><time>2024-05-01T06:01:30Z</time></trkpt>",
               "<trkpt lat=\"52.5227\" lon=\"13.4050\"/><trkpt lat=\"1\" lon=\"2\"><ele/></trkpt>"),
       true},
      {"extensions nested five deep",
       variant("<gpxtpx:hr>120</gpxtpx:hr>",
               "<a><b><c><d><hr>99</hr></d></c></b></a><gpxtpx:hr>120</gpxtpx:hr>"),
       true},
  };
  for (const auto& c : cases) {
    INFO(c.quirk);
    CHECK(import::gpx_streams(c.text) == c.streamed);
    CHECK(read_with(c.text, GpxParser::fast) == read_with(c.text, GpxParser::reference));
  }
}
