#include <runload/identity/activity_merge.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace runload::identity {
namespace {

// The larger at most k_same_run_tolerance above the smaller. Relative to the
// smaller value so that the test is symmetric.
bool within_tolerance(double a, double b) noexcept {
  if (!std::isfinite(a) || !std::isfinite(b) || a < 0 || b < 0) return false;
  const double smaller = std::min(a, b);
  const double larger = std::max(a, b);
  return larger <= smaller * (1.0 + k_same_run_tolerance);
}

std::optional<std::pair<double, double>> durations(const model::Activity& a,
                                                   const model::Activity& b) noexcept {
  if (a.elapsed && b.elapsed)
    return std::pair{static_cast<double>(a.elapsed->count()),
                     static_cast<double>(b.elapsed->count())};
  if (a.moving && b.moving)
    return std::pair{static_cast<double>(a.moving->count()),
                     static_cast<double>(b.moving->count())};
  return std::nullopt;
}

// FIT sessions and TCX laps carry the device's own totals (DESIGN.md section
// 3, "Track distance"), so they outrank a GPX track measured by runload.
int track_rank(const model::Activity& activity) noexcept {
  int rank = activity.has_track() ? 1 : 0;
  for (const auto& source : activity.sources) {
    if (source.format == "fit")
      rank = std::max(rank, 4);
    else if (source.format == "tcx")
      rank = std::max(rank, 3);
    else if (source.format == "gpx")
      rank = std::max(rank, 2);
  }
  return rank;
}

bool is_row(const model::Activity& activity) noexcept {
  return std::any_of(activity.sources.begin(), activity.sources.end(),
                     [](const model::Source& s) { return s.line.has_value(); });
}

template <typename T>
std::optional<T> first_known(const std::optional<T>& winner, const std::optional<T>& other) {
  return winner ? winner : other;
}

// The weather at the start (a Strava row) outranks the watch's sensor,
// which reads high from body heat; of two of one kind, the stored one stays.
std::optional<model::Temperature> better_temperature(
    const std::optional<model::Temperature>& stored,
    const std::optional<model::Temperature>& incoming) {
  if (!stored) return incoming;
  if (incoming && incoming->source == model::TemperatureSource::weather &&
      stored->source == model::TemperatureSource::device)
    return incoming;
  return stored;
}

bool same_source(const model::Source& a, const model::Source& b) noexcept {
  return a.format == b.format && a.file == b.file && a.line == b.line;
}

}  // namespace

bool is_same_run(const model::Activity& a, const model::Activity& b) noexcept {
  const auto gap =
      a.start_utc > b.start_utc ? a.start_utc - b.start_utc : b.start_utc - a.start_utc;
  if (gap > k_same_run_start_window) return false;
  if (a.distance_m && b.distance_m && within_tolerance(*a.distance_m, *b.distance_m)) return true;
  if (const auto d = durations(a, b); d && within_tolerance(d->first, d->second)) return true;
  return false;
}

MatchKind classify_match(const model::Activity& stored, const model::Activity& incoming) {
  for (const auto& source : incoming.sources) {
    const bool known =
        std::any_of(stored.sources.begin(), stored.sources.end(),
                    [&](const model::Source& s) { return s.format == source.format; });
    if (!known) return MatchKind::merge;
  }
  return MatchKind::duplicate;
}

model::Activity merge_activities(const model::Activity& stored, const model::Activity& incoming) {
  model::Activity merged = stored;

  const bool incoming_track_wins = track_rank(incoming) > track_rank(stored);
  const auto& track = incoming_track_wins ? incoming : stored;
  const auto& track_other = incoming_track_wins ? stored : incoming;
  merged.start_utc = track.start_utc;
  merged.distance_m = first_known(track.distance_m, track_other.distance_m);
  merged.elapsed = first_known(track.elapsed, track_other.elapsed);
  merged.moving = first_known(track.moving, track_other.moving);
  merged.elevation_gain_m = first_known(track.elevation_gain_m, track_other.elevation_gain_m);
  merged.elevation_loss_m = first_known(track.elevation_loss_m, track_other.elevation_loss_m);
  merged.avg_hr = first_known(track.avg_hr, track_other.avg_hr);
  merged.max_hr = first_known(track.max_hr, track_other.max_hr);
  merged.avg_cadence = first_known(track.avg_cadence, track_other.avg_cadence);
  merged.max_cadence = first_known(track.max_cadence, track_other.max_cadence);
  merged.speed_histogram = first_known(track.speed_histogram, track_other.speed_histogram);
  merged.grade_histogram = first_known(track.grade_histogram, track_other.grade_histogram);
  merged.heart_rate_histogram =
      first_known(track.heart_rate_histogram, track_other.heart_rate_histogram);

  const bool incoming_offset_wins = incoming.offset_origin != stored.offset_origin
                                        ? incoming.offset_origin == model::OffsetOrigin::file
                                        : incoming_track_wins;
  // A wall-clock offset belongs with the wall-clock start it was derived
  // for: with the other side's start instant, the other side's offset goes.
  const auto& offset_winner = incoming_offset_wins ? incoming : stored;
  const auto& offset =
      offset_winner.offset_origin == model::OffsetOrigin::wall_clock && &offset_winner != &track
          ? track
          : offset_winner;
  merged.utc_offset = offset.utc_offset;
  merged.offset_origin = offset.offset_origin;

  const bool incoming_row_wins = is_row(incoming) && !is_row(stored);
  const auto& row = incoming_row_wins ? incoming : stored;
  const auto& row_other = incoming_row_wins ? stored : incoming;
  merged.name = !row.name.empty() ? row.name : row_other.name;
  merged.sport = row.sport != model::Sport::other ? row.sport : row_other.sport;
  merged.gear = first_known(row.gear, row_other.gear);
  merged.temperature = better_temperature(stored.temperature, incoming.temperature);

  for (const auto& source : incoming.sources) {
    const bool listed = std::any_of(merged.sources.begin(), merged.sources.end(),
                                    [&](const model::Source& s) { return same_source(s, source); });
    if (!listed) merged.sources.push_back(source);
  }
  return merged;
}

}  // namespace runload::identity
