#include <runload/analyze/monotony.hpp>

#include <algorithm>
#include <cmath>

#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

std::optional<MonotonyStrain> monotony_strain(const DailySeries& daily, date::sys_days monday) {
  const double total = daily.sum(monday, monday + date::days{6});
  if (total <= 0.0) return std::nullopt;
  const double mean = total / 7.0;
  double squares = 0.0;
  for (int i = 0; i < 7; ++i) {
    const double d = daily.at(monday + date::days{i}) - mean;
    squares += d * d;
  }
  const double sd = std::sqrt(squares / 7.0);
  // Seven equal non-zero days: Foster's ratio is unbounded, so the cap stands in.
  const double monotony =
      sd <= 1e-12 * mean ? rules::k_monotony_cap : std::min(mean / sd, rules::k_monotony_cap);
  return MonotonyStrain{monotony, total * monotony};
}

}  // namespace runload::analyze
