#pragma once
// Acute:chronic workload ratios of DESIGN.md section 3, evaluated on day t of
// the zero-filled daily distance series. A week's value is its Sunday's.
// Each returns nullopt when its denominator is 0. Days outside the series
// count as 0.

#include <optional>

#include <date/date.h>

#include <runload/analyze/daily_series.hpp>

namespace runload::analyze {

// mean(load[t-6..t]) / mean(load[t-27..t-7]): for a calendar week, its
// distance over the mean of the 3 weeks before (Frandsen et al. 2025). The
// report's headline ratio.
std::optional<double> acwr_uncoupled(const DailySeries& daily, date::sys_days t);

// mean(load[t-6..t]) / mean(load[t-27..t]) (Hulin 2014). At most 4.0, since
// the acute week is part of the chronic window.
std::optional<double> acwr_coupled(const DailySeries& daily, date::sys_days t);

// EWMA(lambda 2/8) / EWMA(lambda 2/29) (Williams et al. 2017), both seeded with
// the load of `seed_day` (the athlete's first day of history) and updated every
// calendar day up to t: ewma_d = lambda * load_d + (1 - lambda) * ewma_(d-1).
// Exact when the series holds every run from `seed_day`; a day without a
// known run counts as 0. Returns nullopt when t < seed_day.
std::optional<double> acwr_ewma(const DailySeries& daily, date::sys_days seed_day,
                                date::sys_days t);

}  // namespace runload::analyze
