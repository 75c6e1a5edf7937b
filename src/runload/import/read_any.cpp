#include <runload/import/read_any.hpp>

#include <fmt/format.h>

namespace runload::import {

ParseResult read_file_bytes(const std::filesystem::path& path, std::string& /*bytes*/,
                            const ParseContext& ctx) {
  ParseResult result;
  const std::string extension = path.extension().string();
  result.errors.push_back(Problem{ctx.file, std::nullopt, std::nullopt,
                                  extension.empty()
                                      ? std::string("unknown format: the file has no extension")
                                      : fmt::format("unknown format '{}'", extension)});
  return result;
}

}  // namespace runload::import
