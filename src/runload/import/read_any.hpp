#pragma once
// The one dispatch from a file to the reader of its format: the reader
// function the command line hands to the Importer.

#include <filesystem>
#include <string>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// Reads the activities of one file whose content is `bytes` (the reader may
// modify them in place). `path` is the file on disk, for its name and
// extension; ctx.file labels Problems and Sources.
// Never throws for bad input: a file in no known format, or a broken one,
// comes back with errors naming ctx.file.
ParseResult read_file_bytes(const std::filesystem::path& path, std::string& bytes,
                            const ParseContext& ctx);

}  // namespace runload::import
