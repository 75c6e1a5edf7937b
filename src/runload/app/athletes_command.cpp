#include <runload/app/athletes_command.hpp>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/json.hpp>
#include <runload/text/layout.hpp>

namespace runload::app {

using text::terminal_safe;

namespace {

constexpr std::size_t k_name_width = 20;

std::string date_or_dash(const std::optional<date::sys_days>& day) {
  return day ? model::format_date(*day) : std::string("-");
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::vector<store::AthleteSummary> list_athletes(Session& session) {
  return store::athlete_summaries(session.database(Access::read));
}

std::string athletes_text(const std::vector<store::AthleteSummary>& athletes) {
  std::string out = fmt::format("{}  {:<22}  {:>10}  {:>6}  {:>7}  {:<10}  {:<10}\n",
                                text::fit("name", k_name_width), "time zone", "activities", "runs",
                                "journal", "first", "last");
  for (const auto& a : athletes)
    out += fmt::format("{}  {:<22}  {:>10}  {:>6}  {:>7}  {:<10}  {:<10}\n",
                       text::fit(terminal_safe(a.athlete.name), k_name_width),
                       terminal_safe(a.athlete.timezone), a.activities, a.runs, a.journal_entries,
                       date_or_dash(a.first_activity), date_or_dash(a.last_activity));
  return out;
}

nlohmann::ordered_json athletes_json(const std::vector<store::AthleteSummary>& athletes) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& a : athletes)
    array.push_back({
        {"name", a.athlete.name},
        {"timezone", a.athlete.timezone},
        {"created_at", a.created_at},
        {"activities", a.activities},
        {"runs", a.runs},
        {"journal_entries", a.journal_entries},
        {"first_activity", a.first_activity ? nlohmann::ordered_json(date_or_dash(a.first_activity))
                                            : nlohmann::ordered_json(nullptr)},
        {"last_activity", a.last_activity ? nlohmann::ordered_json(date_or_dash(a.last_activity))
                                          : nlohmann::ordered_json(nullptr)},
    });
  return array;
}

void rename_athlete(Session& session, const std::string& old_name, const std::string& new_name) {
  store::check_athlete_name(new_name, "NEW");
  const auto athlete = store::find_athlete(session.database(Access::read), old_name, "OLD");
  store::rename_athlete(session.database(Access::write), athlete, new_name);
}

store::DeletedAthlete delete_athlete(Session& session, const std::string& name,
                                     Confirmed confirmed) {
  if (confirmed == Confirmed::no) {
    auto& db = session.database(Access::read);
    const auto athlete = store::find_athlete(db, name, "NAME");
    const auto contents = store::athlete_contents(db, athlete);
    throw UsageError(fmt::format(
        "'athletes delete {0}' deletes {1}, {2} and the record of {3} of '{0}', for good; "
        "add --yes to do it",
        terminal_safe(name), plural(contents.activities, "activity", "activities"),
        plural(contents.journal_entries, "journal entry", "journal entries"),
        plural(contents.imported_files, "imported file", "imported files")));
  }
  const auto athlete = store::find_athlete(session.database(Access::read), name, "NAME");
  return store::delete_athlete(session.database(Access::write), athlete);
}

store::ZoneChange set_athlete_zone(Session& session, const std::string& name,
                                   const std::string& zone) {
  store::check_time_zone(zone);
  const auto athlete = store::find_athlete(session.database(Access::read), name, "NAME");
  return store::set_time_zone(session.database(Access::write), athlete, zone);
}

std::string zone_change_text(const std::string& name, const std::string& zone,
                             const store::ZoneChange& c) {
  if (c.previous == zone)
    return fmt::format("the time zone of '{}' is {} already; nothing changed\n",
                       terminal_safe(name), zone);
  std::string out = fmt::format("time zone of '{}' changed from {} to {}\n", terminal_safe(name),
                                c.previous, zone);
  out += fmt::format("  {} with a UTC start kept {}; {} moved to another local day\n",
                     plural(c.instants_kept, "activity", "activities"),
                     c.instants_kept == 1 ? "its instant" : "their instants", c.dates_moved);
  out += fmt::format(
      "  {} in wall-clock time (Garmin Connect, runload CSV) kept {} local time; {} moved to "
      "another UTC instant\n",
      plural(c.wall_times_kept, "activity", "activities"), c.wall_times_kept == 1 ? "its" : "their",
      c.instants_moved);
  if (c.file_offsets > 0)
    out += fmt::format("  {} whose file stated the UTC offset kept both\n",
                       plural(c.file_offsets, "activity", "activities"));
  return out;
}

}  // namespace runload::app
