#include <runload/journal/exercises.hpp>

#include <fmt/format.h>

#include <array>
#include <vector>

#include <runload/text/ascii.hpp>

namespace runload::journal {
namespace {

constexpr std::array<Exercise, 7> k_exercises{{
    {"seated-calf-raise", "Seated calf raise (knee bent)", 1,
     "the lightest: about 0.5 x body weight at the tendon (Baxter et al., Med Sci Sports Exerc "
     "2021)",
     "one of the three exercises of heavy slow resistance (Beyer et al. 2015)"},
    {"double-leg-calf-raise", "Standing calf raise, both legs", 2,
     "heel raises and walking: 1.1 to 2.8 x body weight, the weight shared by both legs (Sancho "
     "et al., Phys Ther Sport 2023)",
     "the usual first standing exercise"},
    {"single-leg-calf-raise", "Single-leg calf raise", 3,
     "heel raises and walking: 1.1 to 2.8 x body weight (Sancho et al., Phys Ther Sport 2023)",
     "the heel-rise test is this exercise to fatigue"},
    {"eccentric-heel-drop", "Eccentric heel drop", 3,
     "no more than a single-leg raise (Weinert-Aplin et al., J Sports Sci Med 2015; Chaudhry et "
     "al., J Appl Biomech 2015)",
     "Alfredson et al., Am J Sports Med 1998: 3 x 15 with the knee straight and bent, twice a day "
     "for 12 weeks"},
    {"heavy-slow-resistance", "Heavy slow resistance (loaded calf raises)", 4,
     "a raise plus the weight added: the heaviest of the raises",
     "Beyer et al., Am J Sports Med 2015: 3 sessions a week, 3-4 sets from 15 down to 6 "
     "repetitions maximum over 12 weeks; as good as eccentric training, with better adherence"},
    {"hops", "Hops", 5,
     "running, jumping and hopping: 5 to 7 x body weight, the heaviest (Sancho et al., Phys Ther "
     "Sport 2023; Baxter et al., Med Sci Sports Exerc 2021)",
     "the last step before running; hop tests measure the side difference (Silbernagel et al. "
     "2006)"},
    {"isometric-hold", "Isometric calf hold", std::nullopt,
     "not ranked in the load studies read; depends on the hold",
     "van der Vlist et al., Scand J Med Sci Sports 2020: no immediate pain relief in Achilles "
     "tendinopathy"},
}};

}  // namespace

std::span<const Exercise> exercises() noexcept {
  return k_exercises;
}

const Exercise* find_exercise(std::string_view id) noexcept {
  for (const auto& exercise : k_exercises)
    if (exercise.id == id) return &exercise;
  return nullptr;
}

Checked<std::string> parse_exercise(std::string_view text) {
  const auto id = text::to_lower(text::trim_blank(text));
  if (find_exercise(id) != nullptr) return {id, {}};
  std::vector<std::string_view> ids;
  for (const auto& exercise : k_exercises) ids.push_back(exercise.id);
  return {std::nullopt, fmt::format("must be one of {}, not '{}'", fmt::join(ids, ", "), text)};
}

}  // namespace runload::journal
