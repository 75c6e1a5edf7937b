#include <runload/analyze/analysis.hpp>

#include <algorithm>
#include <tuple>

#include <runload/analyze/acwr.hpp>
#include <runload/analyze/fast_threshold.hpp>
#include <runload/analyze/format.hpp>
#include <runload/analyze/history.hpp>
#include <runload/analyze/monotony.hpp>
#include <runload/analyze/rules_gear.hpp>
#include <runload/analyze/rules_load.hpp>
#include <runload/analyze/rules_modifiers.hpp>
#include <runload/analyze/rules_symptoms.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/rules/thresholds.hpp>

namespace runload::analyze {
namespace {

using model::Flag;

// The fast threshold a run on the day after `sunday` would get.
std::optional<double> threshold_after(const History& history, date::sys_days sunday,
                                      std::optional<double> configured) {
  if (configured) return configured;
  std::vector<Run> runs;
  for (const auto& run : history.runs)
    if (run.day <= sunday) runs.push_back(run);
  Run next;
  next.day = sunday + date::days{1};
  next.start_utc = date::sys_seconds{next.day};
  runs.push_back(next);
  return derived_fast_threshold(runs, runs.size() - 1, history.thresholds.fast_speed_factor);
}

WeekReport week_report(const History& history, date::sys_days monday,
                       std::optional<double> configured_fast) {
  WeekReport report;
  report.summary = summarize_week(history.runs, history.journal, monday);
  const auto sunday = report.summary.end;
  report.fast_threshold_mps = threshold_after(history, sunday, configured_fast);
  report.prev_week_distance_m = history.daily.sum(monday - date::weeks{1}, monday - date::days{1});
  if (report.prev_week_distance_m > 0.0) {
    report.week_change_pct =
        (report.summary.distance_m / report.prev_week_distance_m - 1.0) * 100.0;
  }
  report.acwr_uncoupled = acwr_uncoupled(history.daily, sunday);
  report.acwr_coupled = acwr_coupled(history.daily, sunday);
  report.acwr_ewma = acwr_ewma(history.daily, history.first_day, sunday);
  if (const auto foster = monotony_strain(history.daily, monday)) {
    report.monotony = foster->monotony;
    report.strain_m = foster->strain_m;
  }
  report.shoes = shoe_distances(history, monday);
  return report;
}

bool persists(const Flag& flag) {
  return rules::spec(flag.rule).persistence == rules::Persistence::until_assessed;
}

// Marks each flag that stands until an assessment with the first assessment
// recorded on or after its day and by `as_of`.
void mark_assessed(std::vector<Flag>& flags, const std::vector<date::sys_days>& assessments,
                   date::sys_days as_of) {
  for (auto& flag : flags) {
    if (!persists(flag)) continue;
    for (const auto day : assessments) {
      if (day >= flag.date && day <= as_of) {
        flag.assessed_on = day;
        break;
      }
    }
  }
}

// Worst first, then by date: what a runner and a script read first.
void sort_worst_first(std::vector<Flag>& flags) {
  std::stable_sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.date < b.date;
  });
}

// The flags of the reported week, then the red flags of earlier weeks that
// stand until an assessment: of each rule the first still in force (since
// when it stands), or the one an assessment of this week settled.
std::vector<Flag> reported_flags(const std::vector<Flag>& all, date::sys_days monday,
                                 date::sys_days sunday) {
  std::vector<Flag> flags;
  for (const auto& flag : all)
    if (flag.date >= monday && flag.date <= sunday) flags.push_back(flag);
  std::vector<model::Rule> carried;
  for (const auto& flag : all) {
    if (flag.date >= monday || !persists(flag)) continue;
    const bool settled_this_week = flag.assessed_on && *flag.assessed_on >= monday;
    if (!in_force(flag) && !settled_this_week) continue;
    if (std::find(carried.begin(), carried.end(), flag.rule) != carried.end()) continue;
    carried.push_back(flag.rule);
    auto standing = flag;
    standing.ongoing = in_force(flag);
    flags.push_back(std::move(standing));
  }
  sort_worst_first(flags);
  return flags;
}

// The single-run spike flags of the reported week name the envelope's own
// limit, so that the flag and the plan give the same number; while the plan
// is withheld they name none.
void align_spike_advice(std::vector<Flag>& flags, const Envelope& envelope, model::Units units) {
  for (auto& flag : flags) {
    if (flag.rule != model::Rule::single_run_spike || flag.ongoing ||
        flag.severity != model::Severity::caution)
      continue;
    if (envelope.max_single_run_m)
      flag.advice = rules::advice_with_limit(model::Rule::single_run_spike,
                                             km(*envelope.max_single_run_m, units));
    else
      flag.advice = std::string(rules::spec(model::Rule::single_run_spike).advice_high);
  }
}

std::vector<DayReport> day_reports(const History& history, date::sys_days monday,
                                   date::sys_days as_of) {
  std::vector<DayReport> days;
  for (auto day = monday; day <= std::min(as_of, monday + date::days{6}); day += date::days{1}) {
    DayReport report;
    report.date = day;
    for (const auto& run : history.runs) {
      if (run.day != day) continue;
      ++report.runs;
      report.distance_m += run.distance_m;
    }
    if (const auto* entry = history.journal.find(day)) report.journal = *entry;
    report.day_before = day_before(history, day - date::days{1});
    days.push_back(std::move(report));
  }
  return days;
}

std::vector<SymptomDay> symptom_days(const History& history, const std::vector<Flag>& flags,
                                     date::sys_days from, date::sys_days to) {
  std::vector<SymptomDay> days;
  for (const auto* entry : history.journal.range(from, to)) {
    SymptomDay day{entry->date,
                   entry->stiffness,
                   entry->pain_run,
                   entry->pain_after,
                   {},
                   entry->pop.value_or(false),
                   entry->assessed.value_or(false)};
    for (const auto& flag : flags)
      if (flag.date == entry->date && (!day.worst_flag || flag.severity > *day.worst_flag))
        day.worst_flag = flag.severity;
    days.push_back(day);
  }
  return days;
}

SymptomSummary symptom_summary(const History& history, const WeekReport& week,
                               date::sys_days monday) {
  const auto sunday = monday + date::days{6};
  SymptomSummary s;
  s.days_logged = static_cast<int>(history.journal.range(monday, sunday).size());
  s.mean_morning_stiffness = week.summary.mean_morning_stiffness;
  if (const auto previous =
          history.journal.mean_stiffness(monday - date::weeks{1}, monday - date::days{1}))
    s.prev_mean_morning_stiffness = previous->mean;
  for (const auto* entry : history.journal.range(monday, sunday))
    if (entry->pain_run) s.max_pain_run = std::max(s.max_pain_run.value_or(0), *entry->pain_run);
  return s;
}

// The fitness of `day` and the week's CTL ramp, when the series holds it.
void add_fitness(WeekReport& row, const std::vector<FitnessDay>& series, date::sys_days day) {
  if (series.empty() || day < series.front().day || day > series.back().day) return;
  row.fitness = series[static_cast<std::size_t>((day - series.front().day).count())];
  row.ctl_ramp_m = ctl_ramp(series, day);
}

// The heart-rate load from the first day of history, as the distance's
// fitness: nullopt without the athlete's heart-rate reserve or without a run
// that has heart rate.
struct HeartRateLoad {
  TrimpHistory history;
  std::vector<FitnessDay> fitness;
  HeartRateReserve reserve;
  const TrimpFactor* factor = nullptr;
  bool sex_known = false;
};

std::optional<HeartRateLoad> heart_rate_load(const AnalysisInput& input, date::sys_days first,
                                             date::sys_days last) {
  const auto& profile = input.tendon.profile;
  const auto reserve = heart_rate_reserve(profile);
  if (!reserve || first > last) return std::nullopt;
  const auto& factor = trimp_factor(profile.sex);
  auto history = trimp_history(input.activities, first, last, *reserve, factor);
  if (std::none_of(history.runs.begin(), history.runs.end(),
                   [](const TrimpHistory::RunDay& r) { return r.heart_rate; }))
    return std::nullopt;
  auto fitness = fitness_series(history.daily);
  return HeartRateLoad{std::move(history), std::move(fitness), *reserve, &factor,
                       profile.sex.has_value()};
}

// The heart-rate fitness of `day`, its ramp and its coverage.
void add_heart_rate_fitness(WeekReport& row, const HeartRateLoad& load, date::sys_days day) {
  const auto& series = load.fitness;
  if (series.empty() || day < series.front().day || day > series.back().day) return;
  HeartRateFitness f;
  f.fitness = series[static_cast<std::size_t>((day - series.front().day).count())];
  f.ctl_ramp = ctl_ramp(series, day);
  f.reserve = load.reserve;
  f.factor = load.factor->name;
  f.sex_known = load.sex_known;
  std::tie(f.runs, f.runs_with_heart_rate) = trimp_coverage(load.history, day);
  row.heart_rate_fitness = f;
}

// The load flags of [from, to], the weeks whose Monday is in `tight_weeks`
// judged with the thresholds tightened by a prior episode.
std::vector<Flag> load_flags_in_force(const History& history,
                                      const std::vector<date::sys_days>& tight_weeks,
                                      date::sys_days from, date::sys_days to) {
  if (tight_weeks.empty()) return load_flags(history, from, to);
  History tight = history;
  tight.thresholds = rules::tightened(history.thresholds);
  const auto is_tight = [&](date::sys_days day) {
    return std::find(tight_weeks.begin(), tight_weeks.end(), week_monday(day)) != tight_weeks.end();
  };
  std::vector<Flag> flags;
  // Each stretch of weeks of one kind at once: a week form's Sunday and its
  // runs fall in the same stretch.
  for (auto day = from; day <= to;) {
    const bool tight_here = is_tight(day);
    auto end = std::min(to, week_monday(day) + date::days{6});
    while (end < to && is_tight(end + date::days{1}) == tight_here)
      end = std::min(to, end + date::weeks{1});
    auto found = load_flags(tight_here ? tight : history, day, end);
    flags.insert(flags.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
    day = end + date::days{1};
  }
  std::stable_sort(flags.begin(), flags.end(),
                   [](const Flag& a, const Flag& b) { return a.date < b.date; });
  return flags;
}

// The possible ruptures and persistent pain of the year before `to`, from
// the journal of that year: the episodes runload raised itself.
std::vector<Flag> raised_episodes(const AnalysisInput& input, const History& history,
                                  date::sys_days first_shown, date::sys_days to) {
  std::vector<model::JournalEntry> year = input.tendon.episode_journal;
  year.insert(year.end(), input.red_flag_history.begin(), input.red_flag_history.end());
  year.insert(year.end(), input.journal.begin(), input.journal.end());
  History past;
  past.thresholds = history.thresholds;
  past.runs = history.runs;
  past.journal = JournalDays(year);
  const auto from = first_shown - date::days{rules::k_prior_episode_days};
  auto flags = rupture_warning(past, from, to);
  auto persistent = persistent_pain(past, from, to);
  flags.insert(flags.end(), persistent.begin(), persistent.end());
  return flags;
}

std::vector<Flag> modifier_flags(const AnalysisInput& input, const History& history,
                                 std::span<const EpisodeMark> marks, date::sys_days from,
                                 date::sys_days to) {
  const auto& meds = input.tendon.medications;
  std::vector<Flag> flags = fluoroquinolone_window(meds, from, to);
  for (auto found : {corticosteroid_window(meds, from, to),
                     prior_episode(marks, rules::tightened(history.thresholds), from, to),
                     cold_run(history, from, to)})
    flags.insert(flags.end(), found.begin(), found.end());
  return flags;
}

TendonReport tendon_report(const AnalysisInput& input, std::span<const EpisodeMark> marks,
                           date::sys_days first_shown, date::sys_days monday,
                           date::sys_days as_of) {
  const auto& t = input.tendon;
  const auto sunday = monday + date::days{6};
  TendonReport r;
  r.visa_a = summarize_visa(t.visa_a, as_of);
  for (const auto& v : t.visa_a)
    if (v.date >= first_shown && v.date <= as_of) r.visa_a_history.push_back(v);
  r.heel_rise = summarize_heel_rise(t.heel_rise, t.profile, as_of);
  for (const auto& h : t.heel_rise)
    if (h.date >= first_shown && h.date <= as_of) r.heel_rise_history.push_back(h);
  for (const auto& s : t.rehab) {
    if (s.date >= first_shown && s.date <= as_of) r.any_rehab = true;
    if (s.date >= monday && s.date <= std::min(sunday, as_of)) r.rehab_sessions.push_back(s);
  }
  for (auto week = first_shown; week <= monday; week += date::weeks{1})
    r.rehab_weeks.push_back(rehab_week(t.rehab, week));
  r.medications = medication_status(t.medications, as_of);
  r.episodes = t.episodes;
  r.prior_episode = prior_episode_on(marks, monday);
  r.profile = t.profile;
  if (t.profile.born_year) r.age = age_in(*t.profile.born_year, monday);
  return r;
}

}  // namespace

date::sys_days first_shown_monday(date::sys_days week, int weeks) {
  return week_monday(week) - date::weeks{std::max(weeks, 1) - 1};
}

date::sys_days history_start(date::sys_days week, int weeks) {
  return first_shown_monday(week, weeks) - date::days{k_ewma_history_days};
}

date::sys_days journal_start(date::sys_days week, int weeks) {
  return first_shown_monday(week, weeks) - date::days{k_journal_history_days};
}

bool Report::has_flag_at_least(model::Severity severity) const noexcept {
  return std::any_of(flags.begin(), flags.end(), [severity](const model::Flag& f) {
    return f.severity >= severity && in_force(f);
  });
}

// Long by design: the assembly of one report, in the order the parts depend
// on each other (history, flags, weeks, status, envelope, days, shoes,
// tendon); each step is a call to the function that holds its definition,
// and splitting the sequence would hide that order.
Settings settings_from(const model::Settings& stored) {
  auto applied = rules::apply_settings(stored);
  return {applied.fast_threshold_mps, applied.thresholds, applied.units,
          std::move(applied.changed)};
}

Report analyze(const AnalysisInput& input) {
  const auto monday = week_monday(input.week);
  const auto sunday = monday + date::days{6};

  History history;
  history.thresholds = input.settings.thresholds;
  history.units = input.settings.units;
  history.runs =
      collect_runs(input.activities, input.settings.fast_threshold_mps, input.settings.thresholds);
  history.first_day = input.first_day;
  history.shoes = input.shoes;
  history.shoe_distance_before_m = input.shoe_distance_before_m;
  for (const auto& run : history.runs) history.first_day = std::min(history.first_day, run.day);
  // Weeks before the first run are not shown: there is nothing to draw.
  const auto first_shown = std::clamp(first_shown_monday(input.week, input.weeks),
                                      week_monday(history.first_day), monday);
  const auto series_start =
      std::min(history.first_day, first_shown - date::days{k_rules_history_days});
  history.daily = DailySeries::from_runs(history.runs, series_start, sunday);
  std::vector<model::JournalEntry> journal = input.red_flag_history;
  journal.insert(journal.end(), input.journal.begin(), input.journal.end());
  history.journal = JournalDays(journal);
  std::vector<date::sys_days> assessments;
  for (const auto& entry : journal)
    if (entry.assessed.value_or(false)) assessments.push_back(entry.date);
  std::sort(assessments.begin(), assessments.end());

  Report report;
  report.as_of = input.today ? std::min(*input.today, sunday) : sunday;
  report.not_begun = report.as_of < monday;

  // Load flags start 3 days early: a spike there can explain stiffness in
  // the first shown week. The red flags that stand until an assessment are
  // looked for from the first entry of the red-flag history on.
  // A prior Achilles episode (one recorded, or a possible rupture or
  // persistent pain of the past year) tightens the spike bands of the weeks
  // it counts for.
  const auto marks =
      episode_marks(input.tendon.episodes, raised_episodes(input, history, first_shown, sunday));
  const auto load_from = first_shown - date::days{rules::k_link_window_days};
  const auto tight_weeks = prior_episode_weeks(marks, week_monday(load_from), sunday);
  auto all = load_flags_in_force(history, tight_weeks, load_from, sunday);
  const auto symptoms = symptom_flags(history, all, first_shown, sunday);
  all.insert(all.end(), symptoms.begin(), symptoms.end());
  const auto gear = gear_flags(history, first_shown, sunday);
  all.insert(all.end(), gear.begin(), gear.end());
  const auto modifiers = modifier_flags(input, history, marks, first_shown, sunday);
  all.insert(all.end(), modifiers.begin(), modifiers.end());
  if (!input.red_flag_history.empty() && input.red_flag_history.front().date < first_shown) {
    const auto from = input.red_flag_history.front().date;
    const auto to = first_shown - date::days{1};
    for (auto rule : {&rupture_warning, &persistent_pain}) {
      auto earlier = rule(history, from, to);
      all.insert(all.end(), earlier.begin(), earlier.end());
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Flag& a, const Flag& b) { return a.date < b.date; });
  mark_assessed(all, assessments, report.as_of);

  // From the first day of history: the 42-day average needs months to settle.
  const auto fitness =
      fitness_series(DailySeries::from_runs(history.runs, history.first_day, sunday));
  const auto heart_rate = heart_rate_load(input, history.first_day, sunday);
  for (auto week = first_shown; week <= monday; week += date::weeks{1}) {
    auto row = week_report(history, week, input.settings.fast_threshold_mps);
    add_fitness(row, fitness, std::min(week + date::days{6}, report.as_of));
    if (heart_rate)
      add_heart_rate_fitness(row, *heart_rate, std::min(week + date::days{6}, report.as_of));
    row.flag_count = static_cast<int>(std::count_if(all.begin(), all.end(), [&](const auto& f) {
      return f.date >= week && f.date <= week + date::days{6};
    }));
    row.rehab_sessions = rehab_week(input.tendon.rehab, week).sessions;
    report.weeks.push_back(std::move(row));
  }
  report.week = report.weeks.back();
  report.flags = reported_flags(all, monday, sunday);
  report.status = status_of(report.flags);
  const bool tight_week =
      std::find(tight_weeks.begin(), tight_weeks.end(), monday) != tight_weeks.end();
  if (tight_week) {
    History tight = history;
    tight.thresholds = rules::tightened(history.thresholds);
    report.next_week = next_week_envelope(tight, monday, report.flags);
  } else {
    report.next_week = next_week_envelope(history, monday, report.flags);
  }
  align_spike_advice(report.flags, report.next_week, history.units);
  report.days = day_reports(history, monday, report.as_of);
  report.symptoms = symptom_summary(history, report.week, monday);
  report.response = response(history, first_shown, report.as_of);
  report.symptom_days = symptom_days(history, all, first_shown, report.as_of);
  report.shoes = shoe_report(history, monday, report.as_of);
  report.warming_up = (sunday - history.first_day).count() + 1 < rules::k_warm_up_days;
  report.pending = pending_baselines(history.first_day, monday);
  report.tendon = tendon_report(input, marks, first_shown, monday, report.as_of);
  report.settings = input.settings;
  return report;
}

}  // namespace runload::analyze
