#include <runload/app/gear_command.hpp>

#include <cmath>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/gear_repository.hpp>
#include <runload/text/ascii.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>
#include <runload/text/utf8.hpp>

namespace runload::app {
namespace {

using text::Json;
using text::or_null;

constexpr std::size_t k_max_name_bytes = 200;

// A shoe's name or brand as typed: trimmed, UTF-8, no control characters,
// not empty. Throws UsageError naming `what`.
std::string checked_text(std::string_view typed, std::string_view what) {
  const auto value = text::trim(typed);
  if (value.empty()) throw UsageError(fmt::format("{} is empty", what));
  if (value.size() > k_max_name_bytes)
    throw UsageError(fmt::format("{} is longer than {} bytes", what, k_max_name_bytes));
  if (text::first_bad_byte(value) || text::terminal_safe(value) != value)
    throw UsageError(fmt::format("{} holds bytes that are not printable UTF-8 text", what));
  return std::string(value);
}

void check_range(const std::optional<double>& value, double low, double high,
                 std::string_view option, std::string_view unit) {
  if (!value) return;
  if (!std::isfinite(*value) || *value < low || *value > high)
    throw UsageError(
        fmt::format("{} {:g} is out of range: {:g} to {:g} {}", option, *value, low, high, unit));
}

void check(const GearValues& v) {
  check_range(v.drop_mm, k_min_drop_mm, k_max_drop_mm, "--drop", "mm");
  check_range(v.stack_mm, 0.0, k_max_stack_mm, "--stack", "mm");
  check_range(v.limit_km, k_min_limit_km, k_max_limit_km, "--limit-km", "km");
}

// `shoe` with the values given laid over it.
model::Gear apply(model::Gear shoe, const GearValues& v) {
  if (v.rename) shoe.name = checked_text(*v.rename, "--name");
  if (v.brand) shoe.brand = checked_text(*v.brand, "--brand");
  if (v.model) shoe.model = checked_text(*v.model, "--model");
  if (v.drop_mm) shoe.drop_mm = v.drop_mm;
  if (v.stack_mm) shoe.stack_mm = v.stack_mm;
  if (v.minimalist) shoe.minimalist = *v.minimalist;
  if (v.limit_km) shoe.limit_km = v.limit_km;
  if (v.since) shoe.since = v.since;
  return shoe;
}

// Access::read for listing: a database or athlete that does not exist is
// an error, never created by looking.
store::GearRepository repository(Session& session, Access access = Access::write) {
  return store::GearRepository(session.database(access), session.athlete(access).id);
}

Json date_or_null(const std::optional<date::sys_days>& day) {
  return day ? Json(model::format_date(*day)) : Json(nullptr);
}

}  // namespace

void add_gear(Session& session, const std::string& name, const GearValues& values) {
  check(values);
  model::Gear shoe;
  shoe.name = checked_text(name, "the shoe's name");
  repository(session).add(apply(shoe, values));
}

void edit_gear(Session& session, const std::string& name, const GearValues& values) {
  check(values);
  auto gear = repository(session);
  const auto stored = gear.find(name);
  if (!stored) throw UsageError(fmt::format("no shoe named '{}'; see 'runload gear list'", name));
  gear.update(name, apply(*stored, values));
}

std::vector<model::GearUsage> list_gear(Session& session) {
  return repository(session, Access::read).list();
}

int assign_gear(Session& session, const std::vector<std::int64_t>& ids, const std::string& name) {
  return repository(session).assign(ids, name);
}

int assign_gear_range(Session& session, date::sys_days from, date::sys_days to,
                      const std::string& name) {
  if (from > to)
    throw UsageError(fmt::format("--from {} is after --to {}", model::format_date(from),
                                 model::format_date(to)));
  return repository(session).assign_range(from, to, name);
}

int set_default_gear(Session& session, const std::string& name) {
  auto gear = repository(session);
  const auto shoe = gear.find(name);
  if (shoe && shoe->retired_on)
    throw UsageError(fmt::format("'{}' is retired; a retired shoe cannot be the default", name));
  return gear.set_default(name);
}

std::optional<date::sys_days> retire_gear(Session& session, const std::string& name,
                                          std::optional<date::sys_days> day, bool undo) {
  auto gear = repository(session);
  auto shoe = gear.find(name);
  if (!shoe) throw UsageError(fmt::format("no shoe named '{}'; see 'runload gear list'", name));
  shoe->retired_on = undo ? std::nullopt : std::optional(day ? *day : session.today(Access::write));
  if (shoe->retired_on) shoe->is_default = false;
  gear.update(name, *shoe);
  return shoe->retired_on;
}

Json gear_json(const std::vector<model::GearUsage>& shoes, double default_limit_km) {
  auto array = Json::array();
  for (const auto& u : shoes) {
    const auto& g = u.gear;
    const double limit_km = g.limit_km.value_or(default_limit_km);
    array.push_back({
        {"name", g.name},
        {"brand", or_null(g.brand)},
        {"model", or_null(g.model)},
        {"distance_km", text::round_to(u.distance_m / 1000.0, 3)},
        {"runs", u.runs},
        {"first_use", date_or_null(u.first_use)},
        {"last_use", date_or_null(u.last_use)},
        {"drop_mm", or_null(g.drop_mm, 1)},
        {"stack_mm", or_null(g.stack_mm, 1)},
        {"minimalist", g.minimalist},
        {"limit_km", text::round_to(limit_km, 1)},
        {"limit_share", text::round_to(u.distance_m / 1000.0 / limit_km, 3)},
        {"retired", g.retired_on.has_value()},
        {"retired_on", date_or_null(g.retired_on)},
        {"default", g.is_default},
    });
  }
  return array;
}

}  // namespace runload::app
