#pragma once
// What the renderers need besides the analyzer's Report: who and where.

#include <optional>
#include <string>

#include <date/date.h>

namespace runload::report {

struct ReportMeta {
  std::string athlete;   // the athlete's name, as stored (untrusted text)
  std::string timezone;  // IANA name the local days are in
  // The local date of the athlete's earliest run; nullopt when no run is
  // stored at all (the report then says how to import).
  std::optional<date::sys_days> first_run;
};

// The closing line of every report.
inline constexpr std::string_view k_disclaimer =
    "runload informs; it does not diagnose. Pain that persists, or a pop at the back of the "
    "heel, needs a doctor or physiotherapist.";

}  // namespace runload::report
