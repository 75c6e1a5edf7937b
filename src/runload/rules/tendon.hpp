#pragma once
// The numbers the tendon's records and the risk modifiers are read against,
// each with its source and how strong it is (docs/TENDON.md). Like the
// definitions of thresholds.hpp: tests and tools depend on them.

#include <array>
#include <optional>

#include <runload/model/tendon.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::rules {

// --- VISA-A (Robinson et al. 2001: 0-100, healthy controls above 96) -----------
// Iversen et al., Int J Sports Phys Ther 2012 (review of 26 trials): a score
// of 90 "could be considered full recovery".
constexpr int k_visa_a_recovered = 90;
// Sleeswijk Visser et al., JOSPT 2021 (cohort, n = 61, anchored to the
// patients' own rating): the smallest change that matters is 14 points over
// 12 weeks (95% CI 3-19); over 24 weeks 7 points, with a CI that crosses 0.
constexpr int k_visa_a_mcid_points = 14;
constexpr int k_visa_a_mcid_weeks = 12;

// --- heel-rise test (Hébert-Losier et al., Physiotherapy 2017) -------------------
// Test-retest a week apart: 95% limits of agreement -6.2 to 6.5 repetitions
// (right leg), -6.1 to 6.2 (left). A change larger than the wider limit is
// beyond the test's noise; a smaller one is not a change.
constexpr double k_heel_rise_noise_reps = 6.5;
// The runner's own baseline: the mean of the (at most 3) tests of the 90
// days before the latest one. runload's choice: recent enough to be the
// runner's current level, several tests to steady it.
constexpr int k_heel_rise_baseline_days = 90;
constexpr int k_heel_rise_baseline_tests = 3;
// Symmetry below 90% (the weaker side under 90% of the stronger) is the
// usual clinical mark of a deficit. Convention, not verified against
// Achilles outcomes.
constexpr double k_heel_rise_symmetry_pct = 90.0;

// Typical single-leg heel raises to fatigue on a 10 degree incline by age
// and sex, healthy adults (Hébert-Losier et al. 2017, n = 566). The paper's
// own table was not read: these are its values per decade as two clinical
// summaries give them, identically (named in docs/TENDON.md). Unverified
// against the paper.
struct HeelRiseNorm {
  int from_age;
  int to_age;
  int female;
  int male;
};
constexpr std::array<HeelRiseNorm, 6> k_heel_rise_norms{{
    {20, 29, 30, 37},
    {30, 39, 27, 32},
    {40, 49, 24, 28},
    {50, 59, 21, 23},
    {60, 69, 19, 19},
    {70, 79, 16, 14},
}};

// The norm of `age` and `sex`; nullopt outside 20-79.
std::optional<HeelRiseNorm> heel_rise_norm(int age) noexcept;
int heel_rise_typical(const HeelRiseNorm& norm, model::Sex sex) noexcept;

// --- medication windows -------------------------------------------------------------
// Fluoroquinolones (FDA boxed warning 2008): the risk is highest during the
// course and the month after (van der Linden et al. 2003: OR 4.3 in the
// current window), stays raised for about 60 days (Morales et al. 2019), and
// cases begin up to 6 months after the last dose (Khaliq and Zhanel 2003;
// van der Linden: OR 2.4 in months 2-6). CAUTION from the first dose to 60
// days after the last, INFO to 180 days after.
constexpr int k_fluoroquinolone_caution_days = 60;
constexpr int k_fluoroquinolone_info_days = 180;
// Oral corticosteroids: raised risk in current use (Morales et al. 2019:
// aIRR 4.59 for Achilles rupture). The studies measured current use; the 30
// days after the course are runload's choice, the "current" window of van
// der Linden 2003. Together with a fluoroquinolone (FDA 2008; Morales: aIRR
// 19.4) the fluoroquinolone flag is HIGH.
constexpr int k_corticosteroid_days = 30;

// --- prior episode (Lagas et al. 2020: AT in the previous 12 months, OR 6.3) ---------
constexpr int k_prior_episode_days = 365;
// With a prior episode in force every increase a band allows is halved: a
// threshold of 1 + x becomes 1 + x/2 (single-run 1.10/1.30/2.00 to
// 1.05/1.15/1.50; weekly jump, speed and hill spikes 1.30 to 1.15; the
// envelope's longest run 1.10 to 1.05 and weekly top 1.3 to 1.15).
// runload's choice (no study gives the bands after an episode); halving
// keeps the plan and the flags in step.
constexpr double k_prior_episode_band_factor = 0.5;

// `t` with every increase halved as above (factor k_prior_episode_band_factor).
Thresholds tightened(const Thresholds& t, double factor = k_prior_episode_band_factor) noexcept;

}  // namespace runload::rules
