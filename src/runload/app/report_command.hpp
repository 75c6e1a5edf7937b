#pragma once
// `runload report`: which week, the window of activities and journal entries
// the analyzer needs for it (read by local date through the indexes, never
// the whole history), and the analysis. The renderers (report/) turn the
// result into the terminal report, JSON or HTML.

#include <optional>

#include <date/date.h>

#include <runload/analyze/analysis.hpp>
#include <runload/app/message.hpp>
#include <runload/app/session.hpp>
#include <runload/report/report_meta.hpp>
#include <runload/store/activity_repository.hpp>

namespace runload::app {

inline constexpr int k_default_report_weeks = 8;
inline constexpr int k_max_report_weeks = 104;

struct ReportRequest {
  // Any day of the reported week (--week gives its Monday, --date the day);
  // nullopt: today in the athlete's zone.
  std::optional<date::sys_days> day;
  int weeks = k_default_report_weeks;  // 1 to k_max_report_weeks
  // Runs below this temperature raise cold_run (--cold-below); nullopt: the
  // default of rules::Thresholds.
  std::optional<double> cold_below_c;
};

struct ReportResult {
  analyze::Report report;
  report::ReportMeta meta;
  // A warning for each of the athlete's activities the report skipped
  // because a stored value of it cannot be used (see
  // store::ActivityRepository::unusable).
  Messages messages;
};

// What analyze() needs for the week holding `day`, read over the window only:
// activities from analyze::history_start(), the journal from
// analyze::journal_start(), both to the reported Sunday, and before that
// only what the standing red flags need (JournalRepository::red_flag_history).
// `first_run` is the athlete's earliest run (the EWMA seed); `today` the
// athlete's; `settings` the athlete's stored ones. Activities that cannot be used go to `unusable`
// (see ActivityRepository::list).
analyze::AnalysisInput report_input(store::Database& db, std::int64_t athlete_id,
                                    date::sys_days day, int weeks,
                                    const std::optional<date::sys_days>& first_run,
                                    date::sys_days today, const model::Settings& settings = {},
                                    std::vector<store::UnusableActivity>* unusable = nullptr);

// The tendon's records the report of the week holding `week` reads
// (analyze::TendonInput gives the windows), with the journal days before
// `journal_from` that can hold a red flag of the past year (pain or
// stiffness of `red_flag_level` or more, or a pop).
analyze::TendonInput tendon_input(store::Database& db, std::int64_t athlete_id, date::sys_days week,
                                  int weeks, date::sys_days journal_from, int red_flag_level);

// The report of the session's athlete. Never creates the database or the
// athlete.
ReportResult make_report(Session& session, const ReportRequest& request);

}  // namespace runload::app
