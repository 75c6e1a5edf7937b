#include <runload/model/sport.hpp>

#include <array>
#include <utility>

namespace runload::model {
namespace {

constexpr std::array<std::pair<Sport, std::string_view>, 9> k_names{{
    {Sport::run, "run"},
    {Sport::trail_run, "trail_run"},
    {Sport::treadmill_run, "treadmill_run"},
    {Sport::virtual_run, "virtual_run"},
    {Sport::walk, "walk"},
    {Sport::hike, "hike"},
    {Sport::ride, "ride"},
    {Sport::swim, "swim"},
    {Sport::other, "other"},
}};

}  // namespace

bool is_running(Sport sport) noexcept {
  return sport == Sport::run || sport == Sport::trail_run || sport == Sport::treadmill_run ||
         sport == Sport::virtual_run;
}

std::string_view to_string(Sport sport) noexcept {
  for (const auto& [value, name] : k_names) {
    if (value == sport) return name;
  }
  return "other";
}

std::optional<Sport> sport_from_string(std::string_view name) noexcept {
  for (const auto& [value, name_of] : k_names) {
    if (name_of == name) return value;
  }
  return std::nullopt;
}

}  // namespace runload::model
