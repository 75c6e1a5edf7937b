#pragma once
// Validation of the tendon records' values (docs/TENDON.md), shared by the
// command options and the journal CSV, so both accept exactly the same
// input. As validation.hpp: each returns the value or a reason phrased to
// follow the name of what was asked ("--left ", "line 4: heel_rise_left ").

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include <runload/journal/validation.hpp>
#include <runload/model/tendon.hpp>

namespace runload::journal {

// Heel raises to fatigue on one leg. Healthy adults in their twenties reach
// about 37 (Hébert-Losier et al. 2017); 200 is beyond any test.
inline constexpr int k_heel_rise_max = 200;
inline constexpr int k_rehab_sets_max = 50;
inline constexpr int k_rehab_reps_max = 1000;
inline constexpr double k_rehab_load_kg_max = 500.0;
// Born in or after this year; the heel-rise norms end at 79.
inline constexpr int k_born_year_min = 1900;

// A whole number of heel raises, 0 to k_heel_rise_max.
Checked<int> parse_heel_rise_count(std::string_view text);
// Sets, 1 to k_rehab_sets_max; repetitions, 1 to k_rehab_reps_max.
Checked<int> parse_sets(std::string_view text);
Checked<int> parse_reps(std::string_view text);
// Added weight in kg, 0 to k_rehab_load_kg_max, to the gram: a decimal
// point and at most 3 decimals ("12.5").
Checked<double> parse_load_kg(std::string_view text);
// A load as parse_load_kg reads it back: "12.5", "20", "0.125".
std::string format_load_kg(double kg);

// Resting and maximum heart rate, beats per minute: a resting rate from the
// low 30s of endurance athletes to a tachycardic 120 with margin, a maximum
// from 100 to 230 (the heart-rate histogram's last bin). The resting rate
// must be below the maximum (checked where both are known).
inline constexpr int k_hr_rest_min = 25;
inline constexpr int k_hr_rest_max = 120;
inline constexpr int k_hr_max_min = 100;
inline constexpr int k_hr_max_max = 230;
// A whole resting heart rate, k_hr_rest_min to k_hr_rest_max.
Checked<int> parse_hr_rest(std::string_view text);
// A whole maximum heart rate, k_hr_max_min to k_hr_max_max.
Checked<int> parse_hr_max(std::string_view text);

// A year of birth from k_born_year_min to the year of `today`.
Checked<int> parse_born_year(std::string_view text, date::sys_days today);
// "female" or "male", any case.
Checked<model::Sex> parse_sex(std::string_view text);

// A medication name as given: trimmed, lower case, 1 to 100 characters of
// letters, digits, '-' and ' '.
Checked<std::string> parse_medication_name(std::string_view text);

// The class of a medication by its name (lower case): the fluoroquinolones
// the FDA's warning names and their class word; the systemic
// corticosteroids and their class word; a local injection
// ("corticosteroid-injection", "steroid-injection"); anything else `other`.
model::MedicationKind medication_kind(std::string_view name) noexcept;

// The names medication_kind() knows, one line per class, for the help text.
std::string known_medications();

// An end date that is not before `from`.
Checked<date::sys_days> check_not_before(date::sys_days to, date::sys_days from);

}  // namespace runload::journal
