#include <runload/import/format_detect.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <runload/import/csv_reader.hpp>
#include <runload/import/garmin_csv.hpp>
#include <runload/import/strava_csv.hpp>

namespace runload::import {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
// XML prologue, comments and DOCTYPE fit well within this; a root element
// further in is unusual enough to fall back on the extension.
constexpr std::size_t k_xml_scan_bytes = 4096;

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(),
                    text.end() - static_cast<std::ptrdiff_t>(suffix.size()), [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

// The name of the first element in an XML prologue, without its prefix.
std::string_view xml_root(std::string_view head) {
  head = head.substr(0, k_xml_scan_bytes);
  std::size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 >= head.size()) return {};
    const char next = head[pos + 1];
    if (next == '?' || next == '!') {
      ++pos;
      continue;
    }
    const std::size_t start = pos + 1;
    std::size_t end = start;
    while (end < head.size() && !std::isspace(static_cast<unsigned char>(head[end])) &&
           head[end] != '>' && head[end] != '/')
      ++end;
    std::string_view name = head.substr(start, end - start);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos)
      name.remove_prefix(colon + 1);
    return name;
  }
  return {};
}

Format csv_dialect(std::string_view head) {
  const auto line_end = head.find_first_of("\r\n");
  const std::string_view first_line = head.substr(0, line_end);
  const CsvTable table = parse_csv(first_line);
  if (table.records().empty()) return Format::unknown;
  const CsvHeader header(table.records().front());
  if (is_strava_header(header)) return Format::strava_csv;
  if (is_garmin_header(header)) return Format::garmin_csv;
  if (header.find("date") && header.find("distance_km")) return Format::runload_csv;
  return Format::unknown;
}

}  // namespace

Format detect_format(std::string_view head, std::string_view file_name) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b)
    return Format::gzip;
  if (head.substr(0, 4) == std::string_view("PK\3\4", 4)) return Format::zip;
  if (head.size() >= 12 && head.substr(8, 4) == ".FIT") return Format::fit;

  std::string_view text = head;
  if (text.substr(0, k_utf8_bom.size()) == k_utf8_bom) text.remove_prefix(k_utf8_bom.size());
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '<') {
    const auto root = xml_root(text);
    if (root == "gpx") return Format::gpx;
    if (root == "TrainingCenterDatabase") return Format::tcx;
  } else if (first != std::string_view::npos) {
    if (const auto dialect = csv_dialect(text.substr(first)); dialect != Format::unknown)
      return dialect;
  }

  if (ends_with_ci(file_name, ".gpx")) return Format::gpx;
  if (ends_with_ci(file_name, ".tcx")) return Format::tcx;
  if (ends_with_ci(file_name, ".fit")) return Format::fit;
  if (ends_with_ci(file_name, ".gz")) return Format::gzip;
  if (ends_with_ci(file_name, ".zip")) return Format::zip;
  return Format::unknown;
}

std::string_view describe(Format format) noexcept {
  switch (format) {
    case Format::strava_csv:
      return "Strava activities.csv";
    case Format::garmin_csv:
      return "Garmin Connect activities CSV";
    case Format::runload_csv:
      return "runload CSV";
    case Format::gpx:
      return "GPX";
    case Format::tcx:
      return "TCX";
    case Format::fit:
      return "FIT";
    case Format::gzip:
      return "gzip";
    case Format::zip:
      return "zip archive";
    case Format::unknown:
      break;
  }
  return "unknown format";
}

}  // namespace runload::import
