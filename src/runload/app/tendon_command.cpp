#include <runload/app/tendon_command.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/journal/exercises.hpp>
#include <runload/journal/tendon_values.hpp>
#include <runload/journal/visa_a.hpp>
#include <runload/model/local_time.hpp>
#include <runload/rules/tendon.hpp>
#include <runload/store/athlete_profile.hpp>
#include <runload/store/transaction.hpp>
#include <runload/text/escape.hpp>

namespace runload::app {

namespace {

// Access::read for the lists: looking never creates a database or athlete.
store::TendonRepository repository(Session& session, Access access = Access::write) {
  return store::TendonRepository(session.database(access), session.athlete(access).id);
}

}  // namespace

store::Upserted<model::VisaA> record_visa_a(Session& session, const model::VisaA& visa) {
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  auto outcome = tendon.upsert_visa_a(visa);
  tx.commit();
  return outcome;
}

std::vector<model::VisaA> visa_a_list(Session& session) {
  return repository(session, Access::read).visa_a();
}

HeelRiseRecorded record_heel_rise(Session& session, const model::HeelRiseTest& test) {
  auto& db = session.database(Access::write);
  auto tendon = repository(session);
  HeelRiseRecorded recorded;
  {
    store::WriteTransaction tx(db);
    recorded.outcome = tendon.upsert_heel_rise(test);
    tx.commit();
  }
  const auto tests =
      tendon.heel_rise({test.date - date::days{rules::k_heel_rise_baseline_days}, test.date});
  recorded.summary = analyze::summarize_heel_rise(
      tests, store::read_profile(db, session.athlete(Access::write).id), test.date);
  return recorded;
}

std::vector<model::HeelRiseTest> heel_rise_list(Session& session) {
  return repository(session, Access::read).heel_rise();
}

model::RehabSession record_rehab(Session& session, model::RehabSession rehab) {
  if (!journal::find_exercise(rehab.exercise))
    throw UsageError(fmt::format("unknown exercise '{}'", rehab.exercise));
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  rehab.id = tendon.add_rehab(rehab);
  tx.commit();
  return rehab;
}

std::vector<model::RehabSession> rehab_list(Session& session, const store::DayRange& range) {
  if (range.since && range.until && *range.since > *range.until)
    throw UsageError("--since must not be after --until");
  return repository(session, Access::read).rehab(range);
}

store::Upserted<model::Medication> add_medication(Session& session, model::Medication medication) {
  if (medication.to && *medication.to < medication.from)
    throw UsageError(fmt::format("--to {} is before --from {}", model::format_date(*medication.to),
                                 model::format_date(medication.from)));
  medication.kind = journal::medication_kind(medication.name);
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  auto outcome = tendon.upsert_medication(medication);
  tx.commit();
  return outcome;
}

std::vector<analyze::MedicationStatus> medication_list(Session& session) {
  return analyze::medication_status(repository(session, Access::read).medications(),
                                    session.today(Access::read));
}

void delete_medication(Session& session, std::int64_t id) {
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  if (!tendon.delete_medication(id))
    throw UsageError(
        fmt::format("no medication course with id {}; see 'runload medication list'", id));
  tx.commit();
}

store::Upserted<model::Episode> add_episode(Session& session, const model::Episode& episode) {
  if (episode.to && *episode.to < episode.from)
    throw UsageError(fmt::format("--to {} is before --from {}", model::format_date(*episode.to),
                                 model::format_date(episode.from)));
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  auto outcome = tendon.upsert_episode(episode);
  tx.commit();
  return outcome;
}

std::vector<model::Episode> episode_list(Session& session) {
  return repository(session, Access::read).episodes();
}

void delete_episode(Session& session, std::int64_t id) {
  auto tendon = repository(session);
  store::WriteTransaction tx(session.database(Access::write));
  if (!tendon.delete_episode(id))
    throw UsageError(fmt::format("no episode with id {}; see 'runload episode list'", id));
  tx.commit();
}

ProfileSet set_athlete_profile(Session& session, const std::string& name,
                               const model::AthleteProfile& given) {
  auto& db = session.database(Access::write);
  const auto id = store::find_athlete_id(db, name);
  if (!id) throw UsageError(fmt::format("no athlete named '{}'", text::terminal_safe(name)));
  store::WriteTransaction tx(db);
  auto profile = store::set_profile(db, *id, given);
  // Rolled back with the transaction: a reserve of zero or less has no TRIMP.
  if (profile.hr_rest_bpm && profile.hr_max_bpm && *profile.hr_rest_bpm >= *profile.hr_max_bpm)
    throw UsageError(fmt::format(
        "the resting heart rate ({} bpm) must be below the maximum ({} bpm); nothing was set",
        *profile.hr_rest_bpm, *profile.hr_max_bpm));
  tx.commit();
  return {name, profile};
}

}  // namespace runload::app
