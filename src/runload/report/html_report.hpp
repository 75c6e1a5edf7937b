#pragma once
// The weekly report as one self-contained HTML page (`report --html FILE`):
// inline CSS and inline SVG charts drawn here, no script, no network.
// Pure: values in, a string out.
//
// Sections: header (athlete, zone, week, dates); this week's numbers; charts
// of the weeks shown (distance bars with the next-week envelope and the
// longest run, climb, fast distance, a morning-stiffness line); the flags as
// cards, worst first, with severity word, numbers, message, advice and
// source; the symptoms day by day; the envelope; the disclaimer. Every user
// string (names, notes, zone) and every message is escaped with
// html_escape().

#include <string>

#include <runload/analyze/analysis.hpp>
#include <runload/report/report_meta.hpp>

namespace runload::report {

std::string html_report(const ReportMeta& meta, const analyze::Report& report);

}  // namespace runload::report
