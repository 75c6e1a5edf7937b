#include <runload/analyze/status.hpp>

#include <tuple>

#include <runload/rules/catalogue.hpp>

namespace runload::analyze {

std::string_view to_string(StatusLevel level) noexcept {
  switch (level) {
    case StatusLevel::green:
      return "green";
    case StatusLevel::amber:
      return "amber";
    case StatusLevel::red:
      return "red";
  }
  return "green";
}

StatusLevel level_of(const model::Flag& flag) noexcept {
  switch (flag.severity) {
    case model::Severity::urgent:
      return StatusLevel::red;
    case model::Severity::high:
      return rules::spec(flag.rule).when_high == rules::WhenHigh::stop ? StatusLevel::red
                                                                       : StatusLevel::amber;
    case model::Severity::caution:
      return StatusLevel::amber;
    case model::Severity::info:
      return StatusLevel::green;
  }
  return StatusLevel::green;
}

bool in_force(const model::Flag& flag) noexcept {
  return !flag.assessed_on.has_value();
}

Status status_of(std::span<const model::Flag> flags) {
  const model::Flag* worst = nullptr;
  // Worse means a higher level, then a higher severity, then an earlier date.
  const auto key = [](const model::Flag& f) {
    return std::make_tuple(static_cast<int>(level_of(f)), static_cast<int>(f.severity),
                           -f.date.time_since_epoch().count());
  };
  for (const auto& flag : flags) {
    if (!in_force(flag) || level_of(flag) == StatusLevel::green) continue;
    if (!worst || key(flag) > key(*worst)) worst = &flag;
  }
  Status status;
  if (!worst) {
    status.headline = "no flag this week: you may build within the envelope for next week";
    return status;
  }
  status.level = level_of(*worst);
  status.headline = std::string(rules::headline(*worst));
  status.rule = worst->rule;
  status.since = worst->date;
  return status;
}

}  // namespace runload::analyze
