#pragma once

#include <string>
#include <vector>

namespace runload::test {

// The heel drops of the demo history's shoes, as scripts/demo.sh sets them
// (Strava's shoes.csv names brand and model but not the drop): the shoe
// change of 2026-W38 is judged only once they are known.
inline std::vector<std::vector<std::string>> sample_gear_edits() {
  return {{"gear", "edit", "Brooks Ghost 15", "--drop", "12"},
          {"gear", "edit", "Saucony Endorphin Speed 3", "--drop", "8"},
          {"gear", "edit", "Saucony Kinvara 14", "--drop", "4"}};
}

}  // namespace runload::test
