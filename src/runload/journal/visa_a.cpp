#include <runload/journal/visa_a.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include <runload/text/ascii.hpp>

namespace runload::journal {
namespace {

using model::VisaBranch;
using text::trim_blank;

// runload's wording of each item (Robinson et al. 2001 for what each measures).
constexpr std::array<VisaItem, 7> k_items{{
    {"Q1", "pain", "How long is your Achilles stiff after you get up in the morning?",
     "0 = 100 minutes or more, 10 = not stiff at all"},
    {"Q2", "pain",
     "Once you are warmed up for the day, how much does it hurt to stretch the Achilles fully "
     "(leaning forward with the heel down)?",
     "0 = severe pain, 10 = no pain"},
    {"Q3", "pain", "After walking on level ground for about 10 minutes, how much does it hurt?",
     "0 = severe pain, 10 = no pain"},
    {"Q4", "function", "Walking down a flight of stairs at a normal pace, how much does it hurt?",
     "0 = severe pain, 10 = no pain"},
    {"Q5", "function",
     "During or just after 10 single-leg heel raises on the affected side, how much does it "
     "hurt?",
     "0 = severe pain, 10 = no pain"},
    {"Q6", "function", "How many single-leg hops can you do on the affected side without pain?",
     "0 to 10 hops (10 = ten or more)"},
    {"Q7", "activity", "How much sport or exercise are you doing at the moment?",
     "0 = none, 4 = reduced training or competition, 7 = full training or competition but below "
     "your level before the symptoms, 10 = at or above that level"},
}};

constexpr std::array<int, 5> k_q8_a{0, 7, 14, 21, 30};
constexpr std::array<int, 5> k_q8_b{0, 4, 10, 14, 20};
constexpr std::array<int, 5> k_q8_c{0, 2, 5, 7, 10};

std::string listed(std::span<const int> scores) {
  std::vector<std::string> parts;
  for (const int s : scores) parts.push_back(std::to_string(s));
  const auto last = parts.back();
  parts.pop_back();
  return fmt::format("{} or {}", fmt::join(parts, ", "), last);
}

template <typename T>
Checked<T> refuse(std::string message) {
  return {std::nullopt, std::move(message)};
}

}  // namespace

std::span<const VisaItem> visa_items() noexcept {
  return k_items;
}

std::span<const int> visa_q8_scores(VisaBranch branch) noexcept {
  switch (branch) {
    case VisaBranch::a:
      return k_q8_a;
    case VisaBranch::b:
      return k_q8_b;
    case VisaBranch::c:
      return k_q8_c;
  }
  return k_q8_a;
}

int visa_q8_score_for_minutes(VisaBranch branch, int minutes) noexcept {
  const auto scores = visa_q8_scores(branch);
  const std::size_t band = minutes <= 0    ? 0
                           : minutes <= 10 ? 1
                           : minutes <= 20 ? 2
                           : minutes <= 30 ? 3
                                           : 4;
  return scores[band];
}

std::string_view visa_q8_minutes_question(VisaBranch branch) noexcept {
  switch (branch) {
    case VisaBranch::a:
      return "For how many minutes can you train or compete at the moment?";
    case VisaBranch::b:
      return "For how many minutes can you train or compete with that pain?";
    case VisaBranch::c:
      return "For how many minutes can you train or compete before the pain stops you?";
  }
  return "";
}

Checked<int> parse_visa_item(std::size_t index, std::string_view text) {
  const auto& item = k_items.at(index);
  if (index < 6) {
    const auto value = parse_scale(text);
    if (!value) return refuse<int>(fmt::format("{}: {}", item.id, value.error));
    return value;
  }
  const auto value = parse_scale(text);
  if (!value || std::find(k_visa_q7_scores.begin(), k_visa_q7_scores.end(), *value.value) ==
                    k_visa_q7_scores.end())
    return refuse<int>(
        fmt::format("{}: takes {}, not '{}'", item.id, listed(k_visa_q7_scores), text));
  return value;
}

Checked<VisaBranch> parse_visa_branch(std::string_view raw) {
  const auto text = trim_blank(raw);
  if (text == "A" || text == "a") return {VisaBranch::a, {}};
  if (text == "B" || text == "b") return {VisaBranch::b, {}};
  if (text == "C" || text == "c") return {VisaBranch::c, {}};
  return refuse<VisaBranch>(fmt::format("must be A, B or C, not '{}'", raw));
}

Checked<VisaQ8> parse_visa_q8(std::string_view raw) {
  const auto text = trim_blank(raw);
  if (text.empty())
    return refuse<VisaQ8>(
        "Q8: a branch letter A, B or C and its score, such as B14, not an empty item");
  const auto branch = parse_visa_branch(text.substr(0, 1));
  if (!branch)
    return refuse<VisaQ8>(fmt::format(
        "Q8: starts with its branch letter A, B or C and then its score (such as B14), not '{}'",
        raw));
  const auto scores = visa_q8_scores(*branch.value);
  const auto letter = model::to_string(*branch.value);
  // Branch A goes to 30: the digits are read here, not by parse_scale's 0-10.
  const auto digits = text.substr(1);
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value < 0)
    return refuse<VisaQ8>(fmt::format("Q8: {} takes {}, not '{}'", letter, listed(scores), raw));
  if (value > scores.back())
    return refuse<VisaQ8>(fmt::format("Q8: {} tops at {} ({} takes {}), not {}", letter,
                                      scores.back(), letter, listed(scores), value));
  if (std::find(scores.begin(), scores.end(), value) == scores.end())
    return refuse<VisaQ8>(fmt::format("Q8: {} takes {}, not {}", letter, listed(scores), value));
  return {VisaQ8{*branch.value, value}, {}};
}

Checked<model::VisaA> parse_visa_answers(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    parts.push_back(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (parts.size() != 8)
    return refuse<model::VisaA>(fmt::format(
        "takes 8 comma-separated items (Q1-Q7 scores, then Q8 as its branch letter and score, "
        "such as 10,9,8,10,7,6,7,B14), not {}",
        parts.size()));
  model::VisaA visa;
  for (std::size_t i = 0; i < 7; ++i) {
    const auto item = parse_visa_item(i, parts[i]);
    if (!item) return refuse<model::VisaA>(item.error);
    visa.items[i] = *item.value;
  }
  const auto q8 = parse_visa_q8(parts[7]);
  if (!q8) return refuse<model::VisaA>(q8.error);
  visa.q8_branch = q8.value->branch;
  visa.q8 = q8.value->score;
  return {visa, {}};
}

std::string format_visa_answers(const model::VisaA& visa) {
  return fmt::format("{},{}{}", fmt::join(visa.items, ","), model::to_string(visa.q8_branch),
                     visa.q8);
}

}  // namespace runload::journal
