#pragma once
// The one dispatch from a file to the reader of its format: the reader
// function the command line hands to the Importer, and the one it uses for
// the members of an archive.

#include <cstddef>
#include <filesystem>
#include <string>

#include <runload/import/parse_result.hpp>

namespace runload::import {

// A gzip file (.fit.gz, .gpx.gz, ...) may inflate to at most this many bytes,
// the same as importer.hpp's k_max_file_bytes for a plain file: a gzip bomb is
// refused when inflating passes it, never held whole.
inline constexpr std::size_t k_max_inflated_bytes = 256ull * 1024 * 1024;

// Reads the activities of one file whose content is `bytes` (the reader may
// modify them in place). `path` is the file on disk or the member's name in
// an archive, for its name and extension; ctx.file labels Problems and
// Sources.
//
// The format is decided by content first, then by extension:
// - FIT: ".FIT" at byte 8 (or a .fit name): fit_reader;
// - TCX: an XML root <TrainingCenterDatabase> after an optional BOM and
//   white space (or a .tcx name): tcx_reader;
// - gzip: the magic 1f 8b (or a .gz name): inflated in memory up to
//   k_max_inflated_bytes, then dispatched again by its content and its name
//   without ".gz". Offsets of Problems inside are offsets in the inflated
//   data, and say so. A gzip inside a gzip is refused.
// - a zip archive ("PK\3\4") is refused here: the Importer reads archives
//   given as files, and an archive inside an archive is not read.
// Anything else is refused with an error saying what the file starts with.
// Every activity read passes import::retype_implausible: one that cannot be
// on foot is stored as `other`, with a warning saying why.
//
// Never throws for bad input: a file in no known format, or a broken one,
// comes back with errors naming ctx.file.
ParseResult read_file_bytes(const std::filesystem::path& path, std::string& bytes,
                            const ParseContext& ctx);

}  // namespace runload::import
