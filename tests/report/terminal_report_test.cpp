#include <catch2/catch.hpp>

#include <sstream>

#include <runload/report/terminal_report.hpp>
#include <runload/text/layout.hpp>

#include "report/reports.hpp"

using namespace runload::report;
using namespace runload::report::test;
using runload::text::display_width;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void check_width(const std::string& text, std::size_t max) {
  for (const auto& line : lines_of(text)) {
    INFO(line);
    CHECK(display_width(line) <= max);
  }
}

const std::string k_long_name =
    "Maximiliane Alexandra von und zu Hohenzollern-Sigmaringen-Wittgenstein ☃ die Schnelle";

}  // namespace

TEST_CASE("terminal_report: the standard layout fits 80 columns, even with a long name",
          "[report][terminal]") {
  for (const bool colour : {false, true}) {
    const auto text = terminal_report(meta(k_long_name), analysed_report(), Palette{colour});
    check_width(text, k_terminal_width);
  }
}

TEST_CASE("terminal_report: 104 weeks and a long zone stay within 100 columns",
          "[report][terminal]") {
  ReportMeta m = meta(k_long_name);
  m.timezone = "America/Argentina/ComodRivadavia";
  const auto text = terminal_report(m, analysed_report(104), Palette{true});
  check_width(text, 100);
  check_width(text, k_terminal_width);
}

TEST_CASE("terminal_report: severity words without colour, and no escape sequence",
          "[report][terminal]") {
  const auto text = terminal_report(meta(), analysed_report(), Palette{false});
  CHECK(text.find('\x1b') == std::string::npos);
  for (const char* word : {"URGENT", "HIGH", "CAUTION"}) CHECK_THAT(text, Catch::Contains(word));
  CHECK_THAT(text, Catch::Contains("Frandsen et al., Br J Sports Med 2025"));
  CHECK_THAT(text, Catch::Contains("What to do:"));
  CHECK_THAT(text, Catch::Contains("bounded by 4.0"));
  CHECK_THAT(text, Catch::Contains("does not diagnose"));
  CHECK_THAT(text, Catch::Contains("Next week"));
  // The note's escape character is shown, not sent to the terminal.
  CHECK_THAT(text, Catch::Contains("\\e[31m"));
}

TEST_CASE("terminal_report: colour only through the palette, words kept", "[report][terminal]") {
  const auto text = terminal_report(meta(), analysed_report(), Palette{true});
  CHECK_THAT(text, Catch::Contains("\x1b[31mURGENT"));
  CHECK_THAT(text, Catch::Contains("\x1b[33mCAUTION"));
}

TEST_CASE("terminal_report: the most severe flag comes first", "[report][terminal]") {
  const auto text = terminal_report(meta(), analysed_report(), Palette{false});
  const auto urgent = text.find("URGENT ");
  const auto caution = text.find("CAUTION ");
  REQUIRE(urgent != std::string::npos);
  REQUIRE(caution != std::string::npos);
  CHECK(urgent < caution);
}

TEST_CASE("terminal_report: warming up is said, and an empty history says how to import",
          "[report][terminal]") {
  const auto warming = terminal_report(meta(), unknown_report(), Palette{false});
  CHECK_THAT(warming, Catch::Contains("warming"));
  const auto empty = terminal_report({"Ada", "UTC", std::nullopt}, unknown_report(), Palette{});
  CHECK_THAT(empty, Catch::Contains("No runs yet"));
  CHECK_THAT(empty, Catch::Contains("runload import"));
  check_width(empty, k_terminal_width);
}
