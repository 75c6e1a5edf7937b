#pragma once
// Runs the built runload binary for end-to-end tests: arguments, environment
// additions and standard input in; exit code, stdout and stderr out.

#include <map>
#include <string>
#include <vector>

namespace runload::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::map<std::string, std::string> env;  // set (or, with an empty value, unset) for the child
  std::string stdin_text;                  // fed on standard input (a pipe, never a terminal)
  std::string cwd;                         // working directory; empty keeps the current one
};

RunResult run_runload(const std::vector<std::string>& args, const RunOptions& options = {});

}  // namespace runload::test
