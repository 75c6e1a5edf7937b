#pragma once
// ISO 8601 / xsd:dateTime timestamps as GPX and TCX write them.

#include <chrono>
#include <optional>
#include <string_view>

#include <runload/model/track.hpp>

namespace runload::import {

struct IsoTime {
  model::TimePoint utc;
  // The offset the text stated ("+01:00"); nullopt for "Z" or no designator.
  std::optional<std::chrono::seconds> stated_offset;
};

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM|+HHMM]" (a space may
// replace the 'T'). A time without designator is read as UTC. Fractions are
// kept to the millisecond. Returns nullopt on anything else, including
// impossible dates (2023-02-30) and times (25:00).
std::optional<IsoTime> parse_iso_time(std::string_view text) noexcept;

}  // namespace runload::import
