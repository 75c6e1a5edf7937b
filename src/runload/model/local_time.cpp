#include <runload/model/local_time.hpp>

#include <sstream>

#include <runload/model/activity.hpp>

namespace runload::model {

std::chrono::seconds utc_offset_at(const date::time_zone* zone, date::sys_seconds instant) {
  if (zone == nullptr) return std::chrono::seconds{0};
  return zone->get_info(instant).offset;
}

date::sys_seconds local_to_utc(const date::time_zone* zone, date::local_seconds local) {
  if (zone == nullptr) return date::sys_seconds{local.time_since_epoch()};
  return date::zoned_time<std::chrono::seconds>(zone, local, date::choose::earliest).get_sys_time();
}

void set_start_in_zone(Activity& activity, date::sys_seconds start, const date::time_zone* zone) {
  activity.start_utc = start;
  activity.utc_offset = utc_offset_at(zone, start);
  activity.offset_origin = OffsetOrigin::zone;
}

date::sys_days local_day(date::sys_seconds instant, std::chrono::seconds offset) noexcept {
  return date::floor<date::days>(instant + offset);
}

std::string format_date(date::sys_days day) {
  return date::format("%F", day);
}

std::optional<date::sys_days> parse_date(std::string_view text) {
  // date::parse accepts one-digit months and trailing text; the contract does not.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  std::istringstream in{std::string(text)};
  date::year_month_day ymd{};
  in >> date::parse("%F", ymd);
  if (in.fail() || !ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

std::string format_utc(date::sys_seconds instant) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", instant);
}

}  // namespace runload::model
