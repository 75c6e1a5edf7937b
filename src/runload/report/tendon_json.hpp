#pragma once
// The tendon's records as JSON (docs/TENDON.md), for `report --json`'s
// `tendon` object and the `--json` of the tendon commands' lists. Dates ISO
// 8601, unknown values null.

#include <span>

#include <nlohmann/json.hpp>

#include <runload/analyze/tendon.hpp>
#include <runload/model/tendon.hpp>

namespace runload::report {

// {date, score, answers ("10,9,8,10,7,6,7,B14"), items [Q1..Q7], q8_branch, q8}
nlohmann::ordered_json visa_a_json(const model::VisaA& visa);
// {date, left, right, symmetry_pct}
nlohmann::ordered_json heel_rise_json(const model::HeelRiseTest& test);
// {id, date, exercise, sets, reps, load_kg, pain}
nlohmann::ordered_json rehab_json(const model::RehabSession& session);
// {id, name, kind, from, to, caution_until, info_until, phase}
nlohmann::ordered_json medication_json(const analyze::MedicationStatus& status);
// {id, from, to, note}
nlohmann::ordered_json episode_json(const model::Episode& episode);

// Each of `items` through `one`, in order.
template <typename T, typename F>
nlohmann::ordered_json json_array(std::span<const T> items, F one) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& item : items) array.push_back(one(item));
  return array;
}

// `report --json`'s `tendon`: visa_a {score, date, previous_score,
// previous_date, change, recovered, change_matters, answers} or null;
// heel_rise {left, right, symmetry_pct, date, weaker_side, below_symmetry,
// baseline_tests, baseline_left, baseline_right, change_left, change_right,
// left_beyond_noise, right_beyond_noise, norm {age, sex, age_from, age_to,
// typical} or null} or null; rehab_sessions (the reported week's, [] when
// none, null when no rehab is logged in the weeks shown); medications,
// episodes (null when none); prior_episode {what, from, to} or null;
// visa_a_history [{date, score}], heel_rise_history [{date, left, right}]
// (the weeks shown); profile {born_year, sex, age}.
nlohmann::ordered_json tendon_json(const analyze::TendonReport& tendon);

}  // namespace runload::report
