#include <runload/import/summary_csv.hpp>

namespace runload::import {

void add_error(ParseResult& result, const ParseContext& ctx, std::optional<std::int64_t> line,
               std::string message) {
  result.errors.push_back(Problem{ctx.file, line, std::nullopt, std::move(message)});
}

std::optional<SummaryTable> open_summary_csv(std::string_view text, const ParseContext& ctx,
                                             std::string_view empty_message, ParseResult& result) {
  CsvTable table = parse_csv(text);
  if (table.error()) {
    add_error(result, ctx, table.error()->line, table.error()->message);
    return std::nullopt;
  }
  if (table.records().empty()) {
    add_error(result, ctx, std::nullopt, std::string(empty_message));
    return std::nullopt;
  }
  CsvHeader header(table.records().front());
  return SummaryTable{std::move(table), std::move(header)};
}

}  // namespace runload::import
