#include <runload/app/report_command.hpp>

#include <runload/analyze/weekly_series.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/journal_repository.hpp>

namespace runload::app {

analyze::AnalysisInput report_input(store::Database& db, std::int64_t athlete_id,
                                    date::sys_days day, int weeks,
                                    const std::optional<date::sys_days>& first_run) {
  analyze::AnalysisInput input;
  input.week = analyze::week_monday(day);
  input.weeks = weeks;
  const auto sunday = input.week + date::days{6};
  input.activities = store::ActivityRepository(db).between(
      athlete_id, analyze::history_start(input.week, weeks), sunday);
  input.journal = store::JournalRepository(db, athlete_id)
                      .list(analyze::journal_start(input.week, weeks), sunday);
  input.first_day = first_run ? *first_run : sunday;
  return input;
}

ReportResult make_report(Session& session, const ReportRequest& request) {
  auto& db = session.database();
  const auto& athlete = session.athlete();
  const auto day = request.day ? *request.day : session.today();
  const auto first_run = store::ActivityRepository(db).first_run_date(athlete.id);
  ReportResult result{analyze::analyze(report_input(db, athlete.id, day, request.weeks, first_run)),
                      {athlete.name, athlete.timezone, first_run}};
  return result;
}

}  // namespace runload::app
