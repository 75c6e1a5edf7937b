#include <runload/import/iso_time.hpp>

#include <charconv>

#include <date/date.h>

#include <runload/import/csv_reader.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

// Reads exactly `width` digits at `pos`. GPX files hold one timestamp per
// point; std::from_chars on fixed fields is several times faster than
// date::parse through an istringstream, and date still validates the result.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& out) noexcept {
  if (pos + width > s.size()) return false;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + pos + width, out);
  return ec == std::errc{} && end == s.data() + pos + width;
}

}  // namespace

std::optional<IsoTime> parse_iso_time(std::string_view s) noexcept {
  s = trim(s);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  s = trim(s);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, h) ||
      s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  // A leap second (":60") is folded into the next second's start.
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;

  std::size_t pos = 19;
  long long millis = 0;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    const std::size_t start = pos;
    long long scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      millis += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }

  IsoTime result;
  std::chrono::seconds offset{0};
  if (pos < s.size()) {
    const char sign = s[pos];
    if (sign == 'Z' || sign == 'z') {
      ++pos;
    } else if (sign == '+' || sign == '-') {
      int oh = 0, om = 0;
      if (!digits(s, pos + 1, 2, oh)) return std::nullopt;
      std::size_t mpos = pos + 3;
      if (mpos < s.size() && s[mpos] == ':') ++mpos;
      if (!digits(s, mpos, 2, om) || oh > 23 || om > 59) return std::nullopt;
      pos = mpos + 2;
      offset = std::chrono::hours{oh} + std::chrono::minutes{om};
      if (sign == '-') offset = -offset;
      result.stated_offset = offset;
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;

  const auto local = date::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                     std::chrono::seconds{sec} + std::chrono::milliseconds{millis};
  result.utc = local - offset;
  return result;
}

}  // namespace runload::import
