#include <runload/import/sport_labels.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include <runload/text/ascii.hpp>
#include <runload/text/fold.hpp>

namespace runload::import {
namespace {

using model::Sport;

// Words are matched inside the folded label padded with spaces, so a word
// written with a leading space (" ride") only matches at the start of a word
// ("Ride", "E-Bike Ride", not "Stride"), and one without also matches inside
// compounds ("Traillauf", "Laufband", "Terepfutás").

// Not on foot, though the label holds a word that would read as one:
// "Skilanglauf", "Langlaufen" (cross-country skiing), "Wheelchair push run",
// "Bike to run transition", "Virtual Row".
constexpr std::array<std::string_view, 26> k_not_on_foot{
    "ski",       " sci ",    "esqui",      "langlauf", "snowboard", "skat",  "schaats",
    "patin",     " row",     "ruder",      "aviron",   " remo",     " roei", " evez",
    "kayak",     "kajak",    "canoe",      "kanu",     "canoa",     "paddl", "wheelchair",
    "rollstuhl", "fauteuil", "transition", "snowshoe", "yoga"};

// " velo " is a whole word: "veloce" and "velocidad" (speed) name fast walks.
constexpr std::array<std::string_view, 21> k_cycling{
    " ride", "cycl",     "cicl",    "bik",     "bici",     " velo ",   "velomobil",
    "fiets", "wielren",  "radfahr", "fahrrad", "radsport", "rennrad",  "radtour",
    "pedal", "kerekpar", "bicikl",  " vtt ",   " btt ",    "spinning", " spin "};

constexpr std::array<std::string_view, 18> k_running{
    " run",      "lauf",     "jog",    "course",  "carrera", "correr",
    "corsa",     "corrida",  "hardlo", "trail",   "futas",   "futopad",
    "treadmill", "loopband", "tapis",  "esteira", " cinta",  "sentier"};

constexpr std::array<std::string_view, 2> k_virtual{"virtu", "zwift"};
constexpr std::array<std::string_view, 15> k_treadmill{
    "treadmill", "laufband",  "loopband", "tapis",   "esteira",
    " cinta",    "futopad",   "indoor",   "drinnen", "interieur",
    " interior", "al chiuso", "binnen",   "belteri", "hometrainer"};
constexpr std::array<std::string_view, 10> k_trail{"trail",     "sentier",     "montan", "montagn",
                                                   "berglauf",  "gelandelauf", "terep",  "trilha",
                                                   "crosslauf", "fell"};

constexpr std::array<std::string_view, 9> k_swimming{
    "swim", "schwimm", "natation", "natacion", "natacao", "nuoto", "zwem", "uszas", " nage"};
constexpr std::array<std::string_view, 15> k_hiking{
    "hik",       "wander", "randonn",     "senderis",   "excursi",
    "escursion", "trek",   "mountaineer", "bergsteig",  "alpinis",
    "turaz",     "trilha", "wandeltocht", "bergwandel", "bushwalk"};
constexpr std::array<std::string_view, 11> k_walking{
    "walk",     "spazier",    "gehen",    "marche", "caminat", "caminar",
    "camminat", "passeggiat", "caminhad", "wandel", "gyalog"};

template <std::size_t N>
bool has_any(const std::string& padded, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return padded.find(word) != std::string::npos; });
}

// " trail run " for "TrailRun", "trail_running", "Trail-Run" or "TRAIL RUN":
// CamelCase split, separators as spaces, folded, padded.
std::string padded_words(std::string_view label) {
  std::string split;
  split.reserve(label.size() + 8);
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char c = label[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && label[i - 1] >= 'a' && label[i - 1] <= 'z') split.push_back(' ');
    const bool separator = c == '_' || c == '-' || c == '/' || c == ',' || c == '.' || c == '(' ||
                           c == ')' || c == ':' || c == '+' || c == '&';
    split.push_back(separator ? ' ' : c);
  }
  return " " + text::fold_for_matching(split) + " ";
}

Sport running_kind(const std::string& padded) {
  if (has_any(padded, k_virtual)) return Sport::virtual_run;
  if (has_any(padded, k_treadmill)) return Sport::treadmill_run;
  if (has_any(padded, k_trail)) return Sport::trail_run;
  return Sport::run;
}

}  // namespace

model::Sport sport_from_label(std::string_view label) {
  label = text::trim_blank(label);
  if (label.empty()) return Sport::run;
  const std::string padded = padded_words(label);
  if (has_any(padded, k_not_on_foot)) return Sport::other;
  if (has_any(padded, k_cycling)) return Sport::ride;
  if (has_any(padded, k_running)) return running_kind(padded);
  if (has_any(padded, k_swimming)) return Sport::swim;
  if (has_any(padded, k_hiking)) return Sport::hike;
  if (has_any(padded, k_walking)) return Sport::walk;
  return Sport::other;
}

std::optional<model::Sport> strava_gpx_type(std::string_view text) {
  text = text::trim_blank(text);
  unsigned code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  // The codes open-source readers of Strava's GPX agree on (docs/import.md):
  // 2 Alpine Ski and 23 Rowing are sports, but not running ones.
  constexpr std::array<std::pair<unsigned, Sport>, 5> k_codes{{
      {1, Sport::ride},
      {4, Sport::hike},
      {9, Sport::run},
      {10, Sport::walk},
      {16, Sport::swim},
  }};
  for (const auto& [number, sport] : k_codes)
    if (number == code) return sport;
  return Sport::other;
}

model::Sport tcx_sport(std::string_view attribute) {
  if (text::trim_blank(attribute).empty()) return Sport::other;
  return sport_from_label(attribute);
}

model::Sport fit_sport(std::optional<int> sport, std::optional<int> sub_sport) {
  // FIT profile, enums "sport" and "sub_sport".
  constexpr int k_fit_running = 1, k_fit_cycling = 2, k_fit_fitness_equipment = 4,
                k_fit_swimming = 5, k_fit_walking = 11, k_fit_mountaineering = 16,
                k_fit_hiking = 17, k_fit_e_biking = 21;
  constexpr int k_fit_treadmill = 1, k_fit_trail = 3, k_fit_indoor_running = 45,
                k_fit_virtual_activity = 58;
  const int sub = sub_sport.value_or(0);
  switch (sport.value_or(-1)) {
    case k_fit_running:
      if (sub == k_fit_treadmill || sub == k_fit_indoor_running) return Sport::treadmill_run;
      if (sub == k_fit_trail) return Sport::trail_run;
      if (sub == k_fit_virtual_activity) return Sport::virtual_run;
      return Sport::run;
    case k_fit_fitness_equipment:
      return sub == k_fit_treadmill ? Sport::treadmill_run : Sport::other;
    case k_fit_cycling:
    case k_fit_e_biking:
      return Sport::ride;
    case k_fit_swimming:
      return Sport::swim;
    case k_fit_walking:
      return Sport::walk;
    case k_fit_hiking:
    case k_fit_mountaineering:
      return Sport::hike;
    default:
      return Sport::other;
  }
}

}  // namespace runload::import
