#include <runload/report/json_report.hpp>

#include <cmath>

#include <runload/model/local_time.hpp>
#include <runload/rules/catalogue.hpp>

namespace runload::report {
namespace {

using Json = nlohmann::ordered_json;

// Division by a power of ten gives the double nearest the decimal.
double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Json number(const std::optional<double>& value, int decimals) {
  return value ? Json(round_to(*value, decimals)) : Json(nullptr);
}

Json km(const std::optional<double>& metres) {
  return metres ? Json(round_to(*metres / 1000.0, 3)) : Json(nullptr);
}

Json km(double metres) {
  return round_to(metres / 1000.0, 3);
}

template <typename T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json load_object(const analyze::WeekReport& w) {
  const auto& s = w.summary;
  std::optional<double> strain;
  if (w.strain_m) strain = *w.strain_m / 1000.0;
  return Json{
      {"runs", s.runs},
      {"distance_km", km(s.distance_m)},
      {"duration_s", s.duration ? Json(s.duration->count()) : Json(nullptr)},
      {"longest_run_km", km(s.longest_run_m)},
      {"elevation_gain_m", number(s.elevation_gain_m, 1)},
      {"fast_distance_km", km(s.fast_distance_m)},
      {"uphill_distance_km", km(s.uphill_distance_m)},
      {"prev_week_distance_km", km(w.prev_week_distance_m)},
      {"week_change_pct", number(w.week_change_pct, 1)},
      {"acwr_uncoupled", number(w.acwr_uncoupled, 3)},
      {"acwr_coupled", number(w.acwr_coupled, 3)},
      {"acwr_ewma", number(w.acwr_ewma, 3)},
      {"monotony", number(w.monotony, 3)},
      {"strain", number(strain, 1)},
  };
}

Json week_row(const analyze::WeekReport& w) {
  const auto& s = w.summary;
  return Json{
      {"iso", s.iso},
      {"start", model::format_date(s.start)},
      {"distance_km", km(s.distance_m)},
      {"longest_run_km", km(s.longest_run_m)},
      {"elevation_gain_m", number(s.elevation_gain_m, 1)},
      {"fast_distance_km", km(s.fast_distance_m)},
      {"uphill_distance_km", km(s.uphill_distance_m)},
      {"mean_morning_stiffness", number(s.mean_morning_stiffness, 2)},
      {"runs", s.runs},
      {"flags", w.flag_count},
  };
}

Json day_row(const analyze::DayReport& d) {
  const model::JournalEntry empty;
  const auto& j = d.journal ? *d.journal : empty;
  return Json{
      {"date", model::format_date(d.date)},
      {"runs", d.runs},
      {"distance_km", km(d.distance_m)},
      {"stiffness", optional(j.stiffness)},
      {"stiffness_minutes", optional(j.stiffness_minutes)},
      {"pain_run", optional(j.pain_run)},
      {"pain_after", optional(j.pain_after)},
      {"swelling", optional(j.swelling)},
      {"pop", optional(j.pop)},
  };
}

Json flag_object(const model::Flag& f) {
  const auto unit = rules::spec(f.rule).unit;
  const int decimals = unit == rules::Unit::metres ? 1 : 3;
  return Json{
      {"rule", rules::id(f.rule)},
      {"severity", model::to_string(f.severity)},
      {"evidence", model::to_string(f.evidence)},
      {"date", model::format_date(f.date)},
      {"activity_id", optional(f.activity_id)},
      {"observed", number(f.observed, decimals)},
      {"baseline", number(f.baseline, decimals)},
      {"ratio", number(f.ratio, 3)},
      {"unit", rules::to_string(unit)},
      {"message", f.message},
      {"advice", f.advice},
      {"source", f.source},
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
  return Json{
      {"athlete", meta.athlete},
      {"timezone", meta.timezone},
      {"week",
       {{"iso", week.iso},
        {"start", model::format_date(week.start)},
        {"end", model::format_date(week.end)}}},
      {"first_run_date", meta.first_run ? Json(model::format_date(*meta.first_run)) : Json()},
      {"warming_up", report.warming_up},
      {"load", load_object(report.week)},
      {"weeks", weeks},
      {"symptoms",
       {{"days_logged", s.days_logged},
        {"mean_morning_stiffness", number(s.mean_morning_stiffness, 2)},
        {"prev_mean_morning_stiffness", number(s.prev_mean_morning_stiffness, 2)},
        {"max_pain_run", optional(s.max_pain_run)}}},
      {"days", days},
      {"flags", flags},
      {"next_week",
       {{"max_single_run_km", km(report.next_week.max_single_run_m)},
        {"distance_km_low", km(report.next_week.distance_low_m)},
        {"distance_km_high", km(report.next_week.distance_high_m)}}},
      {"disclaimer", std::string(k_disclaimer)},
  };
}

std::string json_report(const ReportMeta& meta, const analyze::Report& report) {
  return to_json(meta, report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace runload::report
