#pragma once
// The zero-filled daily running distance of DESIGN.md section 3 ("Daily load"),
// in the athlete's local calendar.

#include <span>
#include <vector>

#include <date/date.h>

namespace runload::analyze {

struct Run;

class DailySeries {
 public:
  DailySeries() = default;
  // One value per day of [first, last]; every day starts at 0.
  // REQUIRES: first <= last.
  DailySeries(date::sys_days first, date::sys_days last);

  // The series of [first, last] from the distances of `runs` whose local day
  // falls in it; runs outside are ignored.
  static DailySeries from_runs(std::span<const Run> runs, date::sys_days first,
                               date::sys_days last);

  void add(date::sys_days day, double metres);

  // Metres run on `day`; 0 for a day outside the series (no run known).
  double at(date::sys_days day) const noexcept;
  // Sum of at(d) for d in [from, to]; 0 when from > to.
  double sum(date::sys_days from, date::sys_days to) const noexcept;

  date::sys_days first() const noexcept { return m_first; }
  date::sys_days last() const noexcept {
    return m_first + date::days{static_cast<int>(m_metres.size()) - 1};
  }

 private:
  date::sys_days m_first{};
  std::vector<double> m_metres;
};

}  // namespace runload::analyze
