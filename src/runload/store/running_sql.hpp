#pragma once
// The running sports as an SQL list, for `sport IN ...`: the sports
// model::is_running counts as running load. Internal to store/.

#include <string_view>

namespace runload::store {

inline constexpr std::string_view k_running_sports_sql =
    "('run', 'trail_run', 'treadmill_run', 'virtual_run')";

}  // namespace runload::store
