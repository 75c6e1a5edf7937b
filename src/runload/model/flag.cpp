#include <runload/model/flag.hpp>

namespace runload::model {

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::caution:
      return "caution";
    case Severity::high:
      return "high";
    case Severity::urgent:
      return "urgent";
  }
  return "info";
}

std::optional<Severity> severity_from_string(std::string_view text) noexcept {
  if (text == "info") return Severity::info;
  if (text == "caution") return Severity::caution;
  if (text == "high") return Severity::high;
  if (text == "urgent") return Severity::urgent;
  return std::nullopt;
}

std::string_view to_string(Unit unit) noexcept {
  switch (unit) {
    case Unit::km:
      return "km";
    case Unit::m:
      return "m";
    case Unit::share:
      return "share";
    case Unit::days:
      return "days";
    case Unit::points:
      return "points";
    case Unit::celsius:
      return "celsius";
  }
  return "km";
}

std::string_view to_string(Evidence evidence) noexcept {
  switch (evidence) {
    case Evidence::cohort:
      return "cohort";
    case Evidence::rct:
      return "rct";
    case Evidence::expert:
      return "expert";
    case Evidence::plausible:
      return "plausible";
  }
  return "expert";
}

}  // namespace runload::model
