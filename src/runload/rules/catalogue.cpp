#include <runload/rules/catalogue.hpp>

#include <array>

#include <fmt/format.h>

namespace runload::rules {
namespace {

using model::Evidence;
using model::Rule;

constexpr std::string_view k_km_numbers = "{observed} km vs {baseline} km{ratio}";
constexpr std::string_view k_km_alone = "{observed} km";
constexpr std::string_view k_silbernagel =
    "Silbernagel et al., Am J Sports Med 2007 (pain-monitoring model)";

constexpr std::array<RuleSpec, model::k_rule_count> k_catalogue{{
    {Rule::single_run_spike, "single_run_spike", "Single-run spike", Evidence::cohort,
     "Frandsen et al., Br J Sports Med 2025", Unit::metres, Display::km, k_km_numbers, k_km_alone,
     "Keep your next runs at or below {limit} (10% over your previous longest) and grow the long "
     "run in small steps.",
     "", ""},
    {Rule::weekly_distance_jump, "weekly_distance_jump", "Weekly distance jump", Evidence::cohort,
     "Nielsen et al., JOSPT 2014", Unit::metres, Display::km, k_km_numbers, k_km_alone,
     "Keep next week near this week's distance rather than adding again, and keep the long run at "
     "or below its recent longest plus 10%.",
     "", ""},
    {Rule::acwr_high, "acwr_high", "High acute:chronic ratio", Evidence::cohort,
     "Gabbett, Br J Sports Med 2016; contested (Impellizzeri et al. 2020; Frandsen et al. 2025)",
     Unit::metres, Display::km, k_km_numbers, k_km_alone,
     "Hold next week's distance within the envelope below rather than adding again.", "", ""},
    {Rule::speed_spike, "speed_spike", "Speed spike", Evidence::plausible,
     "Mayo Clinic; sports physiotherapist (rapid increase in speed); single-session framing after "
     "Frandsen et al. 2025",
     Unit::metres, Display::km, k_km_numbers, k_km_alone,
     "Add faster running gradually: keep the fast part of a session within about 30% of what you "
     "did recently, and not on the day after a long run.",
     "", ""},
    {Rule::hill_spike, "hill_spike", "Hill spike", Evidence::plausible,
     "Mayo Clinic; sports physiotherapist (rapid increase in uphill running); single-session "
     "framing after Frandsen et al. 2025",
     Unit::metres, Display::metres, "{observed} m vs {baseline} m{ratio}", "{observed} m",
     "Build hills gradually: keep climbing within about 30% of what you did recently, and keep the "
     "next runs flat and easy.",
     "", ""},
    {Rule::weekend_warrior, "weekend_warrior", "Weekend warrior", Evidence::expert,
     "Mayo Clinic; sports physiotherapist", Unit::share, Display::percent,
     "{observed}% of the distance on weekends (threshold {baseline}%)",
     "{observed}% of the distance on weekends",
     "Spread the same distance over the week: add one or two short easy weekday runs and shorten "
     "the weekend ones, and keep up calf strength work.",
     "", ""},
    {Rule::return_after_break, "return_after_break", "Return after a break", Evidence::expert,
     "Chronic load is near zero after a break (acute:chronic reasoning, Gabbett 2016)",
     Unit::metres, Display::km, k_km_numbers, k_km_alone,
     "Restart below your old level: shorter, easier runs with rest days between them, and build "
     "back over several weeks.",
     "", ""},
    {Rule::pain_during_run, "pain_during_run", "Pain during a run", Evidence::rct, k_silbernagel,
     Unit::points, Display::points, "pain {observed}/10 while running (acceptable up to {baseline}/10)",
     "pain {observed}/10 while running",
     "Run shorter, slower and flatter until pain during running stays at 5/10 or below and is gone "
     "by the next morning.",
     "Stop running for now: rest or cross-train without pain, and see a physiotherapist or doctor "
     "before you run again.",
     ""},
    {Rule::stiffness_not_settled, "stiffness_not_settled", "Stiffness not settled", Evidence::rct,
     k_silbernagel, Unit::points, Display::points, "stiffness {observed}/10 vs a usual {baseline}/10",
     "stiffness {observed}/10",
     "Make the next run shorter and easier, or rest a day, until the morning stiffness is back to "
     "your usual level.",
     "", ""},
    {Rule::stiffness_rising, "stiffness_rising", "Stiffness rising", Evidence::rct, k_silbernagel,
     Unit::points, Display::points_1, "mean stiffness {observed}/10 vs {baseline}/10 last week",
     "mean stiffness {observed}/10",
     "Hold or reduce your running next week and keep up calf strengthening; progress again once "
     "the mornings are back to last week's level.",
     "", ""},
    {Rule::persistent_pain, "persistent_pain", "Persistent pain", Evidence::expert,
     "Mayo Clinic (persistent pain around the Achilles)", Unit::days, Display::count,
     "{observed} of the last 7 days at 3/10 or more", "{observed} of the last 7 days at 3/10 or more",
     "Book an appointment with a doctor or sports physiotherapist, and cut running back to what is "
     "pain-free until then.",
     "", ""},
    {Rule::load_symptom_link, "load_symptom_link", "Load spike, then stiffness", Evidence::expert,
     "Frandsen et al., Br J Sports Med 2025; Silbernagel et al., Am J Sports Med 2007",
     Unit::points, Display::points, "stiffness {observed}/10 vs a usual {baseline}/10",
     "stiffness {observed}/10",
     "Take the load back below the spike: no long, fast or hilly sessions until the morning "
     "stiffness is back to usual for a few days.",
     "", ""},
    {Rule::rupture_warning, "rupture_warning", "Possible rupture", Evidence::expert,
     "Mayo Clinic; sports physiotherapist (a pop or a kick at the back of the heel)", Unit::points,
     Display::points, "pain {observed}/10", "pain {observed}/10",
     "Stop running and seek medical care immediately (emergency department or your doctor today).",
     "", "possible Achilles tendon rupture: stop running and seek medical care now"},
}};

constexpr bool in_rule_order() {
  for (std::size_t i = 0; i < k_catalogue.size(); ++i)
    if (static_cast<std::size_t>(k_catalogue[i].rule) != i) return false;
  return true;
}
static_assert(in_rule_order(), "the catalogue lists every model::Rule once, in enum order");

}  // namespace

std::string_view to_string(Unit unit) noexcept {
  switch (unit) {
    case Unit::metres:
      return "m";
    case Unit::share:
      return "share";
    case Unit::days:
      return "days";
    case Unit::points:
      return "points";
  }
  return "m";
}

std::span<const RuleSpec> catalogue() noexcept {
  return k_catalogue;
}

const RuleSpec& spec(model::Rule rule) noexcept {
  return k_catalogue[static_cast<std::size_t>(rule)];
}

std::string_view id(model::Rule rule) noexcept {
  return spec(rule).id;
}

std::optional<model::Rule> rule_from_id(std::string_view id) noexcept {
  for (const auto& entry : k_catalogue)
    if (entry.id == id) return entry.rule;
  return std::nullopt;
}

model::Flag make_flag(model::Rule rule, model::Severity severity, date::sys_days date) {
  const auto& entry = spec(rule);
  model::Flag flag;
  flag.rule = rule;
  flag.severity = severity;
  flag.evidence = entry.evidence;
  flag.date = date;
  flag.source = std::string(entry.source);
  flag.advice = std::string(severity >= model::Severity::high && !entry.advice_high.empty()
                                ? entry.advice_high
                                : entry.advice);
  return flag;
}

std::string advice_with_limit(model::Rule rule, std::string_view limit) {
  return fmt::format(fmt::runtime(spec(rule).advice), fmt::arg("limit", limit));
}

}  // namespace runload::rules
