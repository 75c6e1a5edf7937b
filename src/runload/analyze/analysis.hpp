#pragma once
// The weekly report model: the entry point of analyze/. Pure: values in,
// values out; "today" is the reported week, given by the caller.
//
// Distances are metres and durations seconds; the renderer converts to the
// report's km. Unknown values are nullopt, never 0.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <runload/analyze/envelope.hpp>
#include <runload/analyze/fitness.hpp>
#include <runload/analyze/response.hpp>
#include <runload/analyze/shoes.hpp>
#include <runload/analyze/status.hpp>
#include <runload/analyze/tendon.hpp>
#include <runload/analyze/trimp.hpp>
#include <runload/analyze/warm_up.hpp>
#include <runload/analyze/weekly_series.hpp>
#include <runload/model/activity.hpp>
#include <runload/model/flag.hpp>
#include <runload/model/gear.hpp>
#include <runload/model/journal_entry.hpp>
#include <runload/model/settings.hpp>
#include <runload/model/units.hpp>
#include <runload/rules/settings.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {

struct Settings {
  // The athlete's fast threshold in m/s; when unset, 1.15 x the median moving
  // speed of the runs of the 90 days before each run.
  std::optional<double> fast_threshold_mps;
  // The levels the rules fire at (the sources' defaults unless changed).
  rules::Thresholds thresholds;
  // The units the flags' messages and the renderers show distances in.
  model::Units units = model::Units::metric;
  // The settings that differ from their defaults, for the report to name.
  std::vector<rules::SettingChange> changed;
};

// The settings in force from the athlete's stored ones (rules::apply_settings).
Settings settings_from(const model::Settings& stored);

// Days before the first shown Monday the rules look back at: 3 (a spike
// before a stiffness flag) + 30 (single-run lookback) + 90 (fast threshold).
constexpr int k_rules_history_days = 3 + 30 + 90;
// Days before the first shown Monday that keep acwr_ewma within 1e-6 (relative)
// of the value from every run since the first day: the chronic EWMA keeps a
// share (27/29)^365, about 5e-12, of a day's load a year later.
constexpr int k_ewma_history_days = 365;
// Journal days before the first shown Monday the rules read: the 14 mornings
// of the stiffness median.
constexpr int k_journal_history_days = 14;

struct AnalysisInput {
  // Every activity (all sports; only runs count) whose local date is on or
  // after history_start(week, weeks) and on or before the reported Sunday.
  // With every run since first_day, the EWMA ratio is exact.
  std::vector<model::Activity> activities;
  // Every journal entry from journal_start(week, weeks) to the reported Sunday.
  std::vector<model::JournalEntry> journal;
  // The entries before journal_start() that the red flags standing until an
  // assessment need (store::JournalRepository::red_flag_history): from the
  // latest assessment on, the assessments, pops and days of stiffness or pain
  // of 3 or more. Empty: none, or none asked for.
  std::vector<model::JournalEntry> red_flag_history;
  // The athlete's today: days after it are not reported, a week after it has
  // not begun, an assessment after it does not count yet. nullopt: the
  // reported Sunday (a week fully in the past).
  std::optional<date::sys_days> today;
  Settings settings;
  // Any day of the reported week (normally its Monday).
  date::sys_days week{};
  // Weeks of history to show, the reported one included (at least 1).
  int weeks = 8;
  // The local date of the athlete's earliest run: the EWMA seed, and the
  // start of the warming-up period. Runs passed from before it move it back.
  date::sys_days first_day{};
  // The athlete's shoes, retired ones too (store::GearRepository::list).
  std::vector<model::Gear> shoes;
  // Each shoe's running distance before history_start(week, weeks): what
  // the activities passed add to (store::GearRepository::distance_before).
  std::map<std::string, double> shoe_distance_before_m;
  // The tendon's own records and the risk modifiers (tendon.hpp).
  TendonInput tendon;
};

// The first day of activities the caller passes: the first shown Monday
// minus 365 days (k_ewma_history_days). Everything except acwr_ewma is exact
// from the first shown Monday minus 123 days (k_rules_history_days).
date::sys_days history_start(date::sys_days week, int weeks);
// The first day of journal entries the caller passes.
date::sys_days journal_start(date::sys_days week, int weeks);
// The first day shown: the Monday `weeks` - 1 weeks before the reported one
// (the tendon's windows of TendonInput count from it).
date::sys_days first_shown_monday(date::sys_days week, int weeks);

// One week in the report: the `load` object for the reported week, a row of
// the `weeks` table for the others.
struct WeekReport {
  WeekSummary summary;
  // The fast threshold in force at the end of the week (the configured one,
  // else 1.15 x the median moving speed of the 90 days ending the Sunday);
  // nullopt when there is none.
  std::optional<double> fast_threshold_mps;
  // Distance of the week before (0 when it had no runs).
  double prev_week_distance_m = 0.0;
  // (distance / previous - 1) x 100; nullopt when the week before had none.
  std::optional<double> week_change_pct;
  // On the week's Sunday (see acwr.hpp); nullopt when the denominator is 0.
  std::optional<double> acwr_uncoupled;
  std::optional<double> acwr_coupled;
  std::optional<double> acwr_ewma;
  // Foster 1998 (see monotony.hpp); nullopt for a week without running.
  std::optional<double> monotony;
  std::optional<double> strain_m;
  // Flags dated in the week.
  int flag_count = 0;
  // The week's distance per shoe, most first, the runs naming none last.
  std::vector<ShoeDistance> shoes;
  // Fitness, fatigue and form (fitness.hpp) at the end of the week's Sunday,
  // or of the report's day within it, and the CTL's change over its 7 days;
  // context, never a flag.
  std::optional<FitnessDay> fitness;
  std::optional<double> ctl_ramp_m;
  // The same on the heart-rate load, Banister's TRIMP (trimp.hpp), when the
  // athlete's resting and maximum heart rate are known (TendonInput's
  // profile) and a run of the history has a heart-rate histogram; with the
  // runs it covers. Context, never a flag.
  std::optional<HeartRateFitness> heart_rate_fitness;
  // Rehab exercises logged in the week.
  int rehab_sessions = 0;
};

// One logged morning of the weeks shown, for the symptoms chart.
struct SymptomDay {
  date::sys_days date{};
  std::optional<int> stiffness;
  std::optional<int> pain_run;
  std::optional<int> pain_after;
  // The worst flag dated that day, for a marker; nullopt when none.
  std::optional<model::Severity> worst_flag;
  bool pop = false;       // a pop or sudden sharp pain was logged
  bool assessed = false;  // a clinician assessed the tendon that day
};

struct SymptomSummary {
  int days_logged = 0;  // journal entries in the reported week
  std::optional<double> mean_morning_stiffness;
  std::optional<double> prev_mean_morning_stiffness;
  std::optional<int> max_pain_run;
};

// One day of the reported week, up to today.
struct DayReport {
  date::sys_days date{};
  int runs = 0;
  double distance_m = 0.0;
  std::optional<model::JournalEntry> journal;
  // The running of the day before: the context of this morning.
  std::optional<DayBefore> day_before;
};

struct Report {
  WeekReport week;                // the reported week (`week` and `load`)
  std::vector<WeekReport> weeks;  // the last N weeks, oldest first, ending with `week`
  std::vector<DayReport> days;    // Monday to Sunday of the reported week
  SymptomSummary symptoms;
  // The flags dated in the reported week, and the red flags of earlier weeks
  // that stand until an assessment (Flag::ongoing), worst first, then by
  // date. Other weeks' flags are counted in weeks[i].flag_count.
  std::vector<model::Flag> flags;
  // The verdict of the flags in force (status.hpp).
  Status status;
  Envelope next_week;
  // Fewer than 28 days of history end on the reported Sunday: the ratios are
  // warming up (and acwr_high stays silent).
  bool warming_up = false;
  // The comparisons of the reported week that have no baseline yet.
  std::vector<PendingBaseline> pending;
  // The reported week starts after today: it has not begun.
  bool not_begun = false;
  // The day the report speaks for: the reported Sunday, or today within it.
  date::sys_days as_of{};
  // Mornings beside the runs of the day before, over the weeks shown.
  Response response;
  // Every logged day of the weeks shown up to as_of, oldest first.
  std::vector<SymptomDay> symptom_days;
  // The reported week's shoes, the transition check and the rotation.
  ShoeReport shoes;
  // VISA-A, heel-rise, rehab, medications and episodes (tendon.hpp).
  TendonReport tendon;
  // The settings the report was made with (units, changed thresholds).
  Settings settings;

  // True when a flag of the reported week is `severity` or worse (report
  // --fail-on).
  bool has_flag_at_least(model::Severity severity) const noexcept;
};

// The report of the week holding `input.week`.
Report analyze(const AnalysisInput& input);

}  // namespace runload::analyze
