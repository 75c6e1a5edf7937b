#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <cli/commands.hpp>

namespace {

std::string man_source() {
  std::ifstream in(std::string(RUNLOAD_SOURCE_DIR) + "/docs/man/runload.1.scd");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("man page: every command of the command table has its section in runload(1)",
          "[cli][man]") {
  const auto page = man_source();
  REQUIRE_FALSE(page.empty());
  for (const auto& command : runload::cli::commands()) {
    INFO(command.name);
    CHECK(page.find("\n## " + std::string(command.name)) != std::string::npos);
  }
  for (const char* section : {"# EXIT STATUS", "# FILES", "# ENVIRONMENT", "# EXAMPLES"})
    CHECK(page.find(section) != std::string::npos);
}
