#include <runload/app/version.hpp>

#include <fmt/format.h>

#include <runload/store/migrations.hpp>

namespace runload::app {

std::string version_line() {
  return fmt::format("runload {} (database schema {})", RUNLOAD_VERSION,
                     store::latest_schema_version());
}

}  // namespace runload::app
