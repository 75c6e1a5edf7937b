#include "baselines.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <numbers>
#include <stdexcept>
#include <string>

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

constexpr double k_earth_radius_m = 6'371'008.8;

// Reads `path` into `buffer`, reusing its capacity.
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

double number(const char* text) {
  double value = 0.0;
  std::from_chars(text, text + std::strlen(text), value);
  return value;
}

double haversine_m(double lat1, double lon1, double lat2, double lon2) {
  constexpr double k_rad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * k_rad;
  const double dlon = (lon2 - lon1) * k_rad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * k_rad) * std::cos(lat2 * k_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * k_earth_radius_m * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace

std::vector<fs::path> gpx_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".gpx") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

BaselineResult read_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    ++result.files;
  }
  return result;
}

BaselineResult parse_files(const std::vector<fs::path>& files) {
  BaselineResult result;
  std::string buffer;
  pugi::xml_document doc;
  for (const auto& file : files) {
    read_into(file, buffer);
    result.bytes += buffer.size();
    const auto parsed = doc.load_buffer_inplace(buffer.data(), buffer.size());
    if (!parsed)
      throw std::runtime_error(fmt::format("{}: {}", file.string(), parsed.description()));
    for (auto trk = doc.document_element().child("trk"); trk; trk = trk.next_sibling("trk")) {
      for (auto seg = trk.child("trkseg"); seg; seg = seg.next_sibling("trkseg")) {
        bool first = true;
        double last_lat = 0.0, last_lon = 0.0;
        for (auto pt = seg.child("trkpt"); pt; pt = pt.next_sibling("trkpt")) {
          const double lat = number(pt.attribute("lat").value());
          const double lon = number(pt.attribute("lon").value());
          if (!first) result.distance_m += haversine_m(last_lat, last_lon, lat, lon);
          first = false;
          last_lat = lat;
          last_lon = lon;
          ++result.points;
        }
      }
    }
    ++result.files;
  }
  return result;
}

}  // namespace runload::bench
