#pragma once
// What `runload --version` says: the program's version and the database
// schema version it writes, so a runner can tell whether a database made by
// another build is older (it is migrated on open) or newer (refused).

#include <string>

namespace runload::app {

// "runload 0.1.0 (database schema 6)".
std::string version_line();

}  // namespace runload::app
