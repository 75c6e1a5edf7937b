#pragma once
// The tendon's own commands (docs/TENDON.md): `visa-a`, `heel-rise`,
// `rehab`, `medication`, `episode`, and the age and sex of `athletes set`.
// Each stores in one transaction and returns what it did; the command line
// prints it (report/tendon_text.hpp) or its JSON (report/tendon_json.hpp).

#include <optional>
#include <string>
#include <vector>

#include <runload/analyze/tendon.hpp>
#include <runload/app/session.hpp>
#include <runload/model/tendon.hpp>
#include <runload/store/tendon_repository.hpp>

namespace runload::app {

// --- VISA-A --------------------------------------------------------------------------
// Stores the questionnaire of its day (an earlier one of that day is
// replaced: Upserted::before holds it).
store::Upserted<model::VisaA> record_visa_a(Session& session, const model::VisaA& visa);
// Every questionnaire, oldest first.
std::vector<model::VisaA> visa_a_list(Session& session);

// --- heel-rise ------------------------------------------------------------------------
struct HeelRiseRecorded {
  store::Upserted<model::HeelRiseTest> outcome;
  // The test against the tests of the 90 days before it and the norms.
  std::optional<analyze::HeelRiseSummary> summary;
};
HeelRiseRecorded record_heel_rise(Session& session, const model::HeelRiseTest& test);
std::vector<model::HeelRiseTest> heel_rise_list(Session& session);

// --- rehab ---------------------------------------------------------------------------
// Stores one session; returns it with its id. Throws UsageError for an
// exercise that is not in the catalogue.
model::RehabSession record_rehab(Session& session, model::RehabSession rehab);
std::vector<model::RehabSession> rehab_list(Session& session, const store::DayRange& range);

// --- medication ----------------------------------------------------------------------
// Stores a course (its kind from journal::medication_kind); the same name and
// first day again sets the last day. Throws UsageError when `to` is before
// `from`.
store::Upserted<model::Medication> add_medication(Session& session, model::Medication medication);
// Every course with its window today.
std::vector<analyze::MedicationStatus> medication_list(Session& session);
// Throws UsageError when the athlete has no course with that id.
void delete_medication(Session& session, std::int64_t id);

// --- episode -------------------------------------------------------------------------
store::Upserted<model::Episode> add_episode(Session& session, const model::Episode& episode);
std::vector<model::Episode> episode_list(Session& session);
void delete_episode(Session& session, std::int64_t id);

// --- athletes set NAME --born YYYY --sex female|male --hr-rest BPM --hr-max BPM ---
struct ProfileSet {
  std::string athlete;
  model::AthleteProfile profile;  // as it is now
};
// Sets the year of birth, sex and heart rates `given` holds on the athlete
// named `name`. Throws UsageError, setting nothing, when there is no such
// athlete or the resting heart rate would not be below the maximum.
ProfileSet set_athlete_profile(Session& session, const std::string& name,
                               const model::AthleteProfile& given);

}  // namespace runload::app
