#include <runload/app/report_command.hpp>

#include <runload/analyze/weekly_series.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athlete_profile.hpp>
#include <runload/store/journal_repository.hpp>
#include <runload/store/tendon_repository.hpp>

namespace runload::app {

analyze::TendonInput tendon_input(store::Database& db, std::int64_t athlete_id, date::sys_days week,
                                  int weeks, date::sys_days journal_from, int red_flag_level) {
  const auto first_shown = analyze::first_shown_monday(week, weeks);
  const auto sunday = analyze::week_monday(week) + date::days{6};
  store::TendonRepository tendon(db, athlete_id);
  analyze::TendonInput input;
  // The two before the weeks shown: the latest and the one before it, when
  // the weeks shown hold none.
  input.visa_a = tendon.visa_a_before(first_shown, 2);
  for (auto& v : tendon.visa_a({first_shown, sunday})) input.visa_a.push_back(std::move(v));
  input.heel_rise =
      tendon.heel_rise({first_shown - date::days{rules::k_heel_rise_baseline_days}, sunday});
  input.rehab = tendon.rehab({first_shown, sunday});
  for (auto& m : tendon.medications(first_shown - date::days{rules::k_fluoroquinolone_info_days}))
    if (m.from <= sunday) input.medications.push_back(std::move(m));
  for (auto& e : tendon.episodes(first_shown - date::days{rules::k_prior_episode_days}))
    if (e.from <= sunday) input.episodes.push_back(std::move(e));
  input.profile = store::read_profile(db, athlete_id);
  // A week's prior episode looks back 365 days from its Monday; the first
  // shown week's persistent-pain window 7 days before that.
  input.episode_journal =
      store::JournalRepository(db, athlete_id)
          .symptomatic_between(first_shown - date::days{rules::k_prior_episode_days + 7},
                               journal_from, red_flag_level);
  return input;
}

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
  input.tendon = tendon_input(db, athlete_id, input.week, weeks, journal_from,
                              std::min(t.persistent_level, t.rupture_pain));
  return input;
}

ReportResult make_report(Session& session, const ReportRequest& request) {
  auto& db = session.database();
  const auto& athlete = session.athlete();
  const auto today = session.today();
  const auto day = request.day ? *request.day : today;
  const auto first_run = store::ActivityRepository(db).first_run_date(athlete.id);
  auto input = report_input(db, athlete.id, day, request.weeks, first_run, today);
  if (request.cold_below_c) input.settings.thresholds.cold_run_below_c = *request.cold_below_c;
  ReportResult result{analyze::analyze(input), {athlete.name, athlete.timezone, first_run}};
  return result;
}

}  // namespace runload::app
