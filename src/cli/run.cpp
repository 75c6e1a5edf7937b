#include <cli/run.hpp>

#include <cstdio>

namespace runload::cli {

int run(int /*argc*/, char** /*argv*/) {
  std::fputs("runload " RUNLOAD_VERSION "\n", stdout);
  return 0;
}

}  // namespace runload::cli
