#include <runload/model/tendon.hpp>

#include <numeric>

namespace runload::model {

std::string_view to_string(VisaBranch branch) noexcept {
  switch (branch) {
    case VisaBranch::a:
      return "A";
    case VisaBranch::b:
      return "B";
    case VisaBranch::c:
      return "C";
  }
  return "A";
}

int VisaA::score() const noexcept {
  return std::accumulate(items.begin(), items.end(), 0) + q8;
}

std::string_view to_string(MedicationKind kind) noexcept {
  switch (kind) {
    case MedicationKind::fluoroquinolone:
      return "fluoroquinolone";
    case MedicationKind::corticosteroid:
      return "corticosteroid";
    case MedicationKind::corticosteroid_injection:
      return "corticosteroid_injection";
    case MedicationKind::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(Sex sex) noexcept {
  return sex == Sex::female ? "female" : "male";
}

std::optional<Sex> sex_from_string(std::string_view text) noexcept {
  if (text == "female") return Sex::female;
  if (text == "male") return Sex::male;
  return std::nullopt;
}

}  // namespace runload::model
