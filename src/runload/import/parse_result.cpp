#include <runload/import/parse_result.hpp>

#include <fmt/format.h>

namespace runload::import {

std::string describe(const Problem& problem) {
  if (problem.line) return fmt::format("{}:{}: {}", problem.file, *problem.line, problem.message);
  if (problem.offset)
    return fmt::format("{}: byte {}: {}", problem.file, *problem.offset, problem.message);
  return fmt::format("{}: {}", problem.file, problem.message);
}

}  // namespace runload::import
