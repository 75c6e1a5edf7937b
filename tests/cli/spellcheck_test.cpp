#include <catch2/catch.hpp>

#include <array>

#include <cli/spellcheck.hpp>

using runload::cli::closest_match;

TEST_CASE("spellcheck: a typo suggests the nearest command", "[cli]") {
  constexpr std::array<std::string_view, 4> names{"import", "runs", "report", "journal"};
  CHECK(closest_match("imprt", names) == "import");
  CHECK(closest_match("reprot", names) == "report");
  CHECK(closest_match("jour", names) == "journal");
  CHECK_FALSE(closest_match("xyzzy", names).has_value());
}
