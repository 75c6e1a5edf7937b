#pragma once
// Which comparisons the history cannot judge yet (DESIGN.md section 3: until
// 28 days of history exist the ratios are warming up). A comparison whose
// baseline window starts before the first run says "no baseline yet"
// instead of comparing with days of nothing.

#include <string>
#include <vector>

#include <date/date.h>

#include <runload/model/flag.hpp>

namespace runload::analyze {

struct PendingBaseline {
  model::Rule rule;
  // The first day (a run form) or the Monday of the first week (a week form)
  // the rule can judge.
  date::sys_days ready_on{};
  std::string why;  // "needs the 30 days before a run"
};

// The comparisons of the week starting `monday` that lack a baseline, given
// the athlete's first day of history: the single-run forms (30 days before a
// run), the week-on-week jump (the week before), the week forms of the speed
// and hill spikes (the 3 weeks before), the ACWR and the weekend share (28
// days ending the Sunday). Each is listed once, with the day it can judge.
std::vector<PendingBaseline> pending_baselines(date::sys_days first_day, date::sys_days monday);

}  // namespace runload::analyze
