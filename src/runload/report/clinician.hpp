#pragma once
// `runload report --clinician`: one printable page for an appointment with
// a physiotherapist or doctor (docs/TENDON.md). The status; the load week by
// week beside rehab, VISA-A and morning stiffness; the flags in force; the
// symptoms over the weeks shown (worst pain, pops, assessments); the tendon's
// records (VISA-A, heel-rise, rehab adherence, medications, episodes). As
// text (at most 80 columns, about one printed page for 8 weeks) or as a
// self-contained HTML page laid out for A4. Pure: values in, a string out.

#include <string>

#include <runload/analyze/analysis.hpp>
#include <runload/report/report_meta.hpp>

namespace runload::report {

std::string clinician_text(const ReportMeta& meta, const analyze::Report& report);
std::string clinician_html(const ReportMeta& meta, const analyze::Report& report);

}  // namespace runload::report
