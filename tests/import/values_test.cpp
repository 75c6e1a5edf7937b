#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include <runload/import/values.hpp>

using runload::import::parse_number;

namespace {

double reference(const std::string& text) {
  double value = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

TEST_CASE("values: parse_number's decimal fast path gives exactly what from_chars gives",
          "[import][values]") {
  std::uint64_t state = 42;
  const auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 11;
  };
  for (int i = 0; i < 20000; ++i) {
    const int decimals = static_cast<int>(next() % 12);
    const auto whole = static_cast<long long>(next() % 100000) - 50000;
    const auto fraction = next() % 1000000000000ull;
    const std::string text =
        decimals == 0
            ? fmt::format("{}", whole)
            : fmt::format("{}.{}", whole, fmt::format("{:012}", fraction).substr(0, decimals));
    INFO(text);
    const auto parsed = parse_number(text);
    REQUIRE(parsed);
    CHECK(*parsed == reference(text));
  }
  for (const std::string text :
       {"47.3769120", "-0", "-0.0", ".5", "5.", "-.25", "0.1", "123456789012345",
        "1234567890123456", "9007199254740993", "0.000000000000001", "1e3", "8.5411570"}) {
    INFO(text);
    const auto parsed = parse_number(text);
    REQUIRE(parsed);
    CHECK(*parsed == reference(text));
    CHECK(std::signbit(*parsed) == std::signbit(reference(text)));
  }
  for (const std::string text : {"", "-", ".", "1.2.3", "12a", "--1", "nan", "inf"}) {
    INFO(text);
    CHECK_FALSE(parse_number(text));
  }
}
