#pragma once
// The sport of an activity from what its writer calls it (docs/import.md,
// "Sports"): the words of GPX <type>, TCX Sport and the translated activity
// types of Strava and Garmin Connect exports, Strava's numeric GPX types, and
// FIT's sport and sub_sport. One table of words for every writer, so a label
// met in no fixture ("Terepfutás", "Corsa su tapis roulant") still maps.

#include <optional>
#include <string_view>

#include <runload/model/sport.hpp>

namespace runload::import {

// A sport label in English, German, French, Spanish, Italian, Dutch,
// Portuguese or Hungarian, in any case, with or without accents, spaces,
// hyphens, underscores or CamelCase ("Trail Run", "trail_running",
// "TrailRun", "Course à pied", "Laufband", "Futás"), by the words it
// contains:
// - a sport that is not on foot and would otherwise read as one (skiing,
//   rowing, a wheelchair, a multisport transition) is `other`;
// - a cycling word wins over a running one ("Course cycliste", "Corsa in
//   bici" are races on a bike);
// - a running word gives `run`, made `virtual_run`, `treadmill_run` or
//   `trail_run` by a word for virtual, treadmill or indoor, or trail or
//   mountain;
// - then swimming, hiking and walking words.
// Empty text is `run` (most GPX files come from runners' watches and carry
// no type); text naming no known sport is `other`.
model::Sport sport_from_label(std::string_view label);

// Strava's GPX export writes <type> as a number (9 is Run). Returns the
// sport of a number Strava uses (1 Ride, 2 Alpine Ski, 4 Hike, 9 Run, 10
// Walk, 16 Swim, 23 Rowing; any other number is `other`), or nullopt when
// `text` is not a number.
std::optional<model::Sport> strava_gpx_type(std::string_view text);

// TCX's Sport attribute: the schema's Running, Biking and Other, and words
// other writers put there ("Swimming", "walking"), as sport_from_label reads
// them. Empty is `other`.
model::Sport tcx_sport(std::string_view attribute);

// FIT's sport and sub_sport enums (FIT profile, "sport" and "sub_sport"):
// running (1) is `run`, with sub_sport treadmill (1) or indoor_running (45)
// `treadmill_run`, trail (3) `trail_run`, virtual_activity (58)
// `virtual_run`; fitness_equipment (4) with treadmill (1) is `treadmill_run`;
// cycling (2) and e_biking (21) `ride`; swimming (5) `swim`; walking (11)
// `walk`; hiking (17) and mountaineering (16) `hike`; anything else, an
// absent sport included, `other`.
model::Sport fit_sport(std::optional<int> sport, std::optional<int> sub_sport);

}  // namespace runload::import
