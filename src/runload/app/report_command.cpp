#include <runload/app/report_command.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <runload/analyze/weekly_series.hpp>
#include <runload/app/runs_command.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/athlete_profile.hpp>
#include <runload/store/gear_repository.hpp>
#include <runload/store/journal_repository.hpp>
#include <runload/store/settings_repository.hpp>
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
                                    date::sys_days today, const model::Settings& settings,
                                    std::vector<store::UnusableActivity>* unusable) {
  analyze::AnalysisInput input;
  // Before the reads: the red flags' history reads from the thresholds' levels.
  input.settings = analyze::settings_from(settings);
  input.week = analyze::week_monday(day);
  input.weeks = weeks;
  const auto sunday = input.week + date::days{6};
  const auto from = analyze::history_start(input.week, weeks);
  input.activities = store::ActivityRepository(db).between(athlete_id, from, sunday, unusable);
  store::GearRepository gear(db, athlete_id);
  for (auto& usage : gear.list()) input.shoes.push_back(std::move(usage.gear));
  input.shoe_distance_before_m = gear.distance_before(from);
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
  auto& db = session.database(Access::read);
  const auto& athlete = session.athlete(Access::read);
  const auto today = session.today(Access::read);
  const auto day = request.day ? *request.day : today;
  store::ActivityRepository repository(db);
  const auto first_run = repository.first_run_date(athlete.id);
  // A stored value the report cannot use (an activity of year 10000) costs
  // that activity, named in a warning, never the report. The whole history
  // is checked for dates and offsets from the index alone; the histograms
  // of the report's window are checked as they are read (in_window).
  auto unusable = repository.unusable(athlete.id, store::UnusableCheck::dates_and_offsets);
  std::vector<store::UnusableActivity> in_window;
  // --cold-below is this report's cold_run_below_c: checked as the setting
  // is, and named as a changed setting like one.
  auto settings = store::read_settings(db, athlete.id);
  if (request.cold_below_c)
    settings.values["cold_run_below_c"] = fmt::format("{:g}", *request.cold_below_c);
  auto input =
      report_input(db, athlete.id, day, request.weeks, first_run, today, settings, &in_window);
  for (const auto& u : in_window)
    if (std::none_of(unusable.begin(), unusable.end(), [&](const auto& v) { return v.id == u.id; }))
      unusable.push_back(u);
  ReportResult result{
      analyze::analyze(std::move(input)), {athlete.name, athlete.timezone, first_run}, {}};
  for (const auto& u : unusable) result.messages.push_back(unusable_warning(u));
  return result;
}

}  // namespace runload::app
