#include "tcx_corpus.hpp"

#include <fmt/format.h>

#include <iterator>

#include "run_summary.hpp"

namespace runload::bench {

namespace {

constexpr const char* k_header =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase
  xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd"
  xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"
  xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2"
  xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns4="http://www.garmin.com/xmlschemas/ProfileExtension/v1">
  <Activities>
    <Activity Sport="Running">
)";

std::string tcx_time(const SyntheticRun& run, int clock) {
  std::string t = iso_time(run, clock);
  t.insert(t.size() - 1, ".000");  // Garmin Connect writes milliseconds
  return t;
}

}  // namespace

std::string make_tcx_run(const SyntheticRun& run) {
  std::string out;
  out.reserve(run.samples.size() * 420 + 4096);
  auto it = std::back_inserter(out);
  out += k_header;
  fmt::format_to(it, "      <Id>{}</Id>\n", tcx_time(run, run.samples.front().clock));
  for (const RunTotals& lap : kilometre_laps(run)) {
    const RunSample& first = run.samples[lap.first];
    fmt::format_to(it,
                   "      <Lap StartTime=\"{}\">\n"
                   "        <TotalTimeSeconds>{}.0</TotalTimeSeconds>\n"
                   "        <DistanceMeters>{:.2f}</DistanceMeters>\n"
                   "        <Calories>{}</Calories>\n"
                   "        <AverageHeartRateBpm>\n          <Value>{}</Value>\n"
                   "        </AverageHeartRateBpm>\n"
                   "        <MaximumHeartRateBpm>\n          <Value>{}</Value>\n"
                   "        </MaximumHeartRateBpm>\n"
                   "        <Intensity>Active</Intensity>\n"
                   "        <TriggerMethod>Distance</TriggerMethod>\n"
                   "        <Track>\n",
                   tcx_time(run, first.clock), lap.elapsed_s, lap.distance_m,
                   static_cast<int>(lap.distance_m / 15.0), lap.avg_hr, lap.max_hr);
    for (std::size_t i = lap.first; i <= lap.last; ++i) {
      const RunSample& s = run.samples[i];
      const double speed = i == 0 ? 0.0 : s.path_m - run.samples[i - 1].path_m;
      fmt::format_to(it,
                     "          <Trackpoint>\n"
                     "            <Time>{}</Time>\n"
                     "            <Position>\n"
                     "              <LatitudeDegrees>{:.7f}</LatitudeDegrees>\n"
                     "              <LongitudeDegrees>{:.7f}</LongitudeDegrees>\n"
                     "            </Position>\n"
                     "            <AltitudeMeters>{:.1f}</AltitudeMeters>\n"
                     "            <DistanceMeters>{:.2f}</DistanceMeters>\n"
                     "            <HeartRateBpm>\n              <Value>{}</Value>\n"
                     "            </HeartRateBpm>\n"
                     "            <Extensions>\n              <ns3:TPX>\n"
                     "                <ns3:Speed>{:.3f}</ns3:Speed>\n"
                     "                <ns3:RunCadence>{}</ns3:RunCadence>\n"
                     "              </ns3:TPX>\n            </Extensions>\n"
                     "          </Trackpoint>\n",
                     tcx_time(run, s.clock), s.lat, s.lon, s.ele, s.path_m, s.hr, speed, s.cadence);
    }
    out += "        </Track>\n      </Lap>\n";
  }
  out +=
      "      <Creator xsi:type=\"Device_t\">\n        <Name>Forerunner 245</Name>\n"
      "      </Creator>\n    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n";
  return out;
}

}  // namespace runload::bench
