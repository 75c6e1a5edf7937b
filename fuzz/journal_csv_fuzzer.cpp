// The journal CSV reader on arbitrary bytes. Besides the sanitizers, checks a
// round trip: whatever the reader accepts, writing it back and reading that
// gives the same entries.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <runload/journal/journal_csv.hpp>

namespace {

bool same(const runload::model::JournalEntry& a, const runload::model::JournalEntry& b) {
  return a.date == b.date && a.stiffness == b.stiffness &&
         a.stiffness_minutes == b.stiffness_minutes && a.pain_run == b.pain_run &&
         a.pain_after == b.pain_after && a.swelling == b.swelling && a.pop == b.pop &&
         a.side == b.side && a.note == b.note;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload;
  const date::sys_days today = date::year{2024} / 6 / 30;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = journal::parse_journal_csv(text, today);
  if (!parsed.ok()) return 0;
  const auto written = journal::write_journal_csv(parsed.entries);
  const auto again = journal::parse_journal_csv(written, today);
  if (!again.ok() || again.entries.size() != parsed.entries.size()) std::abort();
  for (std::size_t i = 0; i < parsed.entries.size(); ++i)
    if (!same(parsed.entries[i], again.entries[i])) std::abort();
  return 0;
}
