#pragma once
// JSON values as every --json document writes them: unknown values are
// null, never 0 (DESIGN.md section 6), numbers rounded to what they mean.

#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <runload/text/numbers.hpp>

namespace runload::text {

using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// `value` rounded to `decimals` places, or null.
inline Json or_null(const std::optional<double>& value, int decimals) {
  return value ? Json(round_to(*value, decimals)) : Json(nullptr);
}

// Whole seconds, or null.
inline Json seconds_or_null(const std::optional<std::chrono::seconds>& value) {
  return value ? Json(value->count()) : Json(nullptr);
}

// Metres as kilometres to the metre, or null.
inline Json km_or_null(const std::optional<double>& metres) {
  return metres ? Json(round_to(*metres / 1000.0, 3)) : Json(nullptr);
}

// The document as printed: indented by 2, bytes that are not UTF-8 replaced
// (a file name from an old file system must not make the output invalid).
inline std::string dump(const Json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace runload::text
