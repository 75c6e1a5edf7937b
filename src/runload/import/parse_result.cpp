#include <runload/import/parse_result.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace runload::import {
namespace {

template <typename T>
std::string optional_text(const std::optional<T>& value) {
  if (!value) return "-";
  if constexpr (std::is_same_v<T, double>)
    return fmt::format("{:.17g}", *value);
  else if constexpr (std::is_same_v<T, std::chrono::seconds>)
    return fmt::format("{}", value->count());
  else
    return fmt::format("{}", *value);
}

void histogram_text(std::string& out, const char* name, const std::optional<model::Histogram>& h) {
  if (!h) {
    out += fmt::format("  {} -\n", name);
    return;
  }
  out += fmt::format("  {} origin {:.17g} width {:.17g}:", name, h->origin, h->width);
  for (const double m : h->metres) out += fmt::format(" {:.17g}", m);
  out += '\n';
}

void problem_text(std::string& out, const char* kind, const Problem& p) {
  out += fmt::format("{} {}|{}|{}|{}|{}|{}|{}\n", kind, p.file, optional_text(p.line),
                     optional_text(p.offset), p.message, p.kind, optional_text(p.count),
                     optional_text(p.of));
}

}  // namespace

std::string describe(const Problem& problem) {
  if (problem.line) return fmt::format("{}:{}: {}", problem.file, *problem.line, problem.message);
  if (problem.offset)
    return fmt::format("{}: byte {}: {}", problem.file, *problem.offset, problem.message);
  return fmt::format("{}: {}", problem.file, problem.message);
}

std::string canonical_text(const ParseResult& result) {
  std::string out;
  for (const auto& parsed : result.activities) {
    const model::Activity& a = parsed.activity;
    out += fmt::format("activity start {} offset {} origin {} sport {} name {}\n",
                       a.start_utc.time_since_epoch().count(), a.utc_offset.count(),
                       static_cast<int>(a.offset_origin), model::to_string(a.sport), a.name);
    out += fmt::format(
        "  distance {} elapsed {} moving {} gain {} loss {} hr {} {} cadence {} {} gear {}\n",
        optional_text(a.distance_m), optional_text(a.elapsed), optional_text(a.moving),
        optional_text(a.elevation_gain_m), optional_text(a.elevation_loss_m),
        optional_text(a.avg_hr), optional_text(a.max_hr), optional_text(a.avg_cadence),
        optional_text(a.max_cadence), optional_text(a.gear));
    if (a.temperature)
      out += fmt::format("  temperature {:.17g} {}\n", a.temperature->celsius,
                         model::to_string(a.temperature->source));
    histogram_text(out, "speed", a.speed_histogram);
    histogram_text(out, "grade", a.grade_histogram);
    histogram_text(out, "heart_rate", a.heart_rate_histogram);
    for (const auto& source : a.sources)
      out += fmt::format("  source {} {} {}\n", source.format, source.file,
                         optional_text(source.line));
    out += fmt::format("  track_file {} track_points {}\n", optional_text(parsed.track_file),
                       parsed.track ? fmt::format("{}", parsed.track->point_count()) : "-");
  }
  for (const auto& p : result.errors) problem_text(out, "error", p);
  for (const auto& p : result.warnings) problem_text(out, "warning", p);
  if (result.rows)
    out += fmt::format("rows {} refused {}\n", result.rows->rows, result.rows->refused);
  return out;
}

}  // namespace runload::import
