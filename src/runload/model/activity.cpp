#include <runload/model/activity.hpp>

namespace runload::model {

std::string_view to_string(TemperatureSource source) noexcept {
  return source == TemperatureSource::weather ? "weather" : "device";
}

std::optional<TemperatureSource> temperature_source_from_string(std::string_view text) noexcept {
  if (text == "weather") return TemperatureSource::weather;
  if (text == "device") return TemperatureSource::device;
  return std::nullopt;
}

}  // namespace runload::model
