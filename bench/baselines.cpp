#include "baselines.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "fit_walk.hpp"
#include "geo.hpp"
#include "gzip_member.hpp"

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

double number(const char* text) {
  double value = 0.0;
  std::from_chars(text, text + std::strlen(text), value);
  return value;
}

// Sums the distance between consecutive points of one track or segment.
class PathSum {
 public:
  explicit PathSum(BaselineResult& result) : m_result(result) {}
  void add(double lat, double lon) {
    if (m_have_last) m_result.distance_m += haversine_m(m_lat, m_lon, lat, lon);
    m_have_last = true;
    m_lat = lat;
    m_lon = lon;
    ++m_result.points;
  }

 private:
  BaselineResult& m_result;
  bool m_have_last = false;
  double m_lat = 0.0, m_lon = 0.0;
};

void load(pugi::xml_document& doc, std::string& buffer, const fs::path& file) {
  const auto parsed = doc.load_buffer_inplace(buffer.data(), buffer.size());
  if (!parsed) throw std::runtime_error(fmt::format("{}: {}", file.string(), parsed.description()));
}

void parse_gpx(pugi::xml_document& doc, std::string& buffer, const fs::path& file,
               BaselineResult& result) {
  load(doc, buffer, file);
  for (auto trk = doc.document_element().child("trk"); trk; trk = trk.next_sibling("trk")) {
    for (auto seg = trk.child("trkseg"); seg; seg = seg.next_sibling("trkseg")) {
      PathSum path(result);
      for (auto pt = seg.child("trkpt"); pt; pt = pt.next_sibling("trkpt"))
        path.add(number(pt.attribute("lat").value()), number(pt.attribute("lon").value()));
    }
  }
}

void parse_tcx(pugi::xml_document& doc, std::string& buffer, const fs::path& file,
               BaselineResult& result) {
  load(doc, buffer, file);
  const auto activities = doc.document_element().child("Activities");
  for (auto activity = activities.child("Activity"); activity;
       activity = activity.next_sibling("Activity")) {
    for (auto lap = activity.child("Lap"); lap; lap = lap.next_sibling("Lap")) {
      for (auto track = lap.child("Track"); track; track = track.next_sibling("Track")) {
        PathSum path(result);
        for (auto pt = track.child("Trackpoint"); pt; pt = pt.next_sibling("Trackpoint")) {
          const auto position = pt.child("Position");
          if (!position) continue;
          path.add(number(position.child_value("LatitudeDegrees")),
                   number(position.child_value("LongitudeDegrees")));
        }
      }
    }
  }
}

void walk_fit_bytes(std::string_view bytes, BaselineResult& result) {
  FitWalk walk;
  walk_fit(bytes, walk);
  result.points += walk.records;
  result.distance_m += walk.distance_m;
}

}  // namespace

void read_into(const fs::path& path, std::string& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(fmt::format("{}: {}", path.string(), std::strerror(errno)));
  struct stat st {};
  ::fstat(fd, &st);
  buffer.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < buffer.size()) {
    const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  buffer.resize(done);
}

BaselineResult read_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    result.inflated += buffer.size();
    ++result.files;
  }
  return result;
}

BaselineResult parse_gpx_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer;
  pugi::xml_document doc;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    result.inflated += buffer.size();
    parse_gpx(doc, buffer, file, result);
    ++result.files;
  }
  return result;
}

BaselineResult walk_fit_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    result.inflated += buffer.size();
    walk_fit_bytes(buffer, result);
    ++result.files;
  }
  return result;
}

BaselineResult inflate_files(const std::vector<fs::path>& files, Inflater inflater) {
  BaselineResult result;
  std::string buffer, inflated;
  for (const auto& file : files) {
    read_into(file, buffer);
    if (inflater == Inflater::zlib) {
      inflate_zlib(buffer, inflated);
    } else {
      inflate_libdeflate(buffer, inflated);
    }
    result.bytes += buffer.size();
    result.inflated += inflated.size();
    ++result.files;
  }
  return result;
}

BaselineResult inflate_and_parse_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer, inflated;
  pugi::xml_document doc;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    std::string name = file.filename().string();
    std::string* bytes = &buffer;
    if (name.ends_with(".gz")) {
      inflate_libdeflate(buffer, inflated);
      bytes = &inflated;
      name.resize(name.size() - 3);
    }
    result.inflated += bytes->size();
    if (name.ends_with(".gpx")) {
      parse_gpx(doc, *bytes, file, result);
    } else if (name.ends_with(".tcx")) {
      parse_tcx(doc, *bytes, file, result);
    } else if (name.ends_with(".fit")) {
      walk_fit_bytes(*bytes, result);
    }
    ++result.files;
  }
  return result;
}

}  // namespace runload::bench
