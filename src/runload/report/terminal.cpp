#include <runload/report/terminal.hpp>

namespace runload::report {

std::optional<ColorMode> color_mode_from_string(std::string_view text) noexcept {
  if (text == "auto") return ColorMode::automatic;
  if (text == "always") return ColorMode::always;
  if (text == "never") return ColorMode::never;
  return std::nullopt;
}

bool use_color(ColorMode mode, bool is_terminal, const std::optional<std::string>& term,
               const std::optional<std::string>& no_color) noexcept {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  if (no_color && !no_color->empty()) return false;
  if (term && *term == "dumb") return false;
  return is_terminal;
}

}  // namespace runload::report
