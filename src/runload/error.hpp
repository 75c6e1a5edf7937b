#pragma once
// Error kinds that cross the core/CLI boundary. The CLI maps each to an exit
// code of DESIGN.md section 6; the core never prints them itself.

#include <stdexcept>
#include <string>

namespace runload {

// The command line or a value given on it is wrong (exit 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be opened, is not runload's, is newer than this binary,
// or a write failed (exit 3).
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace runload
