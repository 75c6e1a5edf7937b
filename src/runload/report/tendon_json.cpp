#include <runload/report/tendon_json.hpp>

#include <runload/journal/visa_a.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/json.hpp>

namespace runload::report {

using text::Json;
using text::or_null;

namespace {

Json day_or_null(const std::optional<date::sys_days>& day) {
  return day ? Json(model::format_date(*day)) : Json(nullptr);
}

Json visa_summary(const std::optional<analyze::VisaSummary>& s) {
  if (!s) return nullptr;
  return Json{
      {"score", s->latest.score()},
      {"date", model::format_date(s->latest.date)},
      {"previous_score", s->previous ? Json(s->previous->score()) : Json(nullptr)},
      {"previous_date", s->previous ? Json(model::format_date(s->previous->date)) : Json(nullptr)},
      {"change", or_null(s->change)},
      {"recovered", s->recovered},
      {"change_matters", s->change_matters},
      {"answers", journal::format_visa_answers(s->latest)},
  };
}

Json side_field(const std::optional<analyze::SideChange>& c, bool baseline) {
  if (!c) return nullptr;
  return baseline ? Json(text::round_to(c->baseline, 1)) : Json(text::round_to(c->change, 1));
}

Json heel_rise_summary(const std::optional<analyze::HeelRiseSummary>& s) {
  if (!s) return nullptr;
  Json norm = nullptr;
  if (s->norm)
    norm = {{"age", s->norm->age},
            {"sex", model::to_string(s->norm->sex)},
            {"age_from", s->norm->band.from_age},
            {"age_to", s->norm->band.to_age},
            {"typical", s->norm->typical}};
  return Json{
      {"left", s->latest.left},
      {"right", s->latest.right},
      {"symmetry_pct", or_null(s->symmetry_pct, 1)},
      {"date", model::format_date(s->latest.date)},
      {"weaker_side", s->weaker ? Json(model::to_string(*s->weaker)) : Json(nullptr)},
      {"below_symmetry", s->below_symmetry},
      {"baseline_tests", s->baseline_tests},
      {"baseline_left", side_field(s->left, true)},
      {"baseline_right", side_field(s->right, true)},
      {"change_left", side_field(s->left, false)},
      {"change_right", side_field(s->right, false)},
      {"left_beyond_noise", s->left ? Json(s->left->beyond_noise) : Json(nullptr)},
      {"right_beyond_noise", s->right ? Json(s->right->beyond_noise) : Json(nullptr)},
      {"norm", norm},
  };
}

}  // namespace

Json visa_a_json(const model::VisaA& v) {
  return Json{{"date", model::format_date(v.date)},         {"score", v.score()},
              {"answers", journal::format_visa_answers(v)}, {"items", v.items},
              {"q8_branch", model::to_string(v.q8_branch)}, {"q8", v.q8}};
}

Json heel_rise_json(const model::HeelRiseTest& t) {
  return Json{{"date", model::format_date(t.date)},
              {"left", t.left},
              {"right", t.right},
              {"symmetry_pct", or_null(analyze::heel_rise_symmetry(t.left, t.right), 1)}};
}

Json rehab_json(const model::RehabSession& s) {
  return Json{{"id", or_null(s.id)},     {"date", model::format_date(s.date)},
              {"exercise", s.exercise},  {"sets", or_null(s.sets)},
              {"reps", or_null(s.reps)}, {"load_kg", or_null(s.load_kg, 1)},
              {"pain", or_null(s.pain)}};
}

Json medication_json(const analyze::MedicationStatus& c) {
  const auto& m = c.medication;
  return Json{{"id", or_null(m.id)},
              {"name", m.name},
              {"kind", model::to_string(m.kind)},
              {"from", model::format_date(m.from)},
              {"to", day_or_null(m.to)},
              {"caution_until",
               c.window ? Json(model::format_date(c.window->caution_until)) : Json(nullptr)},
              {"info_until", c.window ? day_or_null(c.window->info_until) : Json(nullptr)},
              {"phase", c.phase.empty() ? Json(nullptr) : Json(c.phase)}};
}

Json episode_json(const model::Episode& e) {
  return Json{{"id", or_null(e.id)},
              {"from", model::format_date(e.from)},
              {"to", day_or_null(e.to)},
              {"note", or_null(e.note)}};
}

Json tendon_json(const analyze::TendonReport& t) {
  const auto list_or_null = [](const auto& items, auto one) -> Json {
    if (items.empty()) return nullptr;
    return json_array(std::span(items), one);
  };
  Json prior = nullptr;
  if (t.prior_episode)
    prior = {{"what", t.prior_episode->what},
             {"from", model::format_date(t.prior_episode->from)},
             {"to", day_or_null(t.prior_episode->to)}};
  auto visa_history = Json::array();
  for (const auto& v : t.visa_a_history)
    visa_history.push_back({{"date", model::format_date(v.date)}, {"score", v.score()}});
  auto heel_history = Json::array();
  for (const auto& h : t.heel_rise_history)
    heel_history.push_back(
        {{"date", model::format_date(h.date)}, {"left", h.left}, {"right", h.right}});
  return Json{
      {"visa_a", visa_summary(t.visa_a)},
      {"heel_rise", heel_rise_summary(t.heel_rise)},
      {"rehab_sessions",
       t.any_rehab ? json_array(std::span(t.rehab_sessions), rehab_json) : Json(nullptr)},
      {"medications", list_or_null(t.medications, medication_json)},
      {"episodes", list_or_null(t.episodes, episode_json)},
      {"prior_episode", prior},
      {"visa_a_history", visa_history},
      {"heel_rise_history", heel_history},
      {"profile",
       {{"born_year", or_null(t.profile.born_year)},
        {"sex", t.profile.sex ? Json(model::to_string(*t.profile.sex)) : Json(nullptr)},
        {"age", or_null(t.age)}}},
  };
}

}  // namespace runload::report
