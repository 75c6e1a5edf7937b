#include <catch2/catch.hpp>

#include <array>

#include <runload/text/spellcheck.hpp>

using runload::text::closest_match;
using runload::text::did_you_mean;

TEST_CASE("spellcheck: a typo suggests the nearest command", "[text]") {
  constexpr std::array<std::string_view, 4> names{"import", "runs", "report", "journal"};
  CHECK(closest_match("imprt", names) == "import");
  CHECK(closest_match("reprot", names) == "report");
  CHECK(closest_match("jour", names) == "journal");
  CHECK_FALSE(closest_match("xyzzy", names).has_value());
}

TEST_CASE("spellcheck: a wrong value suggests the nearest known one, or nothing", "[text]") {
  const std::vector<std::string> athletes{"Lena", "Marco"};
  CHECK(did_you_mean("Lenna", athletes) == "; did you mean 'Lena'?");
  CHECK(did_you_mean("marco", athletes) == "; did you mean 'Marco'?");
  CHECK(did_you_mean("Zoe-Isabella", athletes).empty());
  CHECK(did_you_mean("x", {}).empty());
}
