#include <cli/commands.hpp>

#include <array>

namespace runload::cli {

std::span<const Command> commands() {
  static constexpr std::array k_commands{
      Command{"doctor", "check the database: schema, integrity, row counts", &setup_doctor},
      Command{"journal", "log this morning's Achilles stiffness and yesterday's pain",
              &setup_journal},
  };
  return k_commands;
}

}  // namespace runload::cli
