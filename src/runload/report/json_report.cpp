#include <runload/report/json_report.hpp>

#include <cmath>

#include <runload/model/local_time.hpp>
#include <runload/report/tendon_json.hpp>
#include <runload/rules/catalogue.hpp>
#include <runload/text/json.hpp>

namespace runload::report {
namespace {

using text::Json;
using text::km_or_null;
using text::or_null;
using text::round_to;

Json number(const std::optional<double>& value, int decimals) {
  return or_null(value, decimals);
}

Json km(double metres) {
  return round_to(metres / 1000.0, 3);
}

Json date_or_null(const std::optional<date::sys_days>& day) {
  return day ? Json(model::format_date(*day)) : Json(nullptr);
}

// Seconds per km of a speed in m/s.
std::optional<double> pace_of(const std::optional<double>& mps) {
  if (!mps || *mps <= 0.0) return std::nullopt;
  return 1000.0 / *mps;
}

Json load_object(const analyze::WeekReport& w) {
  const auto& s = w.summary;
  std::optional<double> strain;
  if (w.strain_m) strain = *w.strain_m / 1000.0;
  return Json{
      {"runs", s.runs},
      {"distance_km", km(s.distance_m)},
      {"duration_s", text::seconds_or_null(s.duration)},
      {"longest_run_km", km(s.longest_run_m)},
      {"elevation_gain_m", number(s.elevation_gain_m, 1)},
      {"fast_distance_km", km_or_null(s.fast_distance_m)},
      {"uphill_distance_km", km_or_null(s.uphill_distance_m)},
      {"runs_with_fast", s.runs_with_fast},
      {"runs_with_uphill", s.runs_with_uphill},
      {"fast_threshold_pace_s_per_km", number(pace_of(w.fast_threshold_mps), 0)},
      {"prev_week_distance_km", km(w.prev_week_distance_m)},
      {"week_change_pct", number(w.week_change_pct, 1)},
      {"acwr_uncoupled", number(w.acwr_uncoupled, 3)},
      {"acwr_coupled", number(w.acwr_coupled, 3)},
      {"acwr_ewma", number(w.acwr_ewma, 3)},
      {"monotony", number(w.monotony, 3)},
      {"strain", number(strain, 1)},
  };
}

Json shoe_distances(const std::vector<analyze::ShoeDistance>& shoes) {
  auto array = Json::array();
  for (const auto& shoe : shoes)
    array.push_back(
        {{"name", or_null(shoe.name)}, {"distance_km", km(shoe.distance_m)}, {"runs", shoe.runs}});
  return array;
}

// The same on Banister's TRIMP a day, with the heart rates and factor it
// used and the share of the last 42 days' runs that had heart rate; null
// without the athlete's resting and maximum heart rate or without a run
// with heart rate.
Json trimp_object(const analyze::WeekReport& w) {
  if (!w.heart_rate_fitness) return nullptr;
  const auto& h = *w.heart_rate_fitness;
  const auto& f = h.fitness;
  return Json{
      {"ctl", round_to(f.ctl_m, 1)},
      {"atl", round_to(f.atl_m, 1)},
      {"tsb", round_to(f.tsb_m, 1)},
      {"ramp", or_null(h.ctl_ramp, 1)},
      {"load",
       "Banister's TRIMP a day (Morton, Fitz-Clarke and Banister 1990), from each run's time "
       "by heart rate; a run without heart rate adds 0; weighted as the distance series"},
      {"hr_rest", std::lround(h.reserve.rest_bpm)},
      {"hr_max", std::lround(h.reserve.max_bpm)},
      {"factor", std::string(h.factor)},
      {"sex_known", h.sex_known},
      {"coverage",
       {{"days", analyze::k_trimp_coverage_days},
        {"runs", h.runs},
        {"runs_with_hr", h.runs_with_heart_rate},
        {"share", h.runs > 0 ? Json(round_to(static_cast<double>(h.runs_with_heart_rate) /
                                                 static_cast<double>(h.runs),
                                             3))
                             : Json(nullptr)}}},
  };
}

// CTL, ATL and TSB in km a day, the week's CTL ramp in km a day, and the
// load they average, then `trimp`, the same on the heart-rate load; null
// before the first run.
Json fitness_object(const analyze::WeekReport& w) {
  if (!w.fitness) return nullptr;
  const auto& f = *w.fitness;
  return Json{{"ctl", km(f.ctl_m)},
              {"atl", km(f.atl_m)},
              {"tsb", km(f.tsb_m)},
              {"ramp", km_or_null(w.ctl_ramp_m)},
              {"load",
               "running distance, km a day; exponentially weighted over 42 (ctl) and 7 "
               "(atl) days, tsb the day's starting form: a convention, not a risk "
               "measure"},
              {"trimp", trimp_object(w)}};
}

Json week_row(const analyze::WeekReport& w) {
  const auto& s = w.summary;
  std::optional<double> strain;
  if (w.strain_m) strain = *w.strain_m / 1000.0;
  return Json{
      {"iso", s.iso},
      {"start", model::format_date(s.start)},
      {"distance_km", km(s.distance_m)},
      {"longest_run_km", km(s.longest_run_m)},
      {"elevation_gain_m", number(s.elevation_gain_m, 1)},
      {"fast_distance_km", km_or_null(s.fast_distance_m)},
      {"uphill_distance_km", km_or_null(s.uphill_distance_m)},
      {"mean_morning_stiffness", number(s.mean_morning_stiffness, 2)},
      {"runs", s.runs},
      {"flags", w.flag_count},
      {"acwr_uncoupled", number(w.acwr_uncoupled, 3)},
      {"strain", number(strain, 1)},
      {"shoes", shoe_distances(w.shoes)},
      {"fitness", fitness_object(w)},
      {"rehab_sessions", w.rehab_sessions},
  };
}

Json day_before_object(const std::optional<analyze::DayBefore>& d) {
  if (!d) return nullptr;
  return Json{
      {"runs", d->runs},
      {"distance_km", km(d->distance_m)},
      {"over_longest_pct", number(d->over_longest_pct, 1)},
      {"pace_s_per_km", number(d->pace_s_per_km, 0)},
      {"elevation_gain_m", number(d->elevation_gain_m, 1)},
      {"shoes", d->shoes},
  };
}

Json day_row(const analyze::DayReport& d) {
  const model::JournalEntry empty;
  const auto& j = d.journal ? *d.journal : empty;
  return Json{
      {"date", model::format_date(d.date)},
      {"runs", d.runs},
      {"distance_km", km(d.distance_m)},
      {"stiffness", or_null(j.stiffness)},
      {"stiffness_minutes", or_null(j.stiffness_minutes)},
      {"pain_run", or_null(j.pain_run)},
      {"pain_after", or_null(j.pain_after)},
      {"swelling", or_null(j.swelling)},
      {"pop", or_null(j.pop)},
      {"assessed", or_null(j.assessed)},
      {"day_before", day_before_object(d.day_before)},
  };
}

// A flag's value in its unit: distances from metres to km.
Json flag_value(const std::optional<double>& value, model::Unit unit) {
  if (!value) return nullptr;
  switch (unit) {
    case model::Unit::km:
      return round_to(*value / 1000.0, 3);
    case model::Unit::m:
      return round_to(*value, 1);
    case model::Unit::share:
    case model::Unit::days:
    case model::Unit::points:
      return round_to(*value, 3);
    case model::Unit::celsius:
      return round_to(*value, 1);
  }
  return round_to(*value, 3);
}

Json flag_object(const model::Flag& f) {
  return Json{
      {"rule", rules::id(f.rule)},
      {"severity", model::to_string(f.severity)},
      {"evidence", model::to_string(f.evidence)},
      {"date", model::format_date(f.date)},
      {"activity_id", or_null(f.activity_id)},
      {"observed", flag_value(f.observed, f.unit)},
      {"baseline", flag_value(f.baseline, f.unit)},
      {"ratio", number(f.ratio, 3)},
      {"unit", model::to_string(f.unit)},
      {"message", f.message},
      {"advice", f.advice},
      {"source", f.source},
      {"ongoing", f.ongoing},
      {"assessed_on", date_or_null(f.assessed_on)},
  };
}

Json status_object(const analyze::Status& s) {
  return Json{
      {"level", analyze::to_string(s.level)},
      {"headline", s.headline},
      {"rule", s.rule ? Json(rules::id(*s.rule)) : Json(nullptr)},
      {"since", date_or_null(s.since)},
  };
}

Json next_week_object(const analyze::Envelope& e) {
  return Json{
      {"max_single_run_km", km_or_null(e.max_single_run_m)},
      {"distance_km_low", km_or_null(e.distance_low_m)},
      {"distance_km_high", km_or_null(e.distance_high_m)},
      {"withheld", e.withheld},
      {"reason", e.withheld ? Json(e.reason) : Json(nullptr)},
      {"limits", e.limits},
      {"weeks_averaged", e.withheld ? Json(nullptr) : Json(e.weeks_averaged)},
  };
}

Json pending_array(const std::vector<analyze::PendingBaseline>& pending) {
  auto array = Json::array();
  for (const auto& p : pending)
    array.push_back({{"rule", rules::id(p.rule)},
                     {"ready_on", model::format_date(p.ready_on)},
                     {"why", p.why}});
  return array;
}

Json response_object(const analyze::Response& r) {
  auto findings = Json::array();
  for (const auto& f : r.findings)
    findings.push_back({{"trait", f.trait},
                        {"worse_with", f.worse_with},
                        {"worse", f.worse},
                        {"other_with", f.other_with},
                        {"other", f.other},
                        {"text", f.text}});
  return Json{{"mornings", r.mornings}, {"worse_mornings", r.worse}, {"findings", findings}};
}

Json shoe_object(const analyze::ShoeWeek& shoe) {
  return Json{
      {"name", or_null(shoe.week.name)},
      {"distance_km", km(shoe.week.distance_m)},
      {"runs", shoe.week.runs},
      {"drop_mm", or_null(shoe.drop_mm, 1)},
      {"minimalist", shoe.minimalist},
      {"total_km", shoe.week.name ? km(shoe.mileage_m) : Json(nullptr)},
      {"limit_km", shoe.week.name ? km(shoe.limit_m) : Json(nullptr)},
      {"limit_share", shoe.week.name && shoe.limit_m > 0.0
                          ? Json(round_to(shoe.mileage_m / shoe.limit_m, 3))
                          : Json(nullptr)},
      {"retired", shoe.retired},
  };
}

// The footwear_transition comparison of the week; null without a reference
// drop (no running in the 30 days before, or most of it of unknown drop).
Json transition_object(const analyze::DropComparison& c) {
  if (!c.reference_drop_mm) return nullptr;
  return Json{
      {"reference_drop_mm", round_to(*c.reference_drop_mm, 1)},
      {"reference_shoes", c.reference_shoes},
      {"lower_km", km(c.lower_week_m)},
      {"lower_shoes", c.lower_shoes},
      {"lower_share", number(c.share(), 3)},
      {"lower_share_before", number(c.share_before(), 3)},
  };
}

Json gear_object(const analyze::ShoeReport& shoes) {
  auto worn = Json::array();
  for (const auto& shoe : shoes.worn) worn.push_back(shoe_object(shoe));
  Json rotation = nullptr;
  if (const auto& r = shoes.rotation)
    rotation = Json{{"weeks", r->weeks},
                    {"main_shoe", r->main_shoe},
                    {"main_share", round_to(r->main_share, 3)},
                    {"shoes_used", r->shoes_used}};
  return Json{
      {"shoes", worn},
      {"unknown_drop_km", km(shoes.transition.unknown_week_m)},
      {"transition", transition_object(shoes.transition)},
      {"rotation", rotation},
  };
}

}  // namespace

Json to_json(const ReportMeta& meta, const analyze::Report& report) {
  const auto& week = report.week.summary;
  auto weeks = Json::array();
  for (const auto& w : report.weeks) weeks.push_back(week_row(w));
  auto days = Json::array();
  for (const auto& d : report.days) days.push_back(day_row(d));
  auto flags = Json::array();
  for (const auto& f : report.flags) flags.push_back(flag_object(f));
  const auto& s = report.symptoms;
  auto changed = Json::array();
  for (const auto& c : report.settings.changed)
    changed.push_back(
        {{"key", c.key}, {"value", c.value}, {"default", c.default_value}, {"unit", c.unit}});
  return Json{
      {"athlete", meta.athlete},
      {"timezone", meta.timezone},
      // Every number of this document is metric (the names say the unit),
      // whatever the athlete's `units` setting; the messages are prose in
      // the athlete's units.
      {"units", "metric"},
      {"settings_changed", changed},
      {"status", status_object(report.status)},
      {"week",
       {{"iso", week.iso},
        {"start", model::format_date(week.start)},
        {"end", model::format_date(week.end)},
        {"begun", !report.not_begun}}},
      {"as_of", model::format_date(report.as_of)},
      {"first_run_date", date_or_null(meta.first_run)},
      {"warming_up", report.warming_up},
      {"pending_baselines", pending_array(report.pending)},
      {"load", load_object(report.week)},
      {"weeks", weeks},
      {"symptoms",
       {{"days_logged", s.days_logged},
        {"mean_morning_stiffness", number(s.mean_morning_stiffness, 2)},
        {"prev_mean_morning_stiffness", number(s.prev_mean_morning_stiffness, 2)},
        {"max_pain_run", or_null(s.max_pain_run)}}},
      {"days", days},
      {"response", response_object(report.response)},
      {"flags", flags},
      {"next_week", next_week_object(report.next_week)},
      {"gear", gear_object(report.shoes)},
      {"fitness", fitness_object(report.week)},
      {"tendon", tendon_json(report.tendon)},
      {"disclaimer", std::string(k_disclaimer)},
  };
}

std::string json_report(const ReportMeta& meta, const analyze::Report& report) {
  return text::dump(to_json(meta, report));
}

}  // namespace runload::report
