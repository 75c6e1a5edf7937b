#include <runload/import/read_any.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <runload/files/load.hpp>
#include <runload/import/csv_reader.hpp>
#include <runload/import/fit_reader.hpp>
#include <runload/import/format_detect.hpp>
#include <runload/import/garmin_csv.hpp>
#include <runload/import/gpx_reader.hpp>
#include <runload/import/gzip_reader.hpp>
#include <runload/import/plausibility.hpp>
#include <runload/import/runload_csv.hpp>
#include <runload/import/strava_csv.hpp>
#include <runload/import/tcx_reader.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/utf8.hpp>

namespace runload::import {

using text::ends_with_ci;

namespace {

static_assert(k_max_inflated_bytes == files::k_max_file_bytes,
              "a .gz file may hold as much as a plain file may be");

constexpr std::size_t k_shown_bytes = 40;

// The tracks have served the readers' metrics; the store keeps histograms,
// and a track held until its file is stored costs memory for nothing.
ParseResult without_tracks(ParseResult result) {
  for (auto& parsed : result.activities) parsed.track.reset();
  return result;
}

// The first bytes for messages: printable ASCII and well-formed UTF-8
// ("Título") as they are, anything else as \xNN.
std::string shown(std::string_view bytes) {
  std::string text;
  const std::string_view head = bytes.substr(0, k_shown_bytes);
  for (std::size_t i = 0; i < head.size();) {
    const auto u = static_cast<unsigned char>(head[i]);
    const std::size_t length = u >= 0x80 ? text::sequence_length(head, i) : 1;
    if (u >= 0x80 && length > 1) {
      text.append(head.substr(i, length));
      i += length;
      continue;
    }
    if (u >= 0x20 && u < 0x7F && head[i] != '"' && head[i] != '\\')
      text.push_back(head[i]);
    else
      text += fmt::format("\\x{:02x}", u);
    ++i;
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
  if (ends_with_ci(name, ".csv")) {
    const auto line = bytes.substr(0, bytes.find_first_of("\r\n"));
    return fmt::format(
        "unknown CSV: its header names the columns of none of a Strava activities.csv, a Garmin "
        "Connect activities CSV or a runload CSV (it starts with \"{}\")",
        shown(line));
  }
  const auto dot = name.rfind('.');
  const std::string extension = dot == std::string_view::npos
                                    ? std::string("no extension")
                                    : fmt::format("extension '{}'", name.substr(dot));
  return fmt::format(
      "unknown format: the content is none of FIT, TCX, GPX, CSV, gzip or zip (it starts "
      "with \"{}\", {})",
      shown(bytes), extension);
}

ParseResult read_bytes(std::string_view name, std::string& bytes, const ParseContext& ctx,
                       bool inflated);

ParseResult read_gzip(std::string_view name, std::string& bytes, const ParseContext& ctx) {
  std::size_t cap = k_max_inflated_bytes;
  if (ctx.inflate_budget)
    cap = static_cast<std::size_t>(std::min<std::uint64_t>(cap, *ctx.inflate_budget));
  auto inflated = gunzip(bytes, cap);
  if (ctx.inflate_budget) *ctx.inflate_budget -= inflated.ok() ? inflated.bytes.size() : cap;
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

// A CSV that is not UTF-8 text, refused with its line and byte offset:
// its names would be stored as bytes no JSON output can print.
std::optional<ParseResult> refused_csv_text(std::string_view bytes, const ParseContext& ctx) {
  auto error = check_csv_text(bytes);
  if (!error) return std::nullopt;
  ParseResult result;
  result.errors.push_back(Problem{ctx.file, error->line, std::nullopt, std::move(error->message)});
  return result;
}

ParseResult read_format(Format format, std::string_view name, std::string& bytes,
                        const ParseContext& ctx, bool inflated);

ParseResult read_bytes(std::string_view name, std::string& bytes, const ParseContext& ctx,
                       bool inflated) {
  const Format format = detect_format(bytes, name);
  auto result = read_format(format, name, bytes, ctx, inflated);
  // Every reader's activities pass here: one check of what can be on foot.
  retype_implausible(result);
  return result;
}

ParseResult read_format(Format format, std::string_view name, std::string& bytes,
                        const ParseContext& ctx, bool inflated) {
  if (format == Format::strava_csv || format == Format::garmin_csv ||
      format == Format::runload_csv || (format == Format::unknown && ends_with_ci(name, ".csv"))) {
    if (auto refused = refused_csv_text(bytes, ctx)) return std::move(*refused);
  }
  switch (format) {
    case Format::fit:
      return without_tracks(read_fit(bytes, ctx));
    case Format::tcx:
      return without_tracks(read_tcx(bytes, ctx));
    case Format::gpx:
      return read_gpx(bytes, ctx);
    case Format::strava_csv:
      return read_strava_csv(bytes, ctx);
    case Format::garmin_csv:
      return read_garmin_csv(bytes, ctx);
    case Format::runload_csv:
      return read_runload_csv(bytes, ctx);
    case Format::gzip:
      if (inflated) return refused(ctx, "a gzip file inside a gzip file is not read");
      return read_gzip(name, bytes, ctx);
    case Format::zip:
      return refused(ctx, inflated ? "a zip archive inside a gzip file is not read"
                                   : "a zip archive inside an archive is not read");
    case Format::unknown:
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
