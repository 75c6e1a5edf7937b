#include <runload/store/migrations.hpp>

namespace runload::store {

int latest_schema_version() {
  const auto& all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

}  // namespace runload::store
