#include <runload/import/garmin_csv.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <runload/import/localized_date.hpp>
#include <runload/import/sport_labels.hpp>
#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

constexpr double k_metres_per_mile = 1609.344;
constexpr double k_metres_per_yard = 0.9144;
constexpr double k_metres_per_foot = 0.3048;

// The names of each column in English, German, French, Spanish, Italian,
// Dutch, Portuguese and Hungarian exports, with their sources in
// docs/import.md ("Garmin Connect CSV"): several versions of the English
// and German headers, real French, Portuguese and Hungarian names, a real
// reduced Spanish header, Italian from a script that writes the format,
// Dutch from a loader's column names. Names marked there as inferred are
// Garmin Connect's own words for the fields, not seen in an export.
constexpr std::array<std::string_view, 8> k_type{
    "Activity Type",    "Aktivitätstyp",  "Type d'activité",   "Tipo de actividad",
    "Tipo di attività", "Activiteittype", "Tipo de atividade", "Tevékenység típusa"};
// French writes "Date" as English does, Dutch "Datum" as German, Italian
// and Portuguese "Data".
constexpr std::array<std::string_view, 5> k_date{"Date", "Datum", "Fecha", "Data", "Dátum"};
constexpr std::array<std::string_view, 6> k_title{"Title",  "Titel",  "Titre",
                                                  "Título", "Titolo", "Cím"};
constexpr std::array<std::string_view, 7> k_distance{
    "Distance", "Distanz", "Distancia", "Distanza", "Afstand", "Distância", "Távolság"};
// The timer's total ("Time" until about 2026, then "Total Time").
constexpr std::array<std::string_view, 13> k_time{
    "Time",  "Total Time", "Activity Time", "Zeit", "Gesamtzeit", "Durée", "Tiempo", "Tiempo total",
    "Tempo", "Tijd",       "Tempo total",   "Idő",  "Teljes idő"};
constexpr std::array<std::string_view, 8> k_elapsed{
    "Elapsed Time",    "Verstrichene Zeit", "Temps écoulé",       "Tiempo transcurrido",
    "Tempo trascorso", "Verstreken tijd",   "Tempo transcorrido", "Eltelt idő"};
constexpr std::array<std::string_view, 9> k_moving{
    "Moving Time",          "Zeit in Bewegung",     "Bewegungszeit",
    "Temps de déplacement", "Tiempo en movimiento", "Tempo in movimento",
    "Tijd bewogen",         "Tempo em movimento",   "Mozgási idő"};
constexpr std::array<std::string_view, 11> k_avg_hr{"Avg HR",
                                                    "Ø HF",
                                                    "Ø Herzfrequenz",
                                                    "Fréquence cardiaque moyenne",
                                                    "Frecuencia cardiaca media",
                                                    "FC Media",
                                                    "Gem. HS",
                                                    "Gem HS",
                                                    "FC Média",
                                                    "Átlagos pulzusszám",
                                                    "Frecuencia cardíaca media"};
constexpr std::array<std::string_view, 11> k_max_hr{"Max HR",
                                                    "Max. HF",
                                                    "Maximale Herzfrequenz",
                                                    "Fréquence cardiaque maximale",
                                                    "Frecuencia cardiaca máxima",
                                                    "FC max",
                                                    "Max. HS",
                                                    "Max HS",
                                                    "FC máxima",
                                                    "Max pulzus",
                                                    "Maximális pulzusszám"};
constexpr std::array<std::string_view, 8> k_avg_cadence{
    "Avg Run Cadence",           "Ø Schrittfrequenz (Laufen)",
    "Cadence de course moyenne", "Cadencia de carrera media",
    "Cadenza di corsa media",    "Gemiddelde loopcadans",
    "Cadência de corrida média", "Átl. pedálütem"};
constexpr std::array<std::string_view, 8> k_max_cadence{"Max Run Cadence",
                                                        "Max. Schrittfrequenz (Laufen)",
                                                        "Cadence de course maximale",
                                                        "Cadencia de carrera máxima",
                                                        "Cadenza di corsa max",
                                                        "Max. loopcadans",
                                                        "Cadência de corrida máxima",
                                                        "Max. pedálütem"};
constexpr std::array<std::string_view, 11> k_ascent{
    "Total Ascent",     "Elev Gain",        "Positiver Höhenunterschied",
    "Anstieg gesamt",   "Ascension totale", "Ascenso total",
    "Ascesa totale",    "Totale stijging",  "Subida total",
    "Teljes emelkedés", "Gesamtanstieg"};
constexpr std::array<std::string_view, 11> k_descent{
    "Total Descent",    "Elev Loss",       "Negativer Höhenunterschied",
    "Abstieg gesamt",   "Descente totale", "Descenso total",
    "Discesa totale",   "Totale daling",   "Descida total",
    "Teljes süllyedés", "Gesamtabstieg"};

struct Columns {
  std::optional<std::size_t> type, date, title, distance, time, elapsed, moving, avg_hr, max_hr,
      avg_cadence, max_cadence, ascent, descent;
};

Columns locate(const HeaderIndex& h) {
  Columns c;
  c.type = h.find(k_type);
  c.date = h.find(k_date);
  c.title = h.find(k_title);
  c.distance = h.find(k_distance);
  c.time = h.find(k_time);
  c.elapsed = h.find(k_elapsed);
  c.moving = h.find(k_moving);
  c.avg_hr = h.find(k_avg_hr);
  c.max_hr = h.find(k_max_hr);
  c.avg_cadence = h.find(k_avg_cadence);
  c.max_cadence = h.find(k_max_cadence);
  c.ascent = h.find(k_ascent);
  c.descent = h.find(k_descent);
  return c;
}

struct File {
  const Columns& col;
  NumberStyle style;
  const HeaderIndex& header;
  DateOrder date_order;
  const ParseContext& ctx;
};

// Distances in the account's unit: km or miles, swims in metres or yards.
double metres_of(double distance, model::Sport sport, DistanceUnit unit) {
  const bool miles = unit == DistanceUnit::miles;
  if (sport == model::Sport::swim) return distance * (miles ? k_metres_per_yard : 1.0);
  return distance * (miles ? k_metres_per_mile : 1000.0);
}

// A measure runload keeps but does not need; 0 is no reading (a heart rate
// or cadence without a sensor), not a value.
std::optional<double> reading(RowReader& cells, std::optional<std::size_t> column,
                              NumberStyle style) {
  auto value = cells.number(column, style, "", std::numeric_limits<double>::max(), Need::optional);
  if (value && *value <= 0.0) return std::nullopt;
  return value;
}

// The elapsed time: the "Elapsed Time" column, else the total time; an
// elapsed time shorter than the total time is wrong and is replaced by it.
std::optional<std::chrono::seconds> elapsed_of(RowReader& cells, const File& f) {
  const auto elapsed = cells.duration(f.col.elapsed, f.style.decimal, "Elapsed Time", Need::row);
  const auto total = cells.duration(f.col.time, f.style.decimal, "Time", Need::row);
  if (elapsed && total && *elapsed < *total) return total;
  return elapsed ? elapsed : total;
}

// The activity of one row; nullopt after refusing it.
std::optional<ParsedActivity> read_row(const CsvRecord& row, const File& f, RowAccount& account) {
  RowReader cells(row, f.header, account);
  const std::string date_text(trim(row.at(f.col.date)));
  const auto local = parse_localized_datetime(date_text, f.date_order);
  if (!local) {
    cells.refuse(f.col.date, fmt::format("cannot read the date \"{}\" (expected like "
                                         "\"2026-01-04 12:38:59\")",
                                         date_text));
    return std::nullopt;
  }
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  model::set_start_in_zone(a, model::local_to_utc(f.ctx.zone, *local), f.ctx.zone);
  const auto type = trim(row.at(f.col.type));
  a.sport = type.empty() ? model::Sport::other : sport_from_label(type);
  a.name = std::string(trim(row.at(f.col.title)));
  const double max_distance = k_max_activity_distance_m / 1000.0;
  if (auto d = cells.number(f.col.distance, f.style, "Distance", max_distance, Need::row))
    a.distance_m = metres_of(*d, a.sport, f.ctx.distance_unit);
  a.elapsed = elapsed_of(cells, f);
  a.moving = cells.duration(f.col.moving, f.style.decimal, "Moving Time", Need::row);
  if (!cells.ok()) return std::nullopt;
  a.avg_hr = reading(cells, f.col.avg_hr, f.style);
  a.max_hr = reading(cells, f.col.max_hr, f.style);
  a.avg_cadence = reading(cells, f.col.avg_cadence, f.style);
  a.max_cadence = reading(cells, f.col.max_cadence, f.style);
  const double max_climb = k_max_elevation_change_m;
  a.elevation_gain_m = cells.number(f.col.ascent, f.style, "", max_climb, Need::optional);
  a.elevation_loss_m = cells.number(f.col.descent, f.style, "", max_climb, Need::optional);
  if (f.ctx.distance_unit == DistanceUnit::miles) {
    if (a.elevation_gain_m) *a.elevation_gain_m *= k_metres_per_foot;
    if (a.elevation_loss_m) *a.elevation_loss_m *= k_metres_per_foot;
  }
  a.sources.push_back(model::Source{"garmin_csv", f.ctx.file, row.line});
  return parsed;
}

}  // namespace

NumberStyle decide_number_style(const CsvTable& table) {
  long comma = 0;
  long point = 0;
  const auto& records = table.records();
  for (std::size_t r = 1; r < records.size(); ++r) {
    for (auto cell : records[r].fields) {
      const int v = decimal_comma_vote(cell);
      if (v > 0) ++comma;
      if (v < 0) ++point;
    }
  }
  if (comma > point) return NumberStyle{',', '.'};
  return NumberStyle{'.', ','};
}

bool is_garmin_header(const CsvHeader& header) {
  const HeaderIndex h(header);
  return h.find(k_type) && h.find(k_date) && h.find(k_title);
}

ParseResult read_garmin_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  const auto opened =
      open_summary_csv(text, ctx, "empty file: no Garmin Connect CSV header", result);
  if (!opened) return result;
  const HeaderIndex header(opened->header);
  const Columns c = locate(header);
  if (!c.type || !c.date) {
    add_error(result, ctx, 1,
              "not a Garmin Connect activities CSV: no \"Activity Type\" or \"Date\" column in "
              "any language runload reads");
    return result;
  }
  const auto& records = opened->table.records();
  std::vector<std::string_view> dates;
  for (std::size_t r = 1; r < records.size(); ++r) dates.push_back(records[r].at(c.date));
  // An English header re-saved by a US spreadsheet writes month first.
  const bool english = header.find(std::array<std::string_view, 1>{"Date"}) == c.date;
  const File file{c, decide_number_style(opened->table), header,
                  decide_date_order(dates, english ? DateOrder::month_first : DateOrder::day_first),
                  ctx};
  RowAccount account(ctx, result);
  for (std::size_t r = 1; r < records.size(); ++r) {
    account.row();
    if (auto parsed = read_row(records[r], file, account))
      result.activities.push_back(std::move(*parsed));
  }
  account.finish();
  return result;
}

}  // namespace runload::import
