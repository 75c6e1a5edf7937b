#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <runload/report/terminal.hpp>

using namespace runload::report;

namespace {

const std::optional<std::string> k_unset = std::nullopt;

}  // namespace

TEST_CASE("terminal: color_mode_from_string takes auto, always and never, exactly",
          "[report][color]") {
  CHECK(color_mode_from_string("auto") == ColorMode::automatic);
  CHECK(color_mode_from_string("always") == ColorMode::always);
  CHECK(color_mode_from_string("never") == ColorMode::never);
  for (const char* bad :
       {"", "Auto", "ALWAYS", "automatic", " auto", "never ", "yes", "no", "none", "on", "1"}) {
    CAPTURE(bad);
    CHECK_FALSE(color_mode_from_string(bad).has_value());
  }
}

TEST_CASE("terminal: always and never win over the terminal, TERM and NO_COLOR",
          "[report][color]") {
  const std::optional<std::string> terms[] = {k_unset, "dumb", "xterm-256color", ""};
  const std::optional<std::string> no_colors[] = {k_unset, "", "1"};
  for (const bool is_terminal : {false, true}) {
    for (const auto& term : terms) {
      for (const auto& no_color : no_colors) {
        CAPTURE(is_terminal, term.value_or("(unset)"), no_color.value_or("(unset)"));
        CHECK(use_color(ColorMode::always, is_terminal, term, no_color));
        CHECK_FALSE(use_color(ColorMode::never, is_terminal, term, no_color));
      }
    }
  }
}

TEST_CASE("terminal: automatic colours a terminal whose TERM is not dumb", "[report][color]") {
  CHECK(use_color(ColorMode::automatic, true, "xterm-256color", k_unset));
  CHECK(use_color(ColorMode::automatic, true, "screen", k_unset));
  // A pipe or a file is never coloured.
  CHECK_FALSE(use_color(ColorMode::automatic, false, "xterm-256color", k_unset));
  CHECK_FALSE(use_color(ColorMode::automatic, false, "xterm-256color", ""));
  // TERM=dumb, on a terminal or not.
  CHECK_FALSE(use_color(ColorMode::automatic, true, "dumb", k_unset));
  CHECK_FALSE(use_color(ColorMode::automatic, true, "dumb", ""));
  CHECK_FALSE(use_color(ColorMode::automatic, false, "dumb", k_unset));
}

TEST_CASE("terminal: automatic keeps colour when NO_COLOR is unset or empty", "[report][color]") {
  // no-color.org: only a NO_COLOR with a value disables colour.
  CHECK(use_color(ColorMode::automatic, true, "xterm-256color", k_unset));
  CHECK(use_color(ColorMode::automatic, true, "xterm-256color", ""));
}

TEST_CASE("terminal: automatic never colours when NO_COLOR is non-empty", "[report][color]") {
  // Any value counts, even "0" or "false".
  for (const char* value : {"1", "0", "false", "no", " "}) {
    CAPTURE(value);
    CHECK_FALSE(use_color(ColorMode::automatic, true, "xterm-256color", std::string(value)));
    CHECK_FALSE(use_color(ColorMode::automatic, true, k_unset, std::string(value)));
  }
}

TEST_CASE("terminal: automatic colours a terminal with TERM unset or empty", "[report][color]") {
  // Only TERM=dumb turns colour off (read from the code: an unset TERM is not
  // "dumb"); off a terminal, an unset TERM changes nothing.
  CHECK(use_color(ColorMode::automatic, true, k_unset, k_unset));
  CHECK(use_color(ColorMode::automatic, true, "", k_unset));
  CHECK(use_color(ColorMode::automatic, true, k_unset, ""));
  CHECK_FALSE(use_color(ColorMode::automatic, false, k_unset, k_unset));
  // "dumb" is compared exactly.
  CHECK(use_color(ColorMode::automatic, true, "dumb-ish", k_unset));
}

TEST_CASE("terminal: a disabled palette gives empty strings, an enabled one ANSI SGR codes",
          "[report][color]") {
  const Palette off;
  CHECK_FALSE(off.enabled);
  CHECK(off.bold().empty());
  CHECK(off.dim().empty());
  CHECK(off.red().empty());
  CHECK(off.yellow().empty());
  CHECK(off.green().empty());
  CHECK(off.cyan().empty());
  CHECK(off.reset().empty());

  const Palette on{true};
  CHECK(on.bold() == "\x1b[1m");
  CHECK(on.dim() == "\x1b[2m");
  CHECK(on.red() == "\x1b[31m");
  CHECK(on.yellow() == "\x1b[33m");
  CHECK(on.green() == "\x1b[32m");
  CHECK(on.cyan() == "\x1b[36m");
  CHECK(on.reset() == "\x1b[0m");
}
