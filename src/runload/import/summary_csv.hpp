#pragma once
// What the summary CSV readers (Strava, Garmin Connect, runload's own) share:
// reading the table and its header, and reporting a row's problem.

#include <optional>
#include <string>
#include <string_view>

#include <runload/import/csv_reader.hpp>
#include <runload/import/parse_result.hpp>

namespace runload::import {

struct SummaryTable {
  CsvTable table;    // views into the text given to open_summary_csv
  CsvHeader header;  // the first record
};

// The records of `text` and its header. nullopt, with the error in `result`,
// when the text cannot be read to the end (an unterminated quote) or holds
// no line at all (`empty_message`, "empty file: no ... header").
std::optional<SummaryTable> open_summary_csv(std::string_view text, const ParseContext& ctx,
                                             std::string_view empty_message, ParseResult& result);

// Adds an error of `ctx.file` at `line` to `result`.
void add_error(ParseResult& result, const ParseContext& ctx, std::optional<std::int64_t> line,
               std::string message);

}  // namespace runload::import
