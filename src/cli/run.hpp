#pragma once

namespace runload::cli {

// Parses the command line, runs the command, prints errors; returns the exit
// code of DESIGN.md section 6.
int run(int argc, char** argv);

}  // namespace runload::cli
