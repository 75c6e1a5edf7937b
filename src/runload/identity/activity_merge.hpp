#pragma once
// The identity and merge rules of DESIGN.md section 4: when two activities are
// the same run, and what the merged activity keeps. Pure functions, no SQL.

#include <chrono>

#include <runload/model/activity.hpp>

namespace runload::identity {

// Two starts at most this far apart can be the same run (inclusive).
inline constexpr std::chrono::seconds k_same_run_start_window{120};
// ...when distance or duration differ by at most this fraction (inclusive).
inline constexpr double k_same_run_tolerance = 0.10;

// True when `a` and `b` are the same run: starts at most 120 s apart, and
// either both distances known and the larger at most 10% above the smaller,
// or both durations known and within 10% the same way. Duration is the
// elapsed time when both know it, else the moving time when both know that.
// Symmetric, so the order of import never decides whether two runs merge.
bool is_same_run(const model::Activity& a, const model::Activity& b) noexcept;

// What importing `incoming` does to a stored activity it matches.
enum class MatchKind {
  // Every source format of `incoming` is already among the stored sources
  // (a re-exported Strava CSV, an edited spreadsheet re-imported): it brings
  // no new kind of data and the stored activity stays as it is.
  duplicate,
  // `incoming` brings a new source format: the two are merged.
  merge,
};
MatchKind classify_match(const model::Activity& stored, const model::Activity& incoming);

// The activity that results from merging `incoming` into `stored`. Keeps the
// stored id. Fields fall in two groups, each decided by one winner, and every
// field the winner lacks (nullopt, empty name, sport `other`) is taken from
// the other side:
//
// - Track metrics: start_utc, distance, elapsed and moving time, elevation
//   gain and loss, heart rate, cadence, the three histograms (speed, grade,
//   heart rate). The winner is the side with the better track: FIT (device
//   totals) > TCX > GPX > any other activity with a speed histogram > none.
//   On a tie (both GPX, both CSV rows) the stored activity wins.
// - Description: name, sport, gear. The winner is the side that came from a
//   CSV row (a source with a line): runners name, type and assign shoes in
//   Strava or a spreadsheet, not on the watch. On a tie (both rows, or both
//   tracks) the stored activity wins.
// - UTC offset: a stated offset (origin `file`) beats a derived one (`zone`,
//   `wall_clock`); between two of the same origin the track-metrics
//   winner's. A `wall_clock` offset goes only with its own start: when the
//   start instant comes from the other side, so do its offset and origin.
// - Temperature: the weather at the start (a Strava row) beats the device's
//   sensor; otherwise the stored one, else the incoming one.
// - Sources: the stored ones, then those of `incoming` not already listed
//   (same format, file and line).
model::Activity merge_activities(const model::Activity& stored, const model::Activity& incoming);

}  // namespace runload::identity
