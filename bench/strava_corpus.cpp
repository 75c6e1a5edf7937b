#include "strava_corpus.hpp"

#include <fmt/format.h>

#include <array>
#include <memory>
#include <vector>

#include "fit_corpus.hpp"
#include "gpx_corpus.hpp"
#include "gzip_member.hpp"
#include "run_summary.hpp"
#include "tcx_corpus.hpp"

namespace runload::bench {
namespace fs = std::filesystem;

namespace {

// Bump when the generated files change, so cached corpora are rebuilt.
constexpr int k_generator_version = 1;

// The header of an English export of 2024-2026 (samples/strava_export).
constexpr const char* k_header =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,"
    "Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,Max Temperature,"
    "Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,Downhill Time,"
    "Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,"
    "Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,"
    "From Upload,Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,"
    "Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,"
    "Gear,Precipitation Probability,Precipitation Type,Cloud Cover,Weather Visibility,"
    "UV Index,Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,Average Elapsed Speed,"
    "Dirt Distance,Newly Explored Distance,Newly Explored Dirt Distance,Activity Count,"
    "Total Steps,Carbon Saved,Pool Length,Training Load,Intensity,"
    "Average Grade Adjusted Pace,Timer Time,Total Cycles,Recovery,With Pet,Competition,"
    "Long Run,For a Cause,Media";
constexpr std::size_t k_columns = 99;

// Column positions of that header (src/runload/import/strava_csv.cpp, Positions).
constexpr std::size_t k_id = 0, k_date = 1, k_name = 2, k_type = 3, k_elapsed = 5,
                      k_distance_km = 6, k_max_hr = 7, k_commute = 9, k_gear = 11, k_filename = 12,
                      k_elapsed_precise = 15, k_moving = 16, k_distance_m = 17, k_gain = 20,
                      k_loss = 21, k_max_cadence = 28, k_avg_cadence = 29, k_max_hr_precise = 30,
                      k_avg_hr = 31, k_from_upload = 52;

// Activity ids and upload (file) ids differ in real exports: the join is by Filename.
constexpr std::uint64_t k_first_activity_id = 3'000'000'000ull;
constexpr std::uint64_t k_first_upload_id = 3'200'000'000ull;

constexpr std::array<const char*, 3> k_gear_names{"Pegasus 40", "Speedgoat 5", ""};
constexpr std::array<const char*, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "Jan 4, 2020, 7:57:37 AM": the export's English date, in UTC.
std::string strava_date(const SyntheticRun& run) {
  const date::year_month_day ymd{run.day};
  const int clock = run.samples.front().clock;
  const int hour = clock / 3600;
  const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
  return fmt::format("\"{} {}, {}, {}:{:02}:{:02} {}\"",
                     k_months[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()), hour12,
                     clock / 60 % 60, clock % 60, hour < 12 ? "AM" : "PM");
}

std::string track_name(const SyntheticRun& run) {
  const auto upload = k_first_upload_id + run.index;
  switch (strava_track_format(run.index)) {
    case TrackFormat::fit_gz:
      return fmt::format("activities/{}.fit.gz", upload);
    case TrackFormat::gpx:
      return fmt::format("activities/{}.gpx", upload);
    case TrackFormat::tcx_gz:
      break;
  }
  return fmt::format("activities/{}.tcx.gz", upload);
}

std::string track_bytes(const SyntheticRun& run) {
  switch (strava_track_format(run.index)) {
    case TrackFormat::fit_gz:
      return gzip(make_fit_run(run));
    case TrackFormat::gpx:
      return make_gpx_run(run);
    case TrackFormat::tcx_gz:
      break;
  }
  return gzip(make_tcx_run(run));
}

}  // namespace

TrackFormat strava_track_format(std::size_t index) {
  switch (index % 20) {
    case 7:
      return TrackFormat::tcx_gz;
    case 1:
    case 5:
    case 9:
    case 13:
    case 17:
      return TrackFormat::gpx;
    default:
      return TrackFormat::fit_gz;
  }
}

std::string strava_csv_row(const SyntheticRun& run, const std::string& filename) {
  const RunTotals all = totals(run);
  int moving = 0;
  for (const RunSample& s : run.samples) moving += s.cadence > 0 ? 1 : 0;
  std::vector<std::string> cells(k_columns);
  cells[k_id] = fmt::format("{}", k_first_activity_id + run.index);
  cells[k_date] = strava_date(run);
  cells[k_name] = run.name;
  cells[k_type] = "Run";
  cells[k_elapsed] = fmt::format("{}", all.elapsed_s);
  cells[k_distance_km] = fmt::format("{:.2f}", all.distance_m / 1000.0);
  cells[k_max_hr] = fmt::format("{}.0", all.max_hr);
  cells[k_commute] = "false";
  cells[k_gear] = k_gear_names[run.index % k_gear_names.size()];
  cells[k_filename] = filename;
  cells[k_elapsed_precise] = fmt::format("{}.0", all.elapsed_s);
  cells[k_moving] = fmt::format("{}.0", moving);
  cells[k_distance_m] = fmt::format("{:.1f}", all.distance_m);
  cells[k_gain] = fmt::format("{:.1f}", all.ascent_m);
  cells[k_loss] = fmt::format("{:.1f}", all.descent_m);
  cells[k_max_cadence] = fmt::format("{}.0", all.max_cadence);
  cells[k_avg_cadence] = fmt::format("{}.0", all.avg_cadence);
  cells[k_max_hr_precise] = fmt::format("{}.0", all.max_hr);
  cells[k_avg_hr] = fmt::format("{}.0", all.avg_hr);
  cells[k_from_upload] = "1.0";
  return fmt::format("{}\n", fmt::join(cells, ","));
}

CorpusStats ensure_strava_corpus(const fs::path& dir, std::size_t files) {
  auto csv = std::make_shared<std::string>(std::string(k_header) + "\n");
  return ensure_corpus(
      dir, "strava", k_generator_version, files,
      [csv](const SyntheticRun& run) {
        std::string name = track_name(run);
        *csv += strava_csv_row(run, name);
        return std::vector<CorpusFile>{{std::move(name), track_bytes(run)}};
      },
      [csv] {
        return std::vector<CorpusFile>{{"activities.csv", *csv}};
      });
}

}  // namespace runload::bench
