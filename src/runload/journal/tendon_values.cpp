#include <runload/journal/tendon_values.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <runload/text/ascii.hpp>

namespace runload::journal {

using text::to_lower;
using text::trim_blank;

namespace {

// The FDA's boxed warning (2008) names ciprofloxacin, levofloxacin,
// moxifloxacin, gemifloxacin, norfloxacin and ofloxacin; delafloxacin came
// later under the same label.
constexpr std::array<std::string_view, 9> k_fluoroquinolones{
    "fluoroquinolone", "ciprofloxacin", "levofloxacin", "moxifloxacin", "gemifloxacin",
    "norfloxacin",     "ofloxacin",     "delafloxacin", "quinolone"};
constexpr std::array<std::string_view, 8> k_corticosteroids{
    "corticosteroid", "prednisone",     "prednisolone",  "methylprednisolone",
    "dexamethasone",  "hydrocortisone", "betamethasone", "deflazacort"};
constexpr std::array<std::string_view, 2> k_injections{"corticosteroid-injection",
                                                       "steroid-injection"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Checked<int> parse_heel_rise_count(std::string_view text) {
  return parse_whole_number(text, 0, k_heel_rise_max);
}

Checked<int> parse_sets(std::string_view text) {
  return parse_whole_number(text, 1, k_rehab_sets_max);
}

Checked<int> parse_reps(std::string_view text) {
  return parse_whole_number(text, 1, k_rehab_reps_max);
}

Checked<double> parse_load_kg(std::string_view raw) {
  const auto text = trim_blank(raw);
  const auto refuse = [&] {
    return Checked<double>{
        std::nullopt,
        fmt::format("must be a number of kg from 0 to {:.0f}, not '{}'", k_rehab_load_kg_max, raw)};
  };
  // Digits and one decimal point only (no sign, exponent, inf or nan), and
  // at most 3 decimals: a gram is as fine as a weight plate goes.
  const auto point = text.find('.');
  if (text.empty() || std::count(text.begin(), text.end(), '.') > 1 ||
      (point != std::string_view::npos && text.size() - point - 1 > 3) ||
      !std::all_of(text.begin(), text.end(),
                   [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
    return refuse();
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
      value > k_rehab_load_kg_max)
    return refuse();
  return {value, {}};
}

std::string format_load_kg(double kg) {
  auto text = fmt::format("{:.3f}", kg);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

Checked<int> parse_born_year(std::string_view text, date::sys_days today) {
  const int year = static_cast<int>(date::year_month_day{today}.year());
  auto checked = parse_whole_number(text, k_born_year_min, year);
  if (!checked)
    checked.error =
        fmt::format("must be a year of birth from {} to {}, not '{}'", k_born_year_min, year, text);
  return checked;
}

Checked<int> parse_hr_rest(std::string_view text) {
  auto checked = parse_whole_number(text, k_hr_rest_min, k_hr_rest_max);
  if (!checked)
    checked.error = fmt::format("must be a resting heart rate from {} to {} bpm, not '{}'",
                                k_hr_rest_min, k_hr_rest_max, text);
  return checked;
}

Checked<int> parse_hr_max(std::string_view text) {
  auto checked = parse_whole_number(text, k_hr_max_min, k_hr_max_max);
  if (!checked)
    checked.error = fmt::format("must be a maximum heart rate from {} to {} bpm, not '{}'",
                                k_hr_max_min, k_hr_max_max, text);
  return checked;
}

Checked<model::Sex> parse_sex(std::string_view text) {
  if (const auto sex = model::sex_from_string(to_lower(trim_blank(text)))) return {*sex, {}};
  return {std::nullopt, fmt::format("must be female or male, not '{}'", text)};
}

Checked<std::string> parse_medication_name(std::string_view raw) {
  const auto name = to_lower(trim_blank(raw));
  const bool ok =
      !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
      });
  if (!ok)
    return {std::nullopt,
            fmt::format("must be a name of letters, digits, '-' and spaces (at most 100), such as "
                        "ciprofloxacin or fluoroquinolone, not '{}'",
                        raw)};
  return {name, {}};
}

model::MedicationKind medication_kind(std::string_view name) noexcept {
  if (listed(k_fluoroquinolones, name)) return model::MedicationKind::fluoroquinolone;
  if (listed(k_corticosteroids, name)) return model::MedicationKind::corticosteroid;
  if (listed(k_injections, name)) return model::MedicationKind::corticosteroid_injection;
  return model::MedicationKind::other;
}

std::string known_medications() {
  return fmt::format(
      "fluoroquinolone antibiotics: {}\noral corticosteroids: {}\na local corticosteroid "
      "injection (recorded, no rule): {}",
      fmt::join(k_fluoroquinolones, ", "), fmt::join(k_corticosteroids, ", "),
      fmt::join(k_injections, ", "));
}

Checked<date::sys_days> check_not_before(date::sys_days to, date::sys_days from) {
  if (to < from)
    return {std::nullopt, fmt::format("{} is before the start, {}", date::format("%F", to),
                                      date::format("%F", from))};
  return {to, {}};
}

}  // namespace runload::journal
