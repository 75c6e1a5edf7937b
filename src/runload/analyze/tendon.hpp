#pragma once
// The tendon's own records as a report reads them (docs/TENDON.md): the
// VISA-A against recovery and the smallest change that matters, the
// heel-rise test against the runner's own baseline (changes inside the
// test's noise are no change), its symmetry and a normal value for the age
// and sex when they are known, the rehab log by week, the medication and
// episode windows. Pure: values in, values out; the caller passes the day
// the report speaks for.

#include <optional>
#include <span>
#include <vector>

#include <date/date.h>

#include <runload/analyze/rules_modifiers.hpp>
#include <runload/model/journal_entry.hpp>
#include <runload/model/tendon.hpp>
#include <runload/rules/tendon.hpp>

namespace runload::analyze {

// What a report reads of the tendon's records (app::report_input gives the
// windows below).
struct TendonInput {
  // Oldest first: those of the shown weeks, and the last two before them.
  std::vector<model::VisaA> visa_a;
  // Oldest first: from 90 days before the first shown Monday.
  std::vector<model::HeelRiseTest> heel_rise;
  // The shown weeks, by date.
  std::vector<model::RehabSession> rehab;
  // Courses whose last day is no more than 180 days before the first shown
  // Monday, or not recorded.
  std::vector<model::Medication> medications;
  // Episodes that end no more than 365 days before the first shown Monday,
  // or are ongoing.
  std::vector<model::Episode> episodes;
  model::AthleteProfile profile;
  // The journal days of the 372 days before the report's journal window that
  // can hold a possible rupture or persistent pain (a pop, or stiffness or
  // pain of 3 or more): the episodes runload itself raised in the past year.
  std::vector<model::JournalEntry> episode_journal;
};

// --- VISA-A -------------------------------------------------------------------------

struct VisaSummary {
  model::VisaA latest;
  std::optional<model::VisaA> previous;
  std::optional<int> change;    // latest - previous
  bool recovered = false;       // latest at or above 90 (Iversen et al. 2012)
  bool change_matters = false;  // |change| of 14 points or more (Sleeswijk Visser et al. 2021)
};

// The latest questionnaire on or before `as_of` and the one before it;
// nullopt when there is none. `visa` oldest first.
std::optional<VisaSummary> summarize_visa(std::span<const model::VisaA> visa, date::sys_days as_of);

// --- heel-rise test -------------------------------------------------------------------

// The weaker leg's count as a percentage of the stronger's: 18 and 25 give
// 72.0; nullopt when both are 0.
std::optional<double> heel_rise_symmetry(int left, int right) noexcept;

// One leg against its baseline.
struct SideChange {
  double baseline = 0.0;      // mean of the baseline tests
  double change = 0.0;        // latest - baseline
  bool beyond_noise = false;  // |change| > 6.5 repetitions (Hébert-Losier et al. 2017)
};
SideChange heel_rise_change(int latest, double baseline) noexcept;

// The runner's age in the year of `day`, from a year of birth (a year only: the
// age the runner reaches that year).
int age_in(int born_year, date::sys_days day) noexcept;

struct HeelRiseNormCheck {
  int age = 0;
  model::Sex sex = model::Sex::female;
  rules::HeelRiseNorm band{};
  int typical = 0;
};

struct HeelRiseSummary {
  model::HeelRiseTest latest;
  std::optional<double> symmetry_pct;
  std::optional<model::Side> weaker;  // nullopt when both legs are equal
  bool below_symmetry = false;        // symmetry under 90% (a convention)
  // The tests of the 90 days before the latest (at most the 3 most recent).
  int baseline_tests = 0;
  std::optional<SideChange> left;  // nullopt without a baseline
  std::optional<SideChange> right;
  // When age (20-79) and sex are known.
  std::optional<HeelRiseNormCheck> norm;
};

// The latest test on or before `as_of` against the baseline before it;
// nullopt when there is none. `tests` oldest first.
std::optional<HeelRiseSummary> summarize_heel_rise(std::span<const model::HeelRiseTest> tests,
                                                   const model::AthleteProfile& profile,
                                                   date::sys_days as_of);

// --- rehab ------------------------------------------------------------------------------

struct RehabWeek {
  date::sys_days monday{};
  int sessions = 0;  // exercises logged
  int days = 0;      // days with at least one
  std::optional<int> max_pain;
};

// The sessions of the week starting `monday` (any order, any days).
RehabWeek rehab_week(std::span<const model::RehabSession> sessions, date::sys_days monday);

// --- medications and episodes ---------------------------------------------------------

struct MedicationStatus {
  model::Medication medication;
  // nullopt for a kind without a rule (an injection, anything else).
  std::optional<CourseWindow> window;
  // The window's part on `as_of`: "course", "caution", "info" or "" (over,
  // or no rule).
  std::string_view phase;
};

// Every course given, with its window on `as_of`.
std::vector<MedicationStatus> medication_status(std::span<const model::Medication> medications,
                                                date::sys_days as_of);

// What the report says of the tendon. Unknown parts are nullopt / empty.
struct TendonReport {
  std::optional<VisaSummary> visa_a;
  // The questionnaires and tests of the weeks shown, oldest first, for the trends.
  std::vector<model::VisaA> visa_a_history;
  std::optional<HeelRiseSummary> heel_rise;
  std::vector<model::HeelRiseTest> heel_rise_history;
  // The reported week's sessions, and one row per week shown, oldest first.
  std::vector<model::RehabSession> rehab_sessions;
  std::vector<RehabWeek> rehab_weeks;
  bool any_rehab = false;  // a session is logged in the weeks shown
  std::vector<MedicationStatus> medications;
  std::vector<model::Episode> episodes;
  // The episode that counts for the reported week, and whether the reported
  // week's spike bands are tightened by it.
  std::optional<EpisodeMark> prior_episode;
  model::AthleteProfile profile;
  std::optional<int> age;  // in the reported week's year
};

}  // namespace runload::analyze
