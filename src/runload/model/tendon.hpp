#pragma once
// The tendon's own records beside the runs and the journal (docs/TENDON.md):
// the VISA-A questionnaire, the heel-rise test, the rehab log, medication
// courses, Achilles episodes, and the athlete's age and sex. Plain values;
// journal/ validates them, store/ keeps them, analyze/ reads them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace runload::model {

// VISA-A (Robinson et al., Br J Sports Med 2001): Q8 is answered on one of
// three branches: A, no pain during tendon-loading sport; B, pain that does
// not stop the runner finishing; C, pain that does.
enum class VisaBranch { a, b, c };

std::string_view to_string(VisaBranch branch) noexcept;  // "A", "B", "C"

struct VisaA {
  date::sys_days date{};
  // Q1-Q6: 0-10; Q7: 0, 4, 7 or 10 (journal/visa_a.hpp checks them).
  std::array<int, 7> items{};
  VisaBranch q8_branch = VisaBranch::a;
  int q8 = 0;  // the branch's score

  // The sum of the 8 item scores: 0 (worst) to 100 (no symptoms).
  int score() const noexcept;
};

// Single-leg heel raises to fatigue, one count per leg.
struct HeelRiseTest {
  date::sys_days date{};
  int left = 0;
  int right = 0;
};

// One logged rehab exercise (journal/exercises.hpp holds the catalogue).
struct RehabSession {
  std::optional<std::int64_t> id;  // set once stored
  date::sys_days date{};
  std::string exercise;  // a catalogue id: "eccentric-heel-drop"
  std::optional<int> sets;
  std::optional<int> reps;
  std::optional<double> load_kg;  // added weight
  std::optional<int> pain;        // 0-10 during the exercise
};

// What a medication is, for the rules: the classes the sources name.
enum class MedicationKind {
  fluoroquinolone,           // ciprofloxacin, levofloxacin, ... (systemic)
  corticosteroid,            // oral or other systemic corticosteroid
  corticosteroid_injection,  // a local injection: recorded, no rule
  other,
};

std::string_view to_string(MedicationKind kind) noexcept;

struct Medication {
  std::optional<std::int64_t> id;
  std::string name;  // as the runner gave it: "ciprofloxacin"
  MedicationKind kind = MedicationKind::other;
  date::sys_days from{};
  std::optional<date::sys_days> to;  // the last day taken; nullopt: still taking it
};

// An Achilles episode the runner records: a period of tendinopathy, an
// injury, a diagnosis.
struct Episode {
  std::optional<std::int64_t> id;
  date::sys_days from{};
  std::optional<date::sys_days> to;  // nullopt: ongoing
  std::optional<std::string> note;
};

enum class Sex { female, male };

std::string_view to_string(Sex sex) noexcept;
std::optional<Sex> sex_from_string(std::string_view text) noexcept;

// Optional. Year of birth and sex: the heel-rise norms and a line of
// context; sex also picks the factor of Banister's TRIMP. The resting and
// maximum heart rate, beats per minute: the heart-rate reserve of TRIMP.
struct AthleteProfile {
  std::optional<int> born_year;
  std::optional<Sex> sex;
  std::optional<int> hr_rest_bpm;
  std::optional<int> hr_max_bpm;
};

}  // namespace runload::model
