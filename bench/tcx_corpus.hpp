#pragma once
// The runs as TCX, laid out the way Garmin Connect writes it: an Activity
// with a Lap per kilometre (totals, heart rate, intensity, trigger), each
// holding its Track of Trackpoints (time, position, altitude, distance,
// heart rate, and the ActivityExtension TPX with speed and RunCadence).

#include <string>

#include "synthetic_run.hpp"

namespace runload::bench {

// The TCX text of `run`.
std::string make_tcx_run(const SyntheticRun& run);

}  // namespace runload::bench
