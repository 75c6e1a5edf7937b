#include <runload/journal/red_flags.hpp>

#include <fmt/format.h>

#include <runload/rules/catalogue.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::journal {

bool is_red_flag_pop(bool pop) noexcept {
  return pop;
}

bool is_red_flag_pain(int pain) noexcept {
  return pain >= rules::Thresholds{}.rupture_pain;
}

std::string urgent_warning(const std::vector<std::string>& reasons) {
  return fmt::format("{} ({}).", rules::spec(model::Rule::rupture_warning).headline,
                     fmt::join(reasons, "; "));
}

std::string_view urgent_source() noexcept {
  return rules::spec(model::Rule::rupture_warning).source;
}

std::vector<std::string> red_flag_reasons(const model::JournalEntry& entry) {
  const std::string day = date::format("%F", entry.date);
  std::vector<std::string> reasons;
  if (entry.pop && is_red_flag_pop(*entry.pop))
    reasons.push_back(fmt::format("a pop or sudden sharp pain at the back of the heel on {}", day));
  if (entry.pain_run && is_red_flag_pain(*entry.pain_run))
    reasons.push_back(fmt::format("pain {}/10 during the run of {}", *entry.pain_run, day));
  if (entry.pain_after && is_red_flag_pain(*entry.pain_after))
    reasons.push_back(fmt::format("pain {}/10 after the run of {}", *entry.pain_after, day));
  return reasons;
}

}  // namespace runload::journal
