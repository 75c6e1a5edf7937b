#include <runload/model/journal_entry.hpp>

namespace runload::model {

std::string_view to_string(Side side) noexcept {
  switch (side) {
    case Side::left:
      return "left";
    case Side::right:
      return "right";
    case Side::both:
      return "both";
  }
  return "both";
}

std::optional<Side> side_from_string(std::string_view text) noexcept {
  if (text == "left") return Side::left;
  if (text == "right") return Side::right;
  if (text == "both") return Side::both;
  return std::nullopt;
}

}  // namespace runload::model
