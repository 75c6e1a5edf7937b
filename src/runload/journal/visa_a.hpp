#pragma once
// The VISA-A questionnaire (Robinson et al., "The VISA-A questionnaire: a
// valid and reliable index of the clinical severity of Achilles
// tendinopathy", Br J Sports Med 2001;35:335-341): 8 items, 0 to 100, 100
// for a tendon without symptoms. The structure and the scores are the
// paper's; the questions below are runload's own words, not the form's, and
// a clinician's own copy of the form remains the reference.
//
//   Q1-Q3 pain, Q4-Q6 function, Q7-Q8 sporting activity
//   Q1-Q6: 0-10 (10 the best: no stiffness, no pain, 10 painless hops)
//   Q7:    0, 4, 7 or 10
//   Q8:    one branch, with its own scores:
//          A (no pain in tendon-loading sport)      0, 7, 14, 21, 30
//          B (pain, but it does not stop the sport) 0, 4, 10, 14, 20
//          C (pain that stops the sport)            0, 2, 5, 7, 10
//          for how long the runner can train: not at all, 1-10, 11-20,
//          21-30, more than 30 minutes.
// The score is the sum of the 8 item scores (model::VisaA::score).

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <runload/journal/validation.hpp>
#include <runload/model/tendon.hpp>

namespace runload::journal {

// One item as runload asks it: "Q1", its domain, and the question and the
// scale in runload's words.
struct VisaItem {
  std::string_view id;
  std::string_view domain;  // "pain", "function", "activity"
  std::string_view question;
  std::string_view scale;
};

// Q1 to Q7 (Q8 is asked as its branch, then how long: visa_q8_* below).
std::span<const VisaItem> visa_items() noexcept;

inline constexpr std::array<int, 4> k_visa_q7_scores{0, 4, 7, 10};

// The scores of a Q8 branch, lowest first (five each).
std::span<const int> visa_q8_scores(model::VisaBranch branch) noexcept;

// The Q8 score of `branch` for `minutes` of training before pain stops the
// runner (or, on branch A, that the runner trains): 0, 1-10, 11-20, 21-30,
// more than 30 minutes pick the 1st to 5th score.
// REQUIRES: minutes >= 0.
int visa_q8_score_for_minutes(model::VisaBranch branch, int minutes) noexcept;

// The Q8 question: the branch (A, B or C), then the minutes.
inline constexpr std::string_view k_visa_q8_branch_question =
    "When you do sport or exercise that loads the Achilles (running, jumping), which fits best?";
inline constexpr std::string_view k_visa_q8_branch_scale =
    "A = no pain, B = pain, but it does not stop you, C = pain that stops you";
std::string_view visa_q8_minutes_question(model::VisaBranch branch) noexcept;

// The score of item `index` (0 for Q1 ... 6 for Q7): Q1-Q6 a whole number
// from 0 to 10, Q7 one of 0, 4, 7, 10. The reason names the item: "Q7: takes
// 0, 4, 7 or 10, not '5'".
Checked<int> parse_visa_item(std::size_t index, std::string_view text);

// A branch letter, A, B or C in either case.
Checked<model::VisaBranch> parse_visa_branch(std::string_view text);

// Q8 as the branch letter followed by its score ("B14", "a30"): "Q8: B tops
// at 20 (B takes 0, 4, 10, 14 or 20), not 30".
struct VisaQ8 {
  model::VisaBranch branch = model::VisaBranch::a;
  int score = 0;
};
Checked<VisaQ8> parse_visa_q8(std::string_view text);

// `runload visa-a --answers`: eight comma-separated items, Q1-Q7 scores and
// Q8 ("10,9,8,10,7,6,7,B14"). The date is left to the caller. The reason
// names the first bad item, or the count when there are not eight.
Checked<model::VisaA> parse_visa_answers(std::string_view text);

// The answers as parse_visa_answers reads them: "10,9,8,10,7,6,7,B14".
std::string format_visa_answers(const model::VisaA& visa);

}  // namespace runload::journal
