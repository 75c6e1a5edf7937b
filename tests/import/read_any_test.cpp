#include <catch2/catch.hpp>

#include <runload/import/read_any.hpp>

using namespace runload;

TEST_CASE("read_any: a file in no known format is refused with an error naming it",
          "[import][read_any]") {
  std::string bytes = "hello";
  const auto result =
      import::read_file_bytes("notes.xyz", bytes, import::ParseContext{"in/notes.xyz", nullptr});
  CHECK_FALSE(result.ok());
  CHECK(result.activities.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == "in/notes.xyz");
  CHECK_THAT(result.errors[0].message, Catch::Contains("unknown format"));
}
