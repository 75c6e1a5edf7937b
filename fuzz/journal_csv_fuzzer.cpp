// The journal CSV reader on arbitrary bytes. Besides the sanitizers, checks a
// round trip: whatever the reader accepts, writing it back and reading that
// gives the same entries and the same tendon records.

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

bool same_tendon(const runload::journal::CsvTendon& a, const runload::journal::CsvTendon& b) {
  if (a.visa_a.size() != b.visa_a.size() || a.heel_rise.size() != b.heel_rise.size() ||
      a.rehab.size() != b.rehab.size() || a.medications.size() != b.medications.size() ||
      a.episodes.size() != b.episodes.size())
    return false;
  for (std::size_t i = 0; i < a.visa_a.size(); ++i)
    if (a.visa_a[i].date != b.visa_a[i].date || a.visa_a[i].items != b.visa_a[i].items ||
        a.visa_a[i].q8_branch != b.visa_a[i].q8_branch || a.visa_a[i].q8 != b.visa_a[i].q8)
      return false;
  for (std::size_t i = 0; i < a.heel_rise.size(); ++i)
    if (a.heel_rise[i].date != b.heel_rise[i].date || a.heel_rise[i].left != b.heel_rise[i].left ||
        a.heel_rise[i].right != b.heel_rise[i].right)
      return false;
  for (std::size_t i = 0; i < a.rehab.size(); ++i) {
    const auto& x = a.rehab[i];
    const auto& y = b.rehab[i];
    if (x.date != y.date || x.exercise != y.exercise || x.sets != y.sets || x.reps != y.reps ||
        x.load_kg != y.load_kg || x.pain != y.pain)
      return false;
  }
  for (std::size_t i = 0; i < a.medications.size(); ++i) {
    const auto& x = a.medications[i];
    const auto& y = b.medications[i];
    if (x.name != y.name || x.kind != y.kind || x.from != y.from || x.to != y.to) return false;
  }
  for (std::size_t i = 0; i < a.episodes.size(); ++i) {
    const auto& x = a.episodes[i];
    const auto& y = b.episodes[i];
    if (x.from != y.from || x.to != y.to || x.note != y.note) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runload;
  const date::sys_days today = date::year{2024} / 6 / 30;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = journal::parse_journal_csv(text, today);
  if (!parsed.ok()) return 0;
  const auto written = journal::write_journal_csv(parsed.entries, parsed.tendon);
  const auto again = journal::parse_journal_csv(written, today);
  if (!again.ok() || again.entries.size() != parsed.entries.size()) std::abort();
  if (!same_tendon(parsed.tendon, again.tendon)) std::abort();
  for (std::size_t i = 0; i < parsed.entries.size(); ++i)
    if (!same(parsed.entries[i], again.entries[i])) std::abort();
  return 0;
}
