#pragma once
// Small value parsers and time helpers shared by the readers. All of them
// return nullopt on malformed input and never throw.

#include <chrono>
#include <optional>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include <runload/model/activity.hpp>

namespace runload::import {

// The longest duration and distance of one activity that are read as data.
// More is a broken export, not a run (the longest multi-day races are
// recorded in daily stages), and it keeps a count of seconds far inside 64
// bits (std::llround of 1e300 is undefined).
constexpr std::chrono::seconds k_max_activity_duration{30 * 24 * 3600};
constexpr double k_max_activity_distance_m = 100'000'000.0;  // 100,000 km
// The most climb (or descent) of one activity read as data: multi-day
// mountain ultras climb under 30 km.
constexpr double k_max_elevation_change_m = 100'000.0;

// A decimal number with '.' as the decimal point ("12.5", "-3", "1e-05").
// Leading/trailing spaces are allowed; anything else after the number is not.
std::optional<double> parse_number(std::string_view text) noexcept;

// A number written with the given decimal mark and optional thousands mark
// ("1.195,5" with decimal ',' and thousands '.'). thousands == '\0': none.
std::optional<double> parse_number(std::string_view text, char decimal, char thousands) noexcept;

// A duration "H:MM:SS", "HH:MM:SS", "MM:SS" or a bare number of seconds, with an
// optional fraction after `decimal` ("00:01:39,6"), rounded to whole seconds.
// nullopt past k_max_activity_duration.
std::optional<std::chrono::seconds> parse_duration(std::string_view text,
                                                   char decimal = '.') noexcept;

// True when every ':' in `text` is followed by a digit. date::parse converts
// the seconds of %S even when reading them failed, from an uninitialised long
// double (undefined behaviour, found by fuzzing the Garmin CSV reader); in
// every format runload reads, %S follows a ':', so text that fails this is
// refused before date::parse sees it (it could not be a valid time anyway).
bool colons_followed_by_digits(std::string_view text) noexcept;

// True for the running sports, walk and hike: their cadence is in steps.
bool is_foot_sport(model::Sport sport) noexcept;

}  // namespace runload::import
