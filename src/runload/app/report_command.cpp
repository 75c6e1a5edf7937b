#include <runload/app/report_command.hpp>

#include <runload/analyze/weekly_series.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/journal_repository.hpp>

namespace runload::app {

analyze::AnalysisInput report_input(store::Database& db, std::int64_t athlete_id,
                                    date::sys_days day, int weeks,
                                    const std::optional<date::sys_days>& first_run,
                                    date::sys_days today) {
  analyze::AnalysisInput input;
  input.week = analyze::week_monday(day);
  input.weeks = weeks;
  const auto sunday = input.week + date::days{6};
  input.activities = store::ActivityRepository(db).between(
      athlete_id, analyze::history_start(input.week, weeks), sunday);
  store::JournalRepository journal(db, athlete_id);
  const auto journal_from = analyze::journal_start(input.week, weeks);
  input.journal = journal.list(journal_from, sunday);
  const auto& t = input.settings.thresholds;
  input.red_flag_history =
      journal.red_flag_history(journal_from, std::min(t.persistent_level, t.rupture_pain));
  input.first_day = first_run ? *first_run : sunday;
  input.today = today;
  return input;
}

ReportResult make_report(Session& session, const ReportRequest& request) {
  auto& db = session.database();
  const auto& athlete = session.athlete();
  const auto today = session.today();
  const auto day = request.day ? *request.day : today;
  const auto first_run = store::ActivityRepository(db).first_run_date(athlete.id);
  ReportResult result{
      analyze::analyze(report_input(db, athlete.id, day, request.weeks, first_run, today)),
      {athlete.name, athlete.timezone, first_run}};
  return result;
}

}  // namespace runload::app
