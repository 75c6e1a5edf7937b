#include <cli/run.hpp>

int main(int argc, char** argv) { return runload::cli::run(argc, argv); }
