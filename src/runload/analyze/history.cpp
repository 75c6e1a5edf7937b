#include <runload/analyze/history.hpp>

#include <runload/analyze/weekly_series.hpp>

namespace runload::analyze {

std::vector<date::sys_days> week_mondays_ending_in(date::sys_days from, date::sys_days to) {
  std::vector<date::sys_days> mondays;
  for (auto monday = week_monday(from);; monday += date::weeks{1}) {
    const auto sunday = monday + date::days{6};
    if (sunday > to) break;
    if (sunday >= from) mondays.push_back(monday);
  }
  return mondays;
}

}  // namespace runload::analyze
