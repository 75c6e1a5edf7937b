#pragma once
// What runload reads of a GPX document, as either GPX front end gives it:
// the streaming reader (gpx_stream.hpp) or a walk of pugixml's document
// (gpx_reader.cpp). Both read points through one PointReader, so that they
// give the same points, drops and counts; gpx_reader turns a Content into
// activities. Offsets are byte offsets in the original text, turned into
// lines only when a message needs one.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <runload/model/track.hpp>

namespace runload::import::gpx {

// The track points a reader could not use (docs/import.md, "Bad points"):
// counted for one warning, the first located for the message.
struct Dropped {
  std::size_t points = 0;      // dropped whole: no usable position or time
  std::size_t elevations = 0;  // an <ele> that is not a number: the point kept without it
  std::optional<std::ptrdiff_t> first_offset;
  std::string first_reason;

  void add(std::ptrdiff_t offset, std::string reason);
};

// One <trk>: its points by <trkseg>, and the texts of its first <name> and
// <type> children.
struct Trk {
  std::ptrdiff_t offset = 0;  // of the <trk> element, for its line
  std::string name;
  std::string type;
  model::Track track;
  // The UTC offset the first readable time states; set once, by the first.
  std::optional<std::chrono::seconds> stated_offset;
  bool offset_seen = false;
};

struct Content {
  std::string metadata_name;  // of the first <metadata>'s first <name>
  std::vector<Trk> tracks;
  std::size_t track_points = 0;  // every <trkpt> of every <trkseg>
  std::size_t routes = 0;        // <rte> children of <gpx>
  std::size_t waypoints = 0;     // <wpt> children of <gpx>
  Dropped dropped;
};

// Reads one <trkpt> from its parts in document order: start() with its
// attributes, then each <ele>, <time> and extension value, then finish().
// After the point is dropped (a bad position or time) the rest of its parts
// are ignored, as the point is.
class PointReader {
 public:
  PointReader(Content& content, Trk& trk) : m_content(content), m_trk(trk) {}

  // `element` is the qualified name as written ("trkpt"), for the message;
  // lat and lon are the attributes' values, nullopt when absent.
  void start(std::string_view element, std::optional<std::string_view> lat,
             std::optional<std::string_view> lon, std::ptrdiff_t offset);
  void ele(std::string_view text);
  void time(std::string_view text, std::ptrdiff_t offset);
  // An element of the point's <extensions> named `local_name`: hr,
  // heartrate, cad, cadence or atemp are read, any other name is ignored.
  void extension(std::string_view local_name, std::string_view text);
  // Appends the point to the track's last segment unless it was dropped.
  void finish();

  // True for the extension element names the point reads.
  static bool is_extension_value(std::string_view local_name) noexcept;

 private:
  Content& m_content;
  Trk& m_trk;
  model::TrackPoint m_point;
  bool m_alive = false;
};

}  // namespace runload::import::gpx
