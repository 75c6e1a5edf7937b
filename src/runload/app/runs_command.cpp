#include <runload/app/runs_command.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/json.hpp>

namespace runload::app {

using text::Json;
using text::km_or_null;
using text::or_null;
using text::seconds_or_null;

std::vector<model::Activity> list_activities(Session& session, const store::LocalDateRange& range) {
  if (range.from && range.to && *range.from > *range.to)
    throw UsageError(fmt::format("--since {} is after --until {}", model::format_date(*range.from),
                                 model::format_date(*range.to)));
  auto& db = session.database();
  const auto& athlete = session.athlete();
  return store::ActivityRepository(db).list(athlete.id, range);
}

Json runs_json(const std::vector<model::Activity>& activities) {
  auto array = Json::array();
  for (const auto& a : activities) {
    auto sources = Json::array();
    for (const auto& s : a.sources)
      sources.push_back({{"format", s.format}, {"file", s.file}, {"line", or_null(s.line)}});
    array.push_back({
        {"id", *a.id},
        {"start_utc", model::format_utc(a.start_utc)},
        {"local_date", model::format_date(a.local_date())},
        {"sport", model::to_string(a.sport)},
        {"name", a.name},
        {"distance_km", km_or_null(a.distance_m)},
        {"elapsed_s", seconds_or_null(a.elapsed)},
        {"moving_s", seconds_or_null(a.moving)},
        {"elevation_gain_m", or_null(a.elevation_gain_m, 1)},
        {"avg_hr", or_null(a.avg_hr, 1)},
        {"gear", or_null(a.gear)},
        {"sources", sources},
    });
  }
  return array;
}

}  // namespace runload::app
