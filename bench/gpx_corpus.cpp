#include "gpx_corpus.hpp"

#include <fmt/format.h>

#include <iterator>

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

// Bump when the generated text changes, so cached corpora are rebuilt.
constexpr int k_generator_version = 1;

constexpr const char* k_header =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="StravaGPX" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd http://www.garmin.com/xmlschemas/GpxExtensions/v3 http://www.garmin.com/xmlschemas/GpxExtensionsv3.xsd http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3">
)";

}  // namespace

std::string make_gpx_run(const SyntheticRun& run) {
  std::string out;
  out.reserve(run.samples.size() * 300 + 4096);
  auto it = std::back_inserter(out);
  out += k_header;
  fmt::format_to(it, " <metadata>\n  <time>{}</time>\n </metadata>\n",
                 iso_time(run, run.samples.front().clock));
  fmt::format_to(it, " <trk>\n  <name>{}</name>\n  <type>running</type>\n  <trkseg>\n", run.name);
  for (const RunSample& s : run.samples) {
    fmt::format_to(it,
                   "   <trkpt lat=\"{:.7f}\" lon=\"{:.7f}\">\n    <ele>{:.1f}</ele>\n"
                   "    <time>{}</time>\n    <extensions>\n"
                   "     <gpxtpx:TrackPointExtension>\n      <gpxtpx:hr>{}</gpxtpx:hr>\n"
                   "      <gpxtpx:cad>{}</gpxtpx:cad>\n     </gpxtpx:TrackPointExtension>\n"
                   "    </extensions>\n   </trkpt>\n",
                   s.lat, s.lon, s.ele, iso_time(run, s.clock), s.hr, s.cadence);
  }
  out += "  </trkseg>\n </trk>\n</gpx>\n";
  return out;
}

CorpusStats ensure_gpx_corpus(const fs::path& dir, std::size_t files) {
  return ensure_corpus(dir, "gpx", k_generator_version, files, [](const SyntheticRun& run) {
    return std::vector<CorpusFile>{{fmt::format("run_{:06}.gpx", run.index), make_gpx_run(run)}};
  });
}

}  // namespace runload::bench
