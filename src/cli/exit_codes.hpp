#pragma once
// Exit codes of DESIGN.md section 6.

namespace runload::cli {

inline constexpr int k_exit_success = 0;
inline constexpr int k_exit_input_failed = 1;  // some input failed; the rest was done
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_database = 3;
inline constexpr int k_exit_threshold = 4;  // report --fail-on reached

}  // namespace runload::cli
