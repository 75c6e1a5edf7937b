#include <runload/journal/visa_a_checkin.hpp>

#include <fmt/format.h>

#include <runload/journal/visa_a.hpp>

namespace runload::journal {

namespace {

// Minutes of training: a whole number, 0 for none; more than a day is a slip.
constexpr int k_max_training_minutes = 24 * 60;

}  // namespace

VisaCheckin::VisaCheckin(date::sys_days day) {
  m_visa.date = day;
}

std::string VisaCheckin::prompt() const {
  if (m_step < 7) {
    const auto& item = visa_items()[static_cast<std::size_t>(m_step)];
    return fmt::format("{} of 8. {} ({}): ", item.id, item.question, item.scale);
  }
  if (m_step == 7)
    return fmt::format("Q8 of 8. {} ({}): ", k_visa_q8_branch_question, k_visa_q8_branch_scale);
  return fmt::format("Q8 of 8, {}. {} (0 if not at all): ", model::to_string(m_visa.q8_branch),
                     visa_q8_minutes_question(m_visa.q8_branch));
}

AnswerOutcome VisaCheckin::answer(std::string_view line) {
  AnswerOutcome outcome;
  if (m_step < 7) {
    const auto item = parse_visa_item(static_cast<std::size_t>(m_step), line);
    if (!item) {
      outcome.reason = item.error;
      return outcome;
    }
    m_visa.items[static_cast<std::size_t>(m_step)] = *item.value;
  } else if (m_step == 7) {
    const auto branch = parse_visa_branch(line);
    if (!branch) {
      outcome.reason = "Q8: " + branch.error;
      return outcome;
    }
    m_visa.q8_branch = *branch.value;
  } else {
    const auto minutes = parse_whole_number(line, 0, k_max_training_minutes);
    if (!minutes) {
      outcome.reason = "Q8: minutes " + minutes.error;
      return outcome;
    }
    m_visa.q8 = visa_q8_score_for_minutes(m_visa.q8_branch, *minutes.value);
  }
  outcome.accepted = true;
  ++m_step;
  return outcome;
}

}  // namespace runload::journal
