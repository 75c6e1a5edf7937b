#pragma once
// A small Strava bulk export for tests: activities.csv with four rows, their
// tracks as .fit.gz, .gpx.gz and plain .tcx, the other top-level CSVs of an
// export, a photo and a planned route. Header-only.
//
//   row  start (UTC)        name           type       gear          track
//   101  2024-03-04 07:00   Easy FIT run   Run        Pegasus 40    activities/101.fit.gz
//   102  2024-03-06 07:00   Hill GPX run   Trail Run  Speedgoat 5   activities/102.gpx.gz
//   103  2024-03-08 07:00   Tempo TCX      Run        Pegasus 40    activities/103.tcx
//   104  2024-03-09 07:00   Treadmill      Run        -             (none)
//
// Row 103 disagrees with its track by more than the same-run tolerance (3 km
// and 20 min in the CSV, 4 km and 25 min in the TCX): only the Filename join
// can make it one activity.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "support/archives.hpp"
#include "support/fit_writer.hpp"
#include "support/temp_dir.hpp"

namespace runload::test {

// 2024-03-04T07:00:00Z in FIT seconds (Unix 1709535600 - 631065600).
constexpr std::uint64_t k_export_fit_start = 1709535600 - 631065600;
// Metres per degree of latitude on the mean Earth sphere.
constexpr double k_metres_per_degree = 6371008.8 * 3.14159265358979323846 / 180.0;

inline std::string export_fit_run(const fit::FileOptions& options = {}) {
  fit::Writer w;
  w.define_file_id(0).file_id(0);
  w.define_record(1);
  for (std::uint64_t i = 0; i <= 60; ++i) {
    const double metres = 30.0 * static_cast<double>(i);
    w.record(1, {k_export_fit_start + 10 * i, 47.0 + metres / k_metres_per_degree, 8.0,
                 400.0 + static_cast<double>(i) * 0.5, 150, 85, metres});
  }
  fit::Writer::Session s;
  s.timestamp = k_export_fit_start + 3000;
  s.start_time = k_export_fit_start;
  s.sport = 1;
  s.elapsed_ms = 3000000;
  s.timer_ms = 2950000;
  s.distance_cm = 1000000;
  s.ascent = 55;
  s.descent = 50;
  s.avg_hr = 150;
  s.max_hr = 170;
  w.define_session(2).session(2, s);
  return w.file(options);
}

// 181 points, 10 s and 30 m apart, climbing 1 m each: 5.4 km in 30 min.
inline std::string export_gpx_run() {
  std::string gpx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
      "<trk><name>Hill</name><type>running</type><trkseg>\n";
  for (int i = 0; i <= 180; ++i) {
    const int seconds = 10 * i;
    gpx += fmt::format(
        "<trkpt lat=\"{:.8f}\" lon=\"8.0\"><ele>{}</ele><time>2024-03-06T07:{:02}:{:02}Z</time>"
        "</trkpt>\n",
        46.0 + 30.0 * i / k_metres_per_degree, 500 + i, seconds / 60, seconds % 60);
  }
  gpx += "</trkseg></trk>\n</gpx>\n";
  return gpx;
}

// One lap of 4000 m in 1500 s, with a short track.
inline std::string export_tcx_run() {
  std::string points;
  for (int i = 0; i <= 30; ++i) {
    const int seconds = 10 * i;
    points += fmt::format(
        "<Trackpoint><Time>2024-03-08T07:{:02}:{:02}Z</Time><Position><LatitudeDegrees>{:.8f}"
        "</LatitudeDegrees><LongitudeDegrees>9.0</LongitudeDegrees></Position>"
        "<AltitudeMeters>300</AltitudeMeters></Trackpoint>\n",
        seconds / 60, seconds % 60, 45.0 + 27.0 * i / k_metres_per_degree);
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<TrainingCenterDatabase "
         "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n"
         "<Activities><Activity Sport=\"Running\"><Id>2024-03-08T07:00:00Z</Id>\n"
         "<Lap StartTime=\"2024-03-08T07:00:00Z\"><TotalTimeSeconds>1500</TotalTimeSeconds>"
         "<DistanceMeters>4000</DistanceMeters><Track>\n" +
         points + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n";
}

inline std::string export_activities_csv() {
  return "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
         "Activity Gear,Filename,Moving Time\n"
         "101,\"Mar 4, 2024, 7:00:00 AM\",Easy FIT run,Run,3000,9.90,Pegasus 40,"
         "activities/101.fit.gz,2950\n"
         "102,\"Mar 6, 2024, 7:00:00 AM\",Hill GPX run,Trail Run,1800,5.40,Speedgoat 5,"
         "activities/102.gpx.gz,1800\n"
         "103,\"Mar 8, 2024, 7:00:00 AM\",Tempo TCX,Run,1200,3.00,Pegasus 40,activities/103.tcx,"
         "1200\n"
         "104,\"Mar 9, 2024, 7:00:00 AM\",Treadmill,Run,1800,5.00,,,1800\n";
}

inline std::vector<ZipEntry> strava_export_members() {
  return {
      {"activities.csv", export_activities_csv()},
      {"activities/101.fit.gz", gzip(export_fit_run())},
      {"activities/102.gpx.gz", gzip(export_gpx_run())},
      {"activities/103.tcx", export_tcx_run()},
      {"profile.csv", "Athlete ID,Email Address\n1,ann@example.org\n"},
      {"bikes.csv", "Bike Name,Bike Brand\n"},
      {"media/photo.jpg", std::string("\xFF\xD8\xFF\xE0") + " not really a photo"},
      {"routes/1.gpx",
       "<gpx version=\"1.1\"><rte><rtept lat=\"46\" lon=\"8\"/><rtept lat=\"46.1\" "
       "lon=\"8\"/></rte></gpx>"},
  };
}

// Writes `members` under dir/name as an unpacked export; returns the folder.
inline std::filesystem::path write_export_folder(const TempDir& dir, const std::string& name,
                                                 const std::vector<ZipEntry>& members) {
  for (const auto& member : members) dir.write(name + "/" + member.name, member.bytes);
  return dir / name;
}

}  // namespace runload::test
