#pragma once
// The rehab exercises runload logs (`runload rehab EXERCISE`), the ones
// clinicians prescribe for Achilles tendinopathy, in the order of how much
// they load the tendon where the literature gives it (docs/TENDON.md):
//
//   1 seated calf raise          about 0.5 x body weight (Baxter et al. 2021)
//   2 standing calf raise, both legs   } heel raises and walking, 1.1-2.8 x
//   3 single-leg calf raise            } body weight (Sancho et al. 2023)
//   3 eccentric heel drop        no more than a single-leg raise (Weinert-
//                                Aplin et al. 2015; Chaudhry et al. 2015)
//   4 heavy slow resistance      loaded raises: as heavy as the weight added
//   5 hops                       5-7 x body weight (Sancho et al. 2023;
//                                Baxter et al. 2021)
//   - isometric hold             not ranked in the load studies read
//
// Inverse-dynamics figures (Baxter, Sancho) and in-vivo measurements differ
// in absolute value; only the order is used.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <runload/journal/validation.hpp>

namespace runload::journal {

struct Exercise {
  std::string_view id;     // "eccentric-heel-drop"
  std::string_view title;  // "Eccentric heel drop"
  // 1 the lightest; nullopt when the sources read do not rank it.
  std::optional<int> load_rank;
  std::string_view load;    // the tendon load, with its source
  std::string_view source;  // the protocol or trial
};

// Every exercise: by load_rank, the unranked last.
std::span<const Exercise> exercises() noexcept;

// The exercise with this id, or nullptr.
const Exercise* find_exercise(std::string_view id) noexcept;

// A catalogue id, any case: "must be one of seated-calf-raise, ..., not 'x'".
Checked<std::string> parse_exercise(std::string_view text);

}  // namespace runload::journal
