#pragma once
// One cell of a CSV file as runload writes them (RFC 4180).

#include <string>
#include <string_view>

namespace runload::text {

// `text` as a CSV cell: quoted, with its quotes doubled, when it holds a
// comma, a quote or a line break, or starts or ends with a space or a tab
// (which readers trim); as it is otherwise.
std::string csv_cell(std::string_view text);

}  // namespace runload::text
