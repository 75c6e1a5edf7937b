#include <runload/analyze/tendon.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace runload::analyze {

std::optional<VisaSummary> summarize_visa(std::span<const model::VisaA> visa,
                                          date::sys_days as_of) {
  std::optional<VisaSummary> summary;
  for (const auto& v : visa) {
    if (v.date > as_of) break;
    if (summary) summary->previous = summary->latest;
    if (!summary) summary.emplace();
    summary->latest = v;
  }
  if (!summary) return std::nullopt;
  summary->recovered = summary->latest.score() >= rules::k_visa_a_recovered;
  if (summary->previous) {
    summary->change = summary->latest.score() - summary->previous->score();
    summary->change_matters = std::abs(*summary->change) >= rules::k_visa_a_mcid_points;
  }
  return summary;
}

std::optional<double> heel_rise_symmetry(int left, int right) noexcept {
  const int stronger = std::max(left, right);
  if (stronger <= 0) return std::nullopt;
  return 100.0 * std::min(left, right) / stronger;
}

SideChange heel_rise_change(int latest, double baseline) noexcept {
  SideChange c;
  c.baseline = baseline;
  c.change = latest - baseline;
  c.beyond_noise = std::fabs(c.change) > rules::k_heel_rise_noise_reps;
  return c;
}

int age_in(int born_year, date::sys_days day) noexcept {
  return static_cast<int>(date::year_month_day{day}.year()) - born_year;
}

std::optional<HeelRiseSummary> summarize_heel_rise(std::span<const model::HeelRiseTest> tests,
                                                   const model::AthleteProfile& profile,
                                                   date::sys_days as_of) {
  const model::HeelRiseTest* latest = nullptr;
  for (const auto& t : tests)
    if (t.date <= as_of) latest = &t;
  if (!latest) return std::nullopt;
  HeelRiseSummary s;
  s.latest = *latest;
  s.symmetry_pct = heel_rise_symmetry(latest->left, latest->right);
  if (latest->left != latest->right)
    s.weaker = latest->left < latest->right ? model::Side::left : model::Side::right;
  s.below_symmetry = s.symmetry_pct && *s.symmetry_pct < rules::k_heel_rise_symmetry_pct;

  // The baseline: the most recent tests of the 90 days before the latest.
  std::vector<const model::HeelRiseTest*> before;
  const auto first = latest->date - date::days{rules::k_heel_rise_baseline_days};
  for (const auto& t : tests)
    if (t.date >= first && t.date < latest->date) before.push_back(&t);
  if (before.size() > static_cast<std::size_t>(rules::k_heel_rise_baseline_tests))
    before.erase(before.begin(), before.end() - rules::k_heel_rise_baseline_tests);
  s.baseline_tests = static_cast<int>(before.size());
  if (!before.empty()) {
    double left = 0.0, right = 0.0;
    for (const auto* t : before) {
      left += t->left;
      right += t->right;
    }
    const auto n = static_cast<double>(before.size());
    s.left = heel_rise_change(latest->left, left / n);
    s.right = heel_rise_change(latest->right, right / n);
  }

  if (profile.born_year && profile.sex) {
    const int age = age_in(*profile.born_year, latest->date);
    if (const auto band = rules::heel_rise_norm(age))
      s.norm = HeelRiseNormCheck{age, *profile.sex, *band,
                                 rules::heel_rise_typical(*band, *profile.sex)};
  }
  return s;
}

RehabWeek rehab_week(std::span<const model::RehabSession> sessions, date::sys_days monday) {
  RehabWeek week;
  week.monday = monday;
  std::set<date::sys_days> days;
  for (const auto& s : sessions) {
    if (s.date < monday || s.date > monday + date::days{6}) continue;
    ++week.sessions;
    days.insert(s.date);
    if (s.pain) week.max_pain = std::max(week.max_pain.value_or(0), *s.pain);
  }
  week.days = static_cast<int>(days.size());
  return week;
}

std::vector<MedicationStatus> medication_status(std::span<const model::Medication> medications,
                                                date::sys_days as_of) {
  std::vector<MedicationStatus> out;
  for (const auto& m : medications) {
    MedicationStatus status{m, course_window(m, as_of), ""};
    if (status.window) {
      const auto& w = *status.window;
      if (as_of >= w.from && as_of <= w.last_dose)
        status.phase = "course";
      else if (as_of > w.last_dose && as_of <= w.caution_until)
        status.phase = "caution";
      else if (w.info_until && as_of > w.caution_until && as_of <= *w.info_until)
        status.phase = "info";
    }
    out.push_back(std::move(status));
  }
  return out;
}

}  // namespace runload::analyze
