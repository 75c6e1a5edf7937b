#pragma once
// The shoes.csv of a Strava bulk export: the athlete's shoes with brand and
// model (`Shoe Name, Shoe Brand, Shoe Model, Shoe Default Sport Types`).
// Strava knows no heel drop; the runner sets it with `runload gear edit`.
//
// The export's activities.csv names a run's shoe in "Activity Gear" not by
// the "Shoe Name" column (a nickname, often blank) but as "<Brand> <Model>",
// followed by the nickname when there is one ("Saucony Kinvara 14 Blue").
// A shoe is therefore read with that name first and the others it may go by
// after it, so that the store can find the shoe the runs already named.

#include <string>
#include <string_view>
#include <vector>

#include <runload/import/parse_result.hpp>
#include <runload/model/gear.hpp>

namespace runload::import {

struct StravaShoe {
  model::Gear gear;  // gear.name: the name the export's runs give it
  // gear.name, then the other names it may go by (the nickname alone,
  // brand and model alone), without repeats.
  std::vector<std::string> names;
};

struct ShoesRead {
  std::vector<StravaShoe> shoes;  // in file order, names trimmed, never empty
  std::vector<Problem> errors;    // the file could not be read: no shoe of it is taken
};

// The name activities.csv gives a shoe: brand and model, then the nickname
// unless it is blank or repeats them (compared without case).
std::string strava_shoe_name(std::string_view brand, std::string_view model,
                             std::string_view nickname);

// Reads `text`. A row without a name, brand or model is skipped; a file
// without a "Shoe Name" or "Shoe Brand" column is an error.
ShoesRead read_strava_shoes(std::string_view text, const ParseContext& ctx);

}  // namespace runload::import
