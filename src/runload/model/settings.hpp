#pragma once
// An athlete's settings as stored (`runload config`, migrations/
// 0010_settings.sql): the keys the runner set, each with its value as text.
// A key that is not here has its default. What the keys are, their defaults
// and safe ranges, and how a value is read, is rules/settings.hpp; this is
// the plain value the store returns and app/ hands on.

#include <map>
#include <string>

namespace runload::model {

struct Settings {
  // Key -> value as given to `config set` (already checked against its
  // range), only the keys set.
  std::map<std::string, std::string> values;
};

}  // namespace runload::model
