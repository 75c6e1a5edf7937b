#include <runload/rules/catalogue.hpp>

#include <array>

#include <fmt/format.h>

namespace runload::rules {
namespace {

using model::Evidence;
using model::Rule;
using model::Unit;

constexpr std::string_view k_distance_numbers = "{observed} {unit} vs {baseline} {unit}{ratio}";
constexpr std::string_view k_distance_alone = "{observed} {unit}";
constexpr std::string_view k_silbernagel =
    "Silbernagel et al., Am J Sports Med 2007 (pain-monitoring model)";

constexpr std::array<RuleSpec, model::k_rule_count> k_catalogue{{
    {Rule::single_run_spike, "single_run_spike", "Single-run spike", Evidence::cohort,
     "Frandsen et al., Br J Sports Med 2025", Kind::load, WhenHigh::reduce, Persistence::week,
     Unit::km, k_distance_numbers, k_distance_alone,
     "Keep your next runs at or below {limit} (10% over your longest run of the last 30 days that "
     "was not itself a spike) and grow the long run in small steps.",
     "Hold the long run well back this week and next: no run longer than the longest of your "
     "previous 30 days until the tendon shows no reaction, then grow it in steps of 10%.",
     "a long-run spike: keep the long run back before building again",
     "a large long-run spike: hold the long run back and do not build next week"},
    {Rule::weekly_distance_jump, "weekly_distance_jump", "Weekly distance jump", Evidence::cohort,
     "Nielsen et al., JOSPT 2014", Kind::load, WhenHigh::reduce, Persistence::week, Unit::km,
     k_distance_numbers, k_distance_alone,
     "Keep next week near this week's distance rather than adding again, and keep the long run at "
     "or below its recent longest plus 10%.",
     "", "a jump in weekly distance: hold next week near this week's", ""},
    {Rule::acwr_high, "acwr_high", "High acute:chronic ratio", Evidence::cohort,
     "Gabbett, Br J Sports Med 2016; contested (Impellizzeri et al. 2020; Frandsen et al. 2025)",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::km, k_distance_numbers,
     k_distance_alone,
     "Hold next week's distance at or below this week's rather than adding again.", "",
     "this week is well above the weeks before: hold the distance", ""},
    {Rule::speed_spike, "speed_spike", "Speed spike", Evidence::plausible,
     "Mayo Clinic; sports physiotherapist (rapid increase in speed); single-session framing after "
     "Frandsen et al. 2025",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::km, k_distance_numbers,
     k_distance_alone,
     "Add faster running gradually: keep the fast part of a session within about 30% of what you "
     "did recently, and not on the day after a long run.",
     "", "more fast running than you are used to: hold the speed back", ""},
    {Rule::hill_spike, "hill_spike", "Hill spike", Evidence::plausible,
     "Mayo Clinic; sports physiotherapist (rapid increase in uphill running); single-session "
     "framing after Frandsen et al. 2025",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::m, k_distance_numbers, k_distance_alone,
     "Build hills gradually: keep climbing within about 30% of what you did recently, and keep the "
     "next runs flat and easy.",
     "", "more climbing than you are used to: keep the next runs flat and easy", ""},
    {Rule::weekend_warrior, "weekend_warrior", "Weekend warrior", Evidence::expert,
     "Mayo Clinic; sports physiotherapist", Kind::load, WhenHigh::reduce, Persistence::week,
     Unit::share, "{observed}% of the distance on weekends (threshold {baseline}%)",
     "{observed}% of the distance on weekends",
     "Spread the same distance over the week: add one or two short easy weekday runs and shorten "
     "the weekend ones, and keep up calf strength work.",
     "", "most of your running is at weekends: spread it over the week", ""},
    {Rule::return_after_break, "return_after_break", "Return after a break", Evidence::expert,
     "Chronic load is near zero after a break (acute:chronic reasoning, Gabbett 2016)", Kind::load,
     WhenHigh::reduce, Persistence::week, Unit::days,
     "{observed} days without running (a break is {baseline} or more)",
     "a break longer than the history analysed",
     "Restart below your old level: shorter, easier runs with rest days between them, and build "
     "back over several weeks.",
     "", "back after a break: restart below your old level", ""},
    {Rule::pain_during_run, "pain_during_run", "Pain during a run", Evidence::rct, k_silbernagel,
     Kind::symptom, WhenHigh::stop, Persistence::week, Unit::points,
     "pain {observed}/10 while running (acceptable up to {baseline}/10)",
     "pain {observed}/10 while running",
     "Run shorter, slower and flatter until pain during running stays at 5/10 or below and is gone "
     "by the next morning.",
     "Stop running for now: rest or cross-train without pain, and see a physiotherapist or doctor "
     "before you run again.",
     "pain during running above 5/10: run shorter, slower and flatter",
     "pain of 8/10 or more while running: stop running and see a physiotherapist or doctor"},
    {Rule::stiffness_not_settled, "stiffness_not_settled", "Stiffness not settled", Evidence::rct,
     k_silbernagel, Kind::symptom, WhenHigh::reduce, Persistence::week, Unit::points,
     "stiffness {observed}/10 vs a usual {baseline}/10", "stiffness {observed}/10",
     "Make the next run shorter and easier, or rest a day, until the morning stiffness is back to "
     "your usual level.",
     "", "morning stiffness has not settled after a run: take the next run easier", ""},
    {Rule::stiffness_rising, "stiffness_rising", "Stiffness rising", Evidence::rct, k_silbernagel,
     Kind::symptom, WhenHigh::reduce, Persistence::week, Unit::points,
     "mean stiffness {observed}/10 vs {baseline}/10 last week", "mean stiffness {observed}/10",
     "Hold or reduce your running next week and keep up calf strengthening; progress again once "
     "the mornings are back to last week's level.",
     "", "morning stiffness is rising from week to week: hold or reduce", ""},
    {Rule::persistent_pain, "persistent_pain", "Persistent pain", Evidence::expert,
     "Mayo Clinic (persistent pain around the Achilles)", Kind::symptom, WhenHigh::stop,
     Persistence::until_assessed, Unit::days, "{observed} of the last 7 days at 3/10 or more",
     "{observed} of the last 7 days at 3/10 or more",
     "Book an appointment with a doctor or sports physiotherapist, and cut running back to what is "
     "pain-free until then.",
     "", "persistent Achilles pain: see a doctor or physiotherapist", ""},
    {Rule::load_symptom_link, "load_symptom_link", "Load spike, then stiffness", Evidence::expert,
     "Frandsen et al., Br J Sports Med 2025; Silbernagel et al., Am J Sports Med 2007",
     Kind::symptom, WhenHigh::reduce, Persistence::week, Unit::points,
     "stiffness {observed}/10 vs a usual {baseline}/10", "stiffness {observed}/10",
     "Take the load back below the spike: no long, fast or hilly sessions until the morning "
     "stiffness is back to usual for a few days.",
     "",
     "the tendon is reacting to a load spike: take the load back, and see a physiotherapist if "
     "it does not settle",
     ""},
    {Rule::rupture_warning, "rupture_warning", "Possible rupture", Evidence::expert,
     "Mayo Clinic; sports physiotherapist (a pop or a kick at the back of the heel)", Kind::symptom,
     WhenHigh::reduce, Persistence::until_assessed, Unit::points, "pain {observed}/10",
     "pain {observed}/10",
     "Stop running and seek medical care immediately (emergency department or your doctor today).",
     "", "possible Achilles tendon rupture: stop running and seek medical care now", ""},
    {Rule::pain_after_run, "pain_after_run", "Pain after a run", Evidence::rct, k_silbernagel,
     Kind::symptom, WhenHigh::reduce, Persistence::week, Unit::points,
     "pain {observed}/10 after running (acceptable up to {baseline}/10)",
     "pain {observed}/10 after running",
     "Reduce the next sessions (shorter, slower, flatter) until pain after running stays at 5/10 "
     "or below and has settled by the next morning.",
     "", "pain after running above 5/10: reduce the load", ""},
    {Rule::footwear_transition, "footwear_transition", "Footwear transition", Evidence::expert,
     "Sports physiotherapist; Mayo Clinic (a rapid change to less cushioning or a lower heel "
     "drop). Malisoux et al., Am J Sports Med 2016 (RCT, 553 runners: drop alone did not change "
     "the overall injury risk)",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::share,
     "{observed}% of the week in shoes with a heel drop 4 mm or more lower ({baseline}% in the 30 "
     "days before)",
     "{observed}% of the week in shoes with a heel drop 4 mm or more lower",
     "Bring the lower-drop shoes in gradually: keep them to a short run or a small part of the "
     "week and add a little each week while the calves and Achilles adapt. In a trial, drop alone "
     "did not change the overall injury risk: this is about how fast the change comes, not about "
     "the shoes.",
     "", "a quick change to lower-drop shoes: bring them in gradually", ""},
    {Rule::minimalist_volume, "minimalist_volume", "Minimalist shoe volume", Evidence::rct,
     "Fuller et al., Am J Sports Med 2017 (RCT, 61 runners, a 26-week transition: pain rose "
     "above about 35 km a week in minimalist shoes)",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::km,
     "{observed} {unit} in minimalist shoes this week (pain rose above about {baseline} {unit} a "
     "week)",
     "{observed} {unit} in minimalist shoes",
     "Keep the weekly distance in minimalist shoes under about 35 km and run the rest in your "
     "usual "
     "shoes; in the trial the transition took 26 weeks.",
     "", "much running in minimalist shoes: keep it under about 35 km a week", ""},
    {Rule::shoe_worn, "shoe_worn", "Worn shoe", Evidence::plausible,
     "Lab studies of midsole cushioning (Cook et al. 1985; Verdejo and Mills 2004), not injury "
     "trials",
     Kind::load, WhenHigh::reduce, Persistence::week, Unit::km,
     "{observed} {unit} in this shoe (limit {baseline} {unit})", "{observed} {unit} in this shoe",
     "Consider a new pair, and retire this one with `runload gear retire`; or set a limit of your "
     "own with `runload gear edit NAME --limit-km KM`. The limit comes from lab studies in which "
     "the midsole's cushioning wore down with use; no injury trial has set a distance at which "
     "shoes must go.",
     "", "a shoe past its limit: consider a new pair", ""},
    {Rule::fluoroquinolone_window, "fluoroquinolone_window", "Fluoroquinolone antibiotic",
     Evidence::cohort,
     "FDA boxed warning 2008 and safety communication 2016; van der Linden et al., Arch Intern "
     "Med 2003; Morales et al., Clin Drug Investig 2019; Alves et al., Eur J Clin Pharmacol "
     "2019; Khaliq and Zhanel, Clin Infect Dis 2003",
     Kind::modifier, WhenHigh::reduce, Persistence::week, Unit::days,
     "{observed} days after the last dose (the window runs {baseline} days after it)",
     "day {observed} of the course",
     "Do not increase your running while the window lasts: next week no more than this week and "
     "no run longer than your recent longest. At the first sign of pain, swelling or stiffness "
     "in a tendon, stop running and tell the doctor who prescribed the antibiotic.",
     "Hold your running back while both windows last: no increase at all, and no hard, long or "
     "hilly sessions. At the first sign of pain, swelling or stiffness in a tendon, stop running "
     "and tell the doctor who prescribed them.",
     "a fluoroquinolone antibiotic weakens tendons: do not increase the load, and report tendon "
     "pain to the prescriber",
     "a fluoroquinolone with a corticosteroid: hold the load back, and report tendon pain to the "
     "prescriber"},
    {Rule::corticosteroid_window, "corticosteroid_window", "Oral corticosteroid", Evidence::cohort,
     "Morales et al., Clin Drug Investig 2019; van der Linden et al., Arch Intern Med 2003",
     Kind::modifier, WhenHigh::reduce, Persistence::week, Unit::days,
     "{observed} days after the last dose (the window runs {baseline} days after it)",
     "day {observed} of the course",
     "Do not increase your running during the course and the 30 days after it: next week no "
     "more than this week and no run longer than your recent longest. Tell your doctor about "
     "any tendon pain.",
     "", "an oral corticosteroid course: do not increase the load, and report tendon pain", ""},
    {Rule::prior_episode, "prior_episode", "Achilles episode in the last 12 months",
     Evidence::cohort,
     "Lagas et al., J Sci Med Sport 2020 (Achilles tendinopathy in the previous 12 months: odds "
     "ratio 6.3)",
     Kind::modifier, WhenHigh::reduce, Persistence::week, Unit::days,
     "{observed} days ago (it counts for {baseline} days)", "ongoing",
     "Build more slowly than you otherwise would: while it counts, the spike flags and next "
     "week's plan allow half the usual increase.",
     "", "an Achilles episode in the last 12 months: build slowly", ""},
    {Rule::cold_run, "cold_run", "Run in the cold", Evidence::expert,
     "Mayo Clinic (cold weather); Milgrom et al., Foot Ankle Int 2003 (winter training, military "
     "recruits); limited evidence",
     Kind::modifier, WhenHigh::reduce, Persistence::week, Unit::celsius,
     "{observed} °C (a run below {baseline} °C counts as cold)", "{observed} °C",
     "On cold days warm up for longer, keep the lower legs covered, and start the run slowly.", "",
     "a run in the cold: warm up for longer", ""},
}};

constexpr bool in_rule_order() {
  for (std::size_t i = 0; i < k_catalogue.size(); ++i)
    if (static_cast<std::size_t>(k_catalogue[i].rule) != i) return false;
  return true;
}
static_assert(in_rule_order(), "the catalogue lists every model::Rule once, in enum order");

bool high(model::Severity severity) {
  return severity >= model::Severity::high;
}

}  // namespace

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
  flag.unit = entry.unit;
  flag.date = date;
  flag.source = std::string(entry.source);
  flag.advice =
      std::string(high(severity) && !entry.advice_high.empty() ? entry.advice_high : entry.advice);
  return flag;
}

std::string advice_with_limit(model::Rule rule, std::string_view limit) {
  return fmt::format(fmt::runtime(spec(rule).advice), fmt::arg("limit", limit));
}

std::string_view headline(const model::Flag& flag) noexcept {
  const auto& entry = spec(flag.rule);
  return high(flag.severity) && !entry.headline_high.empty() ? entry.headline_high : entry.headline;
}

}  // namespace runload::rules
