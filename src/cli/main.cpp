#include <csignal>

#include <cli/run.hpp>

int main(int argc, char** argv) {
  // A file-size limit must make the write fail (a clean database error),
  // not kill the process halfway through a transaction.
  std::signal(SIGXFSZ, SIG_IGN);
  return runload::cli::run(argc, argv);
}
