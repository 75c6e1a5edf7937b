#pragma once
// The tendon's records in words (docs/TENDON.md): the lines the tendon
// commands print, their tables, and the body of the report's Tendon section,
// which the terminal report, the HTML page and the clinician summary share.
// Pure: values in, strings out. User strings (notes) pass through
// text::terminal_safe in the terminal forms; the HTML escapes them itself.

#include <string>
#include <vector>

#include <runload/analyze/tendon.hpp>
#include <runload/model/tendon.hpp>

namespace runload::report {

// "61/100 on Sun 22 Nov 2026 (10,9,8,10,7,6,7,B14)".
std::string visa_a_line(const model::VisaA& visa);
// `visa-a list`: date, score, the 8 answers, and a sparkline of the scores.
std::string visa_a_table(const std::vector<model::VisaA>& visas);

// The VISA-A against recovery (about 90) and the smallest change that
// matters (14 points), in sentences.
std::string visa_a_text(const analyze::VisaSummary& summary);

// The heel-rise test: counts, symmetry (weaker as % of stronger, naming the
// weaker side), the change against the runner's own baseline ignoring
// changes within the test's noise, and the norm for age and sex when known.
std::string heel_rise_text(const analyze::HeelRiseSummary& summary);
// `heel-rise list`: date, left, right, symmetry.
std::string heel_rise_table(const std::vector<model::HeelRiseTest>& tests);

// "Mon 16 Nov 2026: Seated calf raise (knee bent), 3 x 15, 10 kg, pain 2/10".
std::string rehab_line(const model::RehabSession& session);
std::string rehab_table(const std::vector<model::RehabSession>& sessions);
// The catalogue of exercises, by tendon load (`rehab --list`).
std::string exercise_catalogue();

// "ciprofloxacin (fluoroquinolone), 21 Oct - 27 Oct 2026: ..." with its
// window and where today falls in it.
std::string medication_line(const analyze::MedicationStatus& status);
std::string medication_table(const std::vector<analyze::MedicationStatus>& courses);

std::string episode_line(const model::Episode& episode);
std::string episode_table(const std::vector<model::Episode>& episodes);

// "born 1979, female" (what is known).
std::string profile_text(const model::AthleteProfile& profile);
// "resting heart rate 52 bpm, maximum not set".
std::string heart_rate_profile_text(const model::AthleteProfile& profile);

// One labelled line of the Tendon section.
struct TendonLine {
  std::string label;  // "VISA-A", "Heel-rise", "Rehab", ...
  std::string text;   // sentences; wrapped by the renderer
};

// The Tendon section's lines; empty when nothing of the tendon is recorded
// or raised (no questionnaire, test, rehab in the weeks shown, course,
// episode or prior episode).
std::vector<TendonLine> tendon_lines(const analyze::TendonReport& tendon);

}  // namespace runload::report
