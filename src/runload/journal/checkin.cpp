#include <runload/journal/checkin.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include <runload/journal/red_flags.hpp>
#include <runload/journal/validation.hpp>

namespace runload::journal {
namespace {

constexpr std::array k_order{Question::stiffness, Question::stiffness_minutes,
                             Question::pain_run,  Question::pain_after,
                             Question::swelling,  Question::pop,
                             Question::side,      Question::note};

std::string yes_no(bool value) {
  return value ? "y" : "n";
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

Checkin::Checkin(CheckinSetup setup) : m_setup(std::move(setup)) {
  m_morning.date = m_setup.day;
  m_yesterday.date = m_setup.day - date::days{1};
  m_question = Question::stiffness;
}

const std::optional<model::JournalEntry>& Checkin::defaults() const {
  return m_setup.day_stored ? m_setup.day_stored : m_setup.yesterday_stored;
}

bool Checkin::applies(Question question) const {
  switch (question) {
    case Question::stiffness_minutes:
      return m_morning.stiffness.value_or(0) > 0;
    case Question::pain_run:
    case Question::pain_after:
      return m_setup.ran_yesterday;
    case Question::side:
      // Nothing to locate: no stiffness, pain, swelling or pop.
      return m_morning.stiffness.value_or(0) > 0 || m_yesterday.pain_run.value_or(0) > 0 ||
             m_yesterday.pain_after.value_or(0) > 0 || m_morning.swelling.value_or(false) ||
             m_morning.pop.value_or(false);
    default:
      return true;
  }
}

void Checkin::advance_from(Question question) {
  auto it = std::find(k_order.begin(), k_order.end(), question);
  for (++it; it != k_order.end(); ++it) {
    if (applies(*it)) {
      m_question = *it;
      return;
    }
    // Stiffness 0 means it lasted 0 minutes: known, not unknown.
    if (*it == Question::stiffness_minutes) m_morning.stiffness_minutes = 0;
  }
  m_question.reset();
}

std::optional<std::string> Checkin::default_answer(Question question) const {
  const auto& from = defaults();
  const auto number = [](const std::optional<int>& v) -> std::optional<std::string> {
    if (v) return std::to_string(*v);
    return std::nullopt;
  };
  switch (question) {
    case Question::stiffness:
      return from ? number(from->stiffness) : std::nullopt;
    case Question::stiffness_minutes:
      return from ? number(from->stiffness_minutes) : std::nullopt;
    case Question::pain_run:
      return m_setup.yesterday_stored ? number(m_setup.yesterday_stored->pain_run) : std::nullopt;
    case Question::pain_after:
      return m_setup.yesterday_stored ? number(m_setup.yesterday_stored->pain_after) : std::nullopt;
    case Question::swelling:
      if (from && from->swelling) return yes_no(*from->swelling);
      return std::nullopt;
    case Question::pop:
      // A pop is an event of one morning, never carried over from yesterday.
      if (m_setup.day_stored && m_setup.day_stored->pop) return yes_no(*m_setup.day_stored->pop);
      return yes_no(false);
    case Question::side:
      if (from && from->side) return std::string(model::to_string(*from->side));
      return std::nullopt;
    case Question::note:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string Checkin::prompt() const {
  const Question q = question();
  std::string text;
  switch (q) {
    case Question::stiffness:
      text = "Achilles stiffness on the first steps this morning, 0 (none) to 10 (worst)";
      break;
    case Question::stiffness_minutes:
      text = fmt::format("How many minutes did the stiffness last? 0-{}", k_stiffness_minutes_max);
      break;
    case Question::pain_run:
      text = "Pain during yesterday's run, 0 (none) to 10 (worst)";
      break;
    case Question::pain_after:
      text = "Pain after yesterday's run, 0 (none) to 10 (worst)";
      break;
    case Question::swelling:
      text = "Swelling along the tendon? y/n";
      break;
    case Question::pop:
      text = "A pop, or a sudden sharp pain at the back of the heel? y/n";
      break;
    case Question::side:
      text = "Which side? left/right/both";
      break;
    case Question::note:
      text = m_setup.day_stored && m_setup.day_stored->note
                 ? "Note (Enter keeps the note already stored for today)"
                 : "Note (Enter for none)";
      break;
  }
  if (const auto fallback = default_answer(q)) text += fmt::format(" [{}]", *fallback);
  return text + ": ";
}

AnswerOutcome Checkin::answer(std::string_view line) {
  const Question q = question();
  AnswerOutcome outcome;
  std::string text(line);
  if (is_blank(text) && q != Question::note) {
    if (const auto fallback = default_answer(q)) {
      text = *fallback;
    } else if (q == Question::stiffness) {
      outcome.reason = "please answer with a number from 0 to 10";
      return outcome;
    } else {
      outcome.accepted = true;
      advance_from(q);
      return outcome;
    }
  }

  const auto refuse = [&](const std::string& error) {
    outcome.reason = error;
    return outcome;
  };
  switch (q) {
    case Question::stiffness: {
      const auto v = parse_scale(text);
      if (!v) return refuse(v.error);
      m_morning.stiffness = v.value;
      break;
    }
    case Question::stiffness_minutes: {
      const auto v = parse_stiffness_minutes(text);
      if (!v) return refuse(v.error);
      m_morning.stiffness_minutes = v.value;
      break;
    }
    case Question::pain_run:
    case Question::pain_after: {
      const auto v = parse_scale(text);
      if (!v) return refuse(v.error);
      (q == Question::pain_run ? m_yesterday.pain_run : m_yesterday.pain_after) = v.value;
      model::JournalEntry raised;
      raised.date = m_yesterday.date;
      (q == Question::pain_run ? raised.pain_run : raised.pain_after) = v.value;
      outcome.red_flags = red_flag_reasons(raised);
      break;
    }
    case Question::swelling:
    case Question::pop: {
      const auto v = parse_yes_no(text);
      if (!v) return refuse(v.error);
      if (q == Question::swelling) {
        m_morning.swelling = v.value;
      } else {
        m_morning.pop = v.value;
        model::JournalEntry raised;
        raised.date = m_morning.date;
        raised.pop = v.value;
        outcome.red_flags = red_flag_reasons(raised);
      }
      break;
    }
    case Question::side: {
      const auto v = parse_side(text);
      if (!v) return refuse(v.error);
      m_morning.side = v.value;
      break;
    }
    case Question::note:
      if (!is_blank(text)) m_morning.note = text;
      break;
  }
  outcome.accepted = true;
  advance_from(q);
  return outcome;
}

std::vector<model::JournalEntry> Checkin::entries() const {
  std::vector<model::JournalEntry> result;
  if (m_yesterday.pain_run || m_yesterday.pain_after) result.push_back(m_yesterday);
  result.push_back(m_morning);
  return result;
}

}  // namespace runload::journal
