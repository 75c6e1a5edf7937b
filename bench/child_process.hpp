#pragma once
// Runs one command as a child process and measures it from outside: wall
// time, and the child's peak resident set (getrusage's ru_maxrss via wait4),
// so every figure of the benchmark is taken the same way.

#include <string>
#include <vector>

namespace runload::bench {

struct ChildRun {
  int exit_code = -1;  // -1 when killed by a signal
  double seconds = 0.0;
  double cpu_seconds = 0.0;  // user + system, every thread of the child
  long peak_rss_kib = 0;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs argv[0] (searched in PATH) with argv, stdin from /dev/null, stdout and
// stderr captured. Throws std::runtime_error when the process cannot start.
ChildRun run_child(const std::vector<std::string>& argv);

}  // namespace runload::bench
