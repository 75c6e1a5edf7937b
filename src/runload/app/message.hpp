#pragma once
// A line a use case has for the user, with its weight; the command line
// prints it on stderr as "runload: error: ...", "runload: warning: ..." or
// "runload: ..." (and drops notes under --quiet).

#include <string>
#include <vector>

namespace runload::app {

struct Message {
  enum class Level { error, warning, note };
  Level level = Level::note;
  std::string text;  // already terminal-safe where it quotes a file or a user
};

using Messages = std::vector<Message>;

}  // namespace runload::app
