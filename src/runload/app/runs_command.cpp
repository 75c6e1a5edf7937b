#include <runload/app/runs_command.hpp>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>
#include <runload/text/numbers.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::app {

using text::Json;
using text::km_or_null;
using text::or_null;
using text::seconds_or_null;
using text::terminal_safe;

namespace {

constexpr std::array k_sports{
    model::Sport::run,         model::Sport::trail_run, model::Sport::treadmill_run,
    model::Sport::virtual_run, model::Sport::walk,      model::Sport::hike,
    model::Sport::ride,        model::Sport::swim,      model::Sport::other};
constexpr std::string_view k_running = "running";

std::vector<std::string> sport_names() {
  std::vector<std::string> names;
  for (const auto sport : k_sports) names.emplace_back(model::to_string(sport));
  return names;
}

bool matches(const SportFilter& filter, model::Sport sport) {
  if (filter.running) return model::is_running(sport);
  return !filter.sport || *filter.sport == sport;
}

// The athlete's activity `id`, or UsageError. Upkeep acts on what exists:
// the athlete is found as for reading, never created.
store::ActivityDetails owned_activity(Session& session, std::int64_t id) {
  auto& db = session.database(Access::read);
  const auto& athlete = session.athlete(Access::read);
  auto details = store::ActivityRepository(db).details(athlete.id, id);
  if (!details)
    throw UsageError(fmt::format("no activity {} of '{}'; 'runload runs' lists the ids", id,
                                 terminal_safe(athlete.name)));
  return std::move(*details);
}

std::string pace_text(const model::Activity& a, model::Units u) {
  const auto time = a.moving ? a.moving : a.elapsed;
  if (!a.distance_m || *a.distance_m < 1.0 || !time) return "-";
  return text::pace_text(static_cast<double>(time->count()) / (*a.distance_m / 1000.0), u);
}

std::string origin_text(model::OffsetOrigin origin) {
  switch (origin) {
    case model::OffsetOrigin::file:
      return "stated by the file";
    case model::OffsetOrigin::zone:
      return "from the athlete's zone at a UTC start (a zone change keeps the instant)";
    case model::OffsetOrigin::wall_clock:
      return "from the athlete's zone for a wall-clock start (a zone change keeps the wall "
             "time)";
  }
  return "";
}

std::string offset_text(std::chrono::seconds offset) {
  const auto total = offset.count();
  const auto magnitude = total < 0 ? -total : total;
  return fmt::format("{}{:02}:{:02}", total < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
}

template <typename T>
std::string number_or_dash(const std::optional<T>& value, std::string_view unit, int decimals) {
  if (!value) return "-";
  return fmt::format("{:.{}f}{}", static_cast<double>(*value), decimals, unit);
}

void check_printable(const std::optional<std::string>& value, std::string_view option,
                     bool may_be_empty) {
  if (!value || (may_be_empty && value->empty())) return;
  if (const auto problem = text::printable_text_problem(*value))
    throw UsageError(fmt::format("{} '{}' {}", option, terminal_safe(*value), *problem));
}

// What of a track is kept: the histograms later thresholds and heart rates use.
std::string track_text(const model::Activity& a) {
  if (a.has_track())
    return a.heart_rate_histogram ? "yes (speed, grade and heart-rate histograms stored)"
                                  : "yes (speed and grade histograms stored)";
  return a.heart_rate_histogram ? "without positions (heart-rate histogram stored)" : "no";
}

}  // namespace

SportFilter parse_sport_filter(const std::string& text) {
  if (text == k_running) return SportFilter{std::nullopt, true};
  if (const auto sport = model::sport_from_string(text)) return SportFilter{sport, false};
  auto names = sport_names();
  names.emplace_back(k_running);
  throw UsageError(fmt::format("--sport '{}' is not a sport{}; expected one of {}",
                               terminal_safe(text), text::did_you_mean(text, names),
                               fmt::join(names, ", ")));
}

model::Sport parse_sport(const std::string& text, std::string_view option) {
  if (const auto sport = model::sport_from_string(text)) return *sport;
  const auto names = sport_names();
  throw UsageError(fmt::format("{} '{}' is not a sport{}; expected one of {}", option,
                               terminal_safe(text), text::did_you_mean(text, names),
                               fmt::join(names, ", ")));
}

Message unusable_warning(const store::UnusableActivity& u) {
  return Message{Message::Level::warning,
                 fmt::format("skipped activity {} (started {}): {}; 'runload runs delete {}' "
                             "removes it",
                             u.id, u.start_utc, terminal_safe(u.reason), u.id)};
}

ActivityList list_activities(Session& session, const store::LocalDateRange& range,
                             const SportFilter& filter) {
  if (range.from && range.to && *range.from > *range.to)
    throw UsageError(fmt::format("--since {} is after --until {}", model::format_date(*range.from),
                                 model::format_date(*range.to)));
  auto& db = session.database(Access::read);
  const auto& athlete = session.athlete(Access::read);
  ActivityList result;
  if (!session.athlete_stored(Access::read)) return result;
  std::vector<store::UnusableActivity> unusable;
  auto all =
      store::ActivityRepository(db).list(athlete.id, range, store::WithHistograms::no, &unusable);
  std::copy_if(all.begin(), all.end(), std::back_inserter(result.activities),
               [&](const model::Activity& a) { return matches(filter, a.sport); });
  for (const auto& u : unusable) result.messages.push_back(unusable_warning(u));
  return result;
}

Json runs_json(const std::vector<model::Activity>& activities) {
  auto array = Json::array();
  for (const auto& a : activities) {
    auto sources = Json::array();
    for (const auto& s : a.sources)
      sources.push_back({{"format", s.format}, {"file", s.file}, {"line", or_null(s.line)}});
    array.push_back({
        {"id", *a.id},
        {"start_utc", model::format_utc(a.start_utc)},
        {"local_date", model::format_date(a.local_date())},
        {"sport", model::to_string(a.sport)},
        {"name", a.name},
        {"distance_km", km_or_null(a.distance_m)},
        {"elapsed_s", seconds_or_null(a.elapsed)},
        {"moving_s", seconds_or_null(a.moving)},
        {"elevation_gain_m", or_null(a.elevation_gain_m, 1)},
        {"avg_hr", or_null(a.avg_hr, 1)},
        {"gear", or_null(a.gear)},
        {"sources", sources},
    });
  }
  return array;
}

store::ActivityDetails show_activity(Session& session, std::int64_t id) {
  return owned_activity(session, id);
}

std::string activity_text(const store::ActivityDetails& details, model::Units u) {
  const auto& a = details.activity;
  const auto local = a.start_utc + a.utc_offset;
  const auto edited = [&](std::string_view field) {
    return std::find(details.edited.begin(), details.edited.end(), field) != details.edited.end()
               ? "  (set with 'runs set')"
               : "";
  };
  std::string out;
  out += fmt::format("activity      {}\n", *a.id);
  out += fmt::format("name          {}{}\n", a.name.empty() ? "-" : terminal_safe(a.name),
                     edited("name"));
  out += fmt::format("sport         {}{}{}\n", model::to_string(a.sport),
                     model::is_running(a.sport) ? "" : " (not counted as running load)",
                     edited("sport"));
  out += fmt::format("start (UTC)   {}\n", model::format_utc(a.start_utc));
  out += fmt::format("start (local) {} {} (UTC{}, {})\n", model::format_date(a.local_date()),
                     date::format("%H:%M:%S", local - date::floor<date::days>(local)),
                     offset_text(a.utc_offset), origin_text(a.offset_origin));
  out += fmt::format("distance      {}\n",
                     a.distance_m ? text::distance_text(*a.distance_m, u, 3) : "-");
  out += fmt::format("elapsed       {}\n", text::duration_text(a.elapsed));
  out += fmt::format("moving        {}\n", text::duration_text(a.moving));
  out += fmt::format("pace          {}\n", pace_text(a, u));
  const auto climb = [u](const std::optional<double>& m) {
    return m ? text::height_text(*m, u) : std::string("-");
  };
  out += fmt::format("climb         {} up, {} down\n", climb(a.elevation_gain_m),
                     climb(a.elevation_loss_m));
  out += fmt::format("heart rate    {} average, {} max\n", number_or_dash(a.avg_hr, "", 0),
                     number_or_dash(a.max_hr, "", 0));
  out += fmt::format("cadence       {} average, {} max\n", number_or_dash(a.avg_cadence, "", 0),
                     number_or_dash(a.max_cadence, "", 0));
  out += fmt::format("gear          {}{}\n", a.gear ? terminal_safe(*a.gear) : "-", edited("gear"));
  out += fmt::format("track         {}\n", track_text(a));
  out += fmt::format("stored        {}\n", details.created_at);
  out += "sources\n";
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const auto& s = a.sources[i];
    out += fmt::format("  {:<12} {}{}\n", terminal_safe(s.format), terminal_safe(s.file),
                       s.line ? fmt::format(":{}", *s.line) : std::string());
    if (i < details.source_hash.size())
      out += fmt::format("  {:<12} content_hash {}\n", "", details.source_hash[i]);
  }
  return out;
}

Json activity_json(const store::ActivityDetails& details) {
  const auto& a = details.activity;
  auto doc = runs_json({a}).front();
  auto sources = Json::array();
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const auto& s = a.sources[i];
    sources.push_back(
        {{"format", s.format},
         {"file", s.file},
         {"line", or_null(s.line)},
         {"content_hash",
          i < details.source_hash.size() ? Json(details.source_hash[i]) : Json(nullptr)}});
  }
  doc["sources"] = sources;
  doc["utc_offset_s"] = a.utc_offset.count();
  doc["offset_origin"] = a.offset_origin == model::OffsetOrigin::file   ? "file"
                         : a.offset_origin == model::OffsetOrigin::zone ? "zone"
                                                                        : "wall_clock";
  doc["elevation_loss_m"] = or_null(a.elevation_loss_m, 1);
  doc["max_hr"] = or_null(a.max_hr, 1);
  doc["avg_cadence"] = or_null(a.avg_cadence, 1);
  doc["max_cadence"] = or_null(a.max_cadence, 1);
  doc["has_track"] = a.has_track();
  doc["edited"] = details.edited;
  doc["created_at"] = details.created_at;
  return doc;
}

std::vector<model::Activity> delete_activities(Session& session,
                                               const std::vector<std::int64_t>& ids) {
  if (ids.empty()) throw UsageError("runs delete needs the id of at least one activity");
  for (const auto id : ids) owned_activity(session, id);
  const auto athlete_id = session.athlete(Access::read).id;
  return store::ActivityRepository(session.database(Access::write)).remove(athlete_id, ids);
}

model::Activity edit_activity(Session& session, std::int64_t id, const store::ActivityEdit& edit) {
  if (!edit.sport && !edit.name && !edit.gear)
    throw UsageError("runs set needs what to set: --sport S, --name N or --gear G");
  check_printable(edit.name, "--name", true);
  check_printable(edit.gear, "--gear", true);
  owned_activity(session, id);
  return store::ActivityRepository(session.database(Access::write)).set_fields(id, edit);
}

std::string describe_activity(const model::Activity& a, model::Units u) {
  std::string text = fmt::format("{} ({}, {}", a.id.value_or(0), model::format_date(a.local_date()),
                                 model::to_string(a.sport));
  if (a.distance_m) text += ", " + text::distance_text(*a.distance_m, u, 2);
  if (!a.name.empty()) text += fmt::format(", \"{}\"", terminal_safe(a.name));
  return text + ")";
}

}  // namespace runload::app
