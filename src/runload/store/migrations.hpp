#pragma once
// The schema migrations compiled into the binary from migrations/NNNN_name.sql.

#include <string_view>
#include <vector>

namespace runload::store {

struct Migration {
  int version;            // NNNN of the file name; user_version after it is applied
  std::string_view name;  // file name without extension
  std::string_view sql;
};

// Every embedded migration, in ascending version order.
const std::vector<Migration>& embedded_migrations();

// The schema version this binary produces: the highest embedded version.
int latest_schema_version();

}  // namespace runload::store
