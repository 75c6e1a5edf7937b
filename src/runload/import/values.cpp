#include <runload/import/values.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include <runload/import/csv_reader.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

// Exact powers of ten: every one up to 1e22 is a double.
constexpr std::array<double, 16> k_powers_of_ten{1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// "-12.3456789" with at most 15 digits, no exponent: the digits as an integer
// and the power of ten are both exact doubles, so the one division rounds
// correctly and gives exactly what std::from_chars gives (Clinger's fast
// path), at a fraction of its cost. Track points carry five such numbers.
std::optional<double> parse_simple_decimal(std::string_view text) noexcept {
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (negative) ++i;
  std::uint64_t digits = 0;
  int count = 0;
  int fraction = -1;  // digits after the point; -1 before one is seen
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++count > 15) return std::nullopt;
      digits = digits * 10 + static_cast<unsigned>(c - '0');
      if (fraction >= 0) ++fraction;
    } else if (c == '.' && fraction < 0) {
      fraction = 0;
    } else {
      return std::nullopt;
    }
  }
  if (count == 0) return std::nullopt;
  double value = static_cast<double>(digits);
  if (fraction > 0) value /= k_powers_of_ten[static_cast<std::size_t>(fraction)];
  return negative ? -value : value;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) noexcept {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  if (const auto simple = parse_simple_decimal(text)) return simple;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_number(std::string_view text, char decimal, char thousands) noexcept {
  text = trim(text);
  if (text.empty() || text.size() > 64) return std::nullopt;
  char normalised[64];
  std::size_t n = 0;
  for (char c : text) {
    if (thousands != '\0' && c == thousands) continue;
    normalised[n++] = c == decimal ? '.' : c;
  }
  return parse_number(std::string_view(normalised, n));
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text, char decimal) noexcept {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  double total = 0.0;
  int parts = 0;
  while (true) {
    const auto colon = text.find(':');
    const std::string_view part = text.substr(0, colon);
    const bool last = colon == std::string_view::npos;
    std::optional<double> value;
    if (last) {
      value = parse_number(part, decimal, '\0');
    } else {
      unsigned whole = 0;
      const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), whole);
      if (ec == std::errc{} && end == part.data() + part.size() && !part.empty()) value = whole;
    }
    if (!value || *value < 0) return std::nullopt;
    // Minutes and seconds after the first colon are below 60.
    if (parts > 0 && *value >= 60.0) return std::nullopt;
    total = total * 60.0 + *value;
    if (++parts > 3) return std::nullopt;
    if (last) break;
    text.remove_prefix(colon + 1);
  }
  if (total > static_cast<double>(k_max_activity_duration.count())) return std::nullopt;
  return std::chrono::seconds{std::llround(total)};
}

bool is_foot_sport(model::Sport sport) noexcept {
  return model::is_running(sport) || sport == model::Sport::walk || sport == model::Sport::hike;
}

bool colons_followed_by_digits(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ':' && (i + 1 == text.size() || text[i + 1] < '0' || text[i + 1] > '9'))
      return false;
  }
  return true;
}

}  // namespace runload::import
