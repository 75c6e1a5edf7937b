#pragma once
// Terminal decisions shared by every command that prints: colour, width.

#include <optional>
#include <string>
#include <string_view>

namespace runload::report {

enum class ColorMode { automatic, always, never };

// Parses "auto", "always", "never"; nullopt for anything else.
std::optional<ColorMode> color_mode_from_string(std::string_view text) noexcept;

// Whether to colour a stream (STYLE.md, no-color.org): `always` and `never`
// win; `automatic` colours only a terminal whose TERM is not "dumb", and never
// when NO_COLOR is set to a non-empty value.
bool use_color(ColorMode mode, bool is_terminal, const std::optional<std::string>& term,
               const std::optional<std::string>& no_color) noexcept;

// ANSI styles; each returns "" when colour is off, so callers need no branches.
struct Palette {
  bool enabled = false;
  std::string_view bold() const noexcept { return enabled ? "\x1b[1m" : ""; }
  std::string_view dim() const noexcept { return enabled ? "\x1b[2m" : ""; }
  std::string_view red() const noexcept { return enabled ? "\x1b[31m" : ""; }
  std::string_view yellow() const noexcept { return enabled ? "\x1b[33m" : ""; }
  std::string_view green() const noexcept { return enabled ? "\x1b[32m" : ""; }
  std::string_view cyan() const noexcept { return enabled ? "\x1b[36m" : ""; }
  std::string_view reset() const noexcept { return enabled ? "\x1b[0m" : ""; }
};

}  // namespace runload::report
