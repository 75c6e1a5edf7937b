#pragma once
// The bare FIT record walk, the FIT corpus's parse baseline: the file header,
// every record header, definition messages kept per local type, and for each
// record message (global 20) its position_lat/position_long, summed as
// haversine distance. No CRC, no field beyond the position, no checks beyond
// staying inside the bytes: the least a reader of FIT records does.
// runload's FIT decoder (src/runload/import/fit_reader.cpp) offers read_fit
// and fit_crc16 only, its message decoding being internal, so the walk is
// written here, from the FIT protocol document (sections 3.3 and 4).

#include <cstdint>
#include <string_view>

namespace runload::bench {

struct FitWalk {
  std::uintmax_t records = 0;  // record messages with a position
  double distance_m = 0.0;
};

// Walks every FIT file chained in `bytes`, adding to `walk`.
// Throws std::runtime_error when a message runs past the end.
void walk_fit(std::string_view bytes, FitWalk& walk);

}  // namespace runload::bench
