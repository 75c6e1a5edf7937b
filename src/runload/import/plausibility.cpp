#include <runload/import/plausibility.hpp>

#include <fmt/format.h>

#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>

namespace runload::import {
namespace {

std::optional<std::string> too_fast(const model::Activity& a) {
  if (!a.distance_m || *a.distance_m < k_sustained_speed_min_distance_m) return std::nullopt;
  const auto time = a.moving && a.moving->count() > 0 ? a.moving : a.elapsed;
  if (!time || time->count() <= 0) return std::nullopt;
  const double speed = *a.distance_m / static_cast<double>(time->count());
  if (speed <= k_max_sustained_foot_speed_mps) return std::nullopt;
  return fmt::format(
      "it averages {:.1f} km/h over {:.1f} km, faster than anyone runs that far (at most {:.1f} "
      "km/h on foot, above the 5000 m world record pace)",
      speed * 3.6, *a.distance_m / 1000.0, k_max_sustained_foot_speed_mps * 3.6);
}

std::optional<std::string> too_long_for_its_moving_time(const model::Activity& a) {
  if (!a.elapsed || !a.moving || *a.elapsed < k_long_span) return std::nullopt;
  const auto elapsed = static_cast<double>(a.elapsed->count());
  const auto moving = static_cast<double>(a.moving->count());
  if (moving >= k_min_moving_fraction_of_long_span * elapsed) return std::nullopt;
  return fmt::format(
      "it spans {:.1f} days with only {:.0f} minutes of moving time (not one "
      "outing; a GPS logger left on?)",
      elapsed / 86400.0, moving / 60.0);
}

}  // namespace

std::optional<std::string> implausible_on_foot(const model::Activity& activity) {
  if (!is_foot_sport(activity.sport)) return std::nullopt;
  if (auto why = too_fast(activity)) return why;
  return too_long_for_its_moving_time(activity);
}

void retype_implausible(ParseResult& result) {
  for (auto& parsed : result.activities) {
    auto& a = parsed.activity;
    const auto why = implausible_on_foot(a);
    if (!why) continue;
    const model::Source* source = a.sources.empty() ? nullptr : &a.sources.front();
    result.warnings.push_back(Problem{
        source ? source->file : std::string(), source ? source->line : std::nullopt, std::nullopt,
        fmt::format("the {} starting {}{} cannot be on foot: {}; stored as other (re-type it "
                    "with `runload runs set ID --sport {}` if it was)",
                    model::to_string(a.sport), model::format_utc(a.start_utc),
                    a.name.empty() ? std::string() : fmt::format(" (\"{}\")", a.name), *why,
                    model::to_string(a.sport))});
    a.sport = model::Sport::other;
  }
}

}  // namespace runload::import
