#include <runload/analyze/daily_series.hpp>

#include <runload/analyze/runs.hpp>

namespace runload::analyze {

DailySeries::DailySeries(date::sys_days first, date::sys_days last)
    : m_first(first), m_metres(static_cast<std::size_t>((last - first).count() + 1), 0.0) {}

DailySeries DailySeries::from_runs(std::span<const Run> runs, date::sys_days first,
                                   date::sys_days last) {
  DailySeries series(first, last);
  for (const auto& run : runs) series.add(run.day, run.distance_m);
  return series;
}

void DailySeries::add(date::sys_days day, double metres) {
  const auto offset = (day - m_first).count();
  if (offset < 0 || offset >= static_cast<long>(m_metres.size())) return;
  m_metres[static_cast<std::size_t>(offset)] += metres;
}

double DailySeries::at(date::sys_days day) const noexcept {
  const auto offset = (day - m_first).count();
  if (offset < 0 || offset >= static_cast<long>(m_metres.size())) return 0.0;
  return m_metres[static_cast<std::size_t>(offset)];
}

double DailySeries::sum(date::sys_days from, date::sys_days to) const noexcept {
  double total = 0.0;
  for (auto day = from; day <= to; day += date::days{1}) total += at(day);
  return total;
}

}  // namespace runload::analyze
