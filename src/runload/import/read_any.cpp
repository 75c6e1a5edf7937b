#include <runload/import/read_any.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <runload/import/fit_reader.hpp>
#include <runload/import/gzip_reader.hpp>
#include <runload/import/importer.hpp>
#include <runload/import/tcx_reader.hpp>

namespace runload::import {
namespace {

static_assert(k_max_inflated_bytes == k_max_file_bytes,
              "a .gz file may hold as much as a plain file may be");

enum class Kind { fit, tcx, gpx, gzip, zip, unknown };

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::size_t k_xml_scan_bytes = 4096;
constexpr std::size_t k_shown_bytes = 16;

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

// The local name of the first element, past the XML declaration, comments
// and a DOCTYPE.
std::string_view xml_root(std::string_view text) {
  text = text.substr(0, k_xml_scan_bytes);
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos && pos + 1 < text.size()) {
    if (text[pos + 1] == '?' || text[pos + 1] == '!') {
      ++pos;
      continue;
    }
    const std::size_t start = pos + 1;
    const std::size_t end = text.find_first_of(" \t\r\n/>", start);
    std::string_view name = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos)
      name.remove_prefix(colon + 1);
    return name;
  }
  return {};
}

Kind detect(std::string_view bytes, std::string_view name) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
      static_cast<unsigned char>(bytes[1]) == 0x8B)
    return Kind::gzip;
  if (bytes.substr(0, 4) == std::string_view("PK\3\4", 4)) return Kind::zip;
  if (bytes.size() >= 12 && bytes.substr(8, 4) == ".FIT") return Kind::fit;
  std::string_view text = bytes;
  if (text.starts_with(k_utf8_bom)) text.remove_prefix(k_utf8_bom.size());
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '<') {
    const auto root = xml_root(text.substr(first));
    if (root == "TrainingCenterDatabase") return Kind::tcx;
    if (root == "gpx") return Kind::gpx;
  }
  if (ends_with_ci(name, ".fit")) return Kind::fit;
  if (ends_with_ci(name, ".tcx")) return Kind::tcx;
  if (ends_with_ci(name, ".gpx")) return Kind::gpx;
  if (ends_with_ci(name, ".gz")) return Kind::gzip;
  if (ends_with_ci(name, ".zip")) return Kind::zip;
  return Kind::unknown;
}

// The first bytes, printable ASCII as is and the rest as \xNN, for messages.
std::string shown(std::string_view bytes) {
  std::string text;
  for (const char c : bytes.substr(0, k_shown_bytes)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '"' && c != '\\')
      text.push_back(c);
    else
      text += fmt::format("\\x{:02x}", u);
  }
  if (bytes.size() > k_shown_bytes) text += "...";
  return text;
}

ParseResult refused(const ParseContext& ctx, std::string message) {
  ParseResult result;
  result.errors.push_back(Problem{ctx.file, std::nullopt, std::nullopt, std::move(message)});
  return result;
}

std::string unknown_message(std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return "the file is empty";
  const auto dot = name.rfind('.');
  const std::string extension =
      dot == std::string_view::npos ? std::string("no extension")
                                    : fmt::format("extension '{}'", name.substr(dot));
  return fmt::format(
      "unknown format: the content is none of FIT, TCX, GPX, CSV, gzip or zip (it starts "
      "with \"{}\", {})",
      shown(bytes), extension);
}

ParseResult read_bytes(std::string_view name, std::string& bytes, const ParseContext& ctx,
                       bool inflated);

ParseResult read_gzip(std::string_view name, std::string& bytes, const ParseContext& ctx) {
  auto inflated = gunzip(bytes, k_max_inflated_bytes);
  if (!inflated.ok()) {
    ParseResult result;
    result.errors.push_back(
        Problem{ctx.file, std::nullopt, inflated.error->offset, inflated.error->message});
    return result;
  }
  bytes = std::move(inflated.bytes);
  const std::string_view inner =
      ends_with_ci(name, ".gz") ? name.substr(0, name.size() - 3) : std::string_view{};
  auto result = read_bytes(inner, bytes, ctx, true);
  for (auto* problems : {&result.errors, &result.warnings})
    for (auto& problem : *problems)
      if (problem.offset) problem.message += " (offset in the inflated data)";
  return result;
}

ParseResult read_bytes(std::string_view name, std::string& bytes, const ParseContext& ctx,
                       bool inflated) {
  switch (detect(bytes, name)) {
    case Kind::fit:
      return read_fit(bytes, ctx);
    case Kind::tcx:
      return read_tcx(bytes, ctx);
    case Kind::gzip:
      if (inflated) return refused(ctx, "a gzip file inside a gzip file is not read");
      return read_gzip(name, bytes, ctx);
    case Kind::zip:
      return refused(ctx, inflated ? "a zip archive inside a gzip file is not read"
                                   : "a zip archive inside an archive is not read");
    case Kind::gpx:
    case Kind::unknown:
      break;
  }
  return refused(ctx, unknown_message(bytes, name));
}

}  // namespace

ParseResult read_file_bytes(const std::filesystem::path& path, std::string& bytes,
                            const ParseContext& ctx) {
  return read_bytes(path.filename().string(), bytes, ctx, false);
}

}  // namespace runload::import
