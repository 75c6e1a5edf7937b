#include <runload/import/strava_csv.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include <fmt/format.h>

#include <runload/import/csv_reader.hpp>
#include <runload/import/localized_date.hpp>
#include <runload/import/sport_labels.hpp>
#include <runload/import/summary_csv.hpp>
#include <runload/import/values.hpp>
#include <runload/model/local_time.hpp>
#include <runload/text/ascii.hpp>

namespace runload::import {

using text::trim;

namespace {

// The names of each column in English, German, French, Spanish, Italian,
// Dutch and Portuguese exports, with their sources in docs/import.md
// ("Strava activities.csv"). English and German are full real headers;
// French real up to "Dénivelé positif"; Spanish a real reduced header; Dutch
// from a hand-made fixture; Italian, Portuguese and the names marked there
// as inferred are Strava's own words for the fields, not seen in an export.
constexpr std::array<std::string_view, 7> k_id{
    "Activity ID", "Aktivitäts-ID",  "ID de l'activité", "ID de actividad",
    "ID attività", "Activiteits-ID", "ID da atividade"};
constexpr std::array<std::string_view, 7> k_date{
    "Activity Date",      "Aktivitätsdatum",      "Date de l'activité", "Fecha de la actividad",
    "Data dell'attività", "Datum van activiteit", "Data da atividade"};
constexpr std::array<std::string_view, 7> k_name{
    "Activity Name", "Name der Aktivität", "Nom de l'activité", "Nombre de la actividad",
    "Nome attività", "Naam activiteit",    "Nome da atividade"};
// "Aktivitätstyp" is Garmin's German word; runload's own German fixture and
// a parser's table give it to Strava too.
constexpr std::array<std::string_view, 8> k_type{
    "Activity Type",    "Aktivitätsart",   "Type d'activité",   "Tipo de actividad",
    "Tipo di attività", "Activiteitstype", "Tipo de atividade", "Aktivitätstyp"};
constexpr std::array<std::string_view, 7> k_gear{
    "Activity Gear",           "Aktivitätsausrüstung",       "Matériel utilisé pour l'activité",
    "Equipo de la actividad",  "Attrezzatura dell'attività", "Uitrusting voor activiteit",
    "Equipamento da atividade"};
constexpr std::array<std::string_view, 7> k_filename{
    "Filename",  "Dateiname",    "Nom du fichier", "Nombre del archivo",
    "Nome file", "Bestandsnaam", "Nome do arquivo"};
constexpr std::array<std::string_view, 7> k_elapsed{
    "Elapsed Time",    "Verstrichene Zeit", "Temps écoulé",   "Tiempo transcurrido",
    "Tempo trascorso", "Verstreken tijd",   "Tempo decorrido"};
constexpr std::array<std::string_view, 7> k_moving{
    "Moving Time",        "Bewegungszeit", "Durée de déplacement", "Tiempo en movimiento",
    "Tempo in movimento", "Beweegtijd",    "Tempo em movimento"};
// French writes "Distance", as English does.
constexpr std::array<std::string_view, 6> k_distance{"Distance", "Distanz", "Distancia",
                                                     "Distanza", "Afstand", "Distância"};
constexpr std::array<std::string_view, 8> k_elevation_gain{
    "Elevation Gain",      "Höhenzunahme",    "Dénivelé positif", "Desnivel positivo",
    "Dislivello positivo", "Totale stijging", "Hoogtewinst",      "Ganho de elevação"};
// German "Höhenunterschied" is the loss, not the gain (docs/import.md).
constexpr std::array<std::string_view, 7> k_elevation_loss{
    "Elevation Loss",      "Höhenunterschied", "Dénivelé négatif", "Desnivel negativo",
    "Dislivello negativo", "Totale daling",    "Perda de elevação"};
constexpr std::array<std::string_view, 7> k_max_hr{"Max Heart Rate",
                                                   "Max. Herzfrequenz",
                                                   "Fréquence cardiaque max.",
                                                   "Frecuencia cardíaca máxima",
                                                   "Frequenza cardiaca massima",
                                                   "Max. hartslag",
                                                   "Frequência cardíaca máxima"};
constexpr std::array<std::string_view, 8> k_avg_hr{
    "Average Heart Rate",          "Durchschnittliche Herzfrequenz",
    "Fréquence cardiaque moyenne", "Frecuencia cardíaca media",
    "Frequenza cardiaca media",    "Gemiddelde hartslag",
    "Frequência cardíaca média",   "Durchschnittliche HF"};
constexpr std::array<std::string_view, 7> k_max_cadence{
    "Max Cadence",     "Max. Tritt-/Schrittfrequenz",
    "Cadence max.",    "Cadencia máxima",
    "Cadenza massima", "Max. cadans",
    "Cadência máxima"};
constexpr std::array<std::string_view, 7> k_avg_cadence{
    "Average Cadence", "Durchschnittliche Trittfrequenz",
    "Cadence moyenne", "Cadencia media",
    "Cadenza media",   "Gemiddelde cadans",
    "Cadência média"};

// The temperature columns: English names only, the others unconfirmed (a
// header in another language gives no temperature, never a wrong one).
constexpr std::array<std::string_view, 1> k_weather_temperature{"Weather Temperature"};
constexpr std::array<std::string_view, 1> k_device_temperature{"Average Temperature"};

struct Columns {
  std::optional<std::size_t> id, date, type, name, gear, filename, distance_display, distance_m,
      elapsed, elapsed_precise, moving, elevation_gain, elevation_loss, max_hr, max_hr_precise,
      avg_hr, max_cadence, avg_cadence, weather_temperature, device_temperature;
};

// The positions every Strava export since 2019 has kept (docs/import.md):
// the columns a header in an unknown language is read by.
struct Positions {
  std::size_t id = 0, date = 1, name = 2, type = 3, elapsed = 5, distance_display = 6, max_hr = 7,
              gear = 11, filename = 12, elapsed_precise = 15, moving = 16, distance_m = 17,
              elevation_gain = 20, elevation_loss = 21, max_cadence = 28, avg_cadence = 29,
              max_hr_precise = 30, avg_hr = 31;
};

// True when `h` has the export's layout: the names repeated at the positions
// of the two Elapsed Time, Distance and Max Heart Rate columns.
bool has_strava_layout(const HeaderIndex& h) {
  const Positions p;
  if (h.size() <= p.avg_hr) return false;
  const auto same = [&](std::size_t a, std::size_t b) {
    return !h.name(a).empty() && h.find(std::array{h.name(a)}, 1) == a &&
           h.find(std::array{h.name(a)}, 2) == b;
  };
  return same(p.elapsed, p.elapsed_precise) && same(p.distance_display, p.distance_m) &&
         same(p.max_hr, p.max_hr_precise);
}

Columns by_name(const HeaderIndex& h) {
  Columns c;
  c.id = h.find(k_id);
  c.date = h.find(k_date);
  c.type = h.find(k_type);
  c.name = h.find(k_name);
  c.gear = h.find(k_gear);
  c.filename = h.find(k_filename);
  c.distance_display = h.find(k_distance, 1);
  c.distance_m = h.find(k_distance, 2);
  c.elapsed = h.find(k_elapsed, 1);
  c.elapsed_precise = h.find(k_elapsed, 2);
  c.moving = h.find(k_moving);
  c.elevation_gain = h.find(k_elevation_gain);
  c.elevation_loss = h.find(k_elevation_loss);
  c.max_hr = h.find(k_max_hr, 1);
  c.max_hr_precise = h.find(k_max_hr, 2);
  c.avg_hr = h.find(k_avg_hr);
  c.max_cadence = h.find(k_max_cadence);
  c.avg_cadence = h.find(k_avg_cadence);
  c.weather_temperature = h.find(k_weather_temperature);
  c.device_temperature = h.find(k_device_temperature);
  return c;
}

// By name, and by position for what the names did not find when the layout
// is the export's.
Columns locate(const HeaderIndex& h) {
  Columns c = by_name(h);
  if (!has_strava_layout(h)) return c;
  const Positions p;
  const auto fill = [](std::optional<std::size_t>& column, std::size_t position) {
    if (!column) column = position;
  };
  fill(c.id, p.id);
  fill(c.date, p.date);
  fill(c.name, p.name);
  fill(c.type, p.type);
  fill(c.gear, p.gear);
  fill(c.filename, p.filename);
  fill(c.distance_display, p.distance_display);
  fill(c.distance_m, p.distance_m);
  fill(c.elapsed, p.elapsed);
  fill(c.elapsed_precise, p.elapsed_precise);
  fill(c.moving, p.moving);
  fill(c.elevation_gain, p.elevation_gain);
  fill(c.elevation_loss, p.elevation_loss);
  fill(c.max_hr, p.max_hr);
  fill(c.max_hr_precise, p.max_hr_precise);
  fill(c.avg_hr, p.avg_hr);
  fill(c.max_cadence, p.max_cadence);
  fill(c.avg_cadence, p.avg_cadence);
  return c;
}

// The number style of each numeric column, decided from its cells: the
// display columns follow the account's locale ("9,44"), the precise ones
// are written with a decimal point.
struct Styles {
  NumberStyle distance_display, distance_m, elapsed, elapsed_precise, moving, elevation_gain,
      elevation_loss, max_hr, max_hr_precise, avg_hr, max_cadence, avg_cadence, weather_temperature,
      device_temperature;
};

Styles decide_styles(const CsvTable& t, const Columns& c) {
  return {decide_column_style(t, c.distance_display),
          decide_column_style(t, c.distance_m),
          decide_column_style(t, c.elapsed),
          decide_column_style(t, c.elapsed_precise),
          decide_column_style(t, c.moving),
          decide_column_style(t, c.elevation_gain),
          decide_column_style(t, c.elevation_loss),
          decide_column_style(t, c.max_hr),
          decide_column_style(t, c.max_hr_precise),
          decide_column_style(t, c.avg_hr),
          decide_column_style(t, c.max_cadence),
          decide_column_style(t, c.avg_cadence),
          decide_column_style(t, c.weather_temperature),
          decide_column_style(t, c.device_temperature)};
}

std::optional<double> positive(std::optional<double> value) {
  if (!value || *value <= 0) return std::nullopt;
  return value;
}

std::optional<std::chrono::seconds> seconds_of(std::optional<double> value) {
  if (!value) return std::nullopt;
  return std::chrono::seconds{std::llround(*value)};
}

struct File {
  const Columns& col;
  const Styles& style;
  const HeaderIndex& header;
  DateOrder date_order;
  const ParseContext& ctx;
};

// The distance of a row: the precise metres, else the display column (km;
// a swim's in metres). The display column is never read when the precise
// one has a value, so its "1,250" or "9,44" cannot cost the row.
std::optional<double> distance_of(RowReader& cells, const File& f, model::Sport sport) {
  constexpr double k_max_km = k_max_activity_distance_m / 1000.0;
  if (cells.has(f.col.distance_m))
    return cells.number(f.col.distance_m, f.style.distance_m, "Distance in metres",
                        k_max_activity_distance_m, Need::row);
  if (sport == model::Sport::swim)
    return cells.number(f.col.distance_display, f.style.distance_display, "Distance in metres",
                        k_max_activity_distance_m, Need::row);
  const auto km = cells.number(f.col.distance_display, f.style.distance_display, "Distance in km",
                               k_max_km, Need::row);
  if (!km) return std::nullopt;
  return *km * 1000.0;
}

// A measure runload keeps but does not need: unreadable is unknown.
std::optional<double> measure(RowReader& cells, std::optional<std::size_t> column,
                              NumberStyle style) {
  return cells.number(column, style, "", std::numeric_limits<double>::max(), Need::optional);
}

// The precise column's value when it has one, else the rounded one's.
std::optional<double> measure_preferring(RowReader& cells, std::optional<std::size_t> precise,
                                         NumberStyle precise_style,
                                         std::optional<std::size_t> rounded,
                                         NumberStyle rounded_style) {
  if (cells.has(precise)) return measure(cells, precise, precise_style);
  return measure(cells, rounded, rounded_style);
}

// The weather at the start (`Weather Temperature`), else the device's own
// sensor (`Average Temperature`), both in degrees C as the export writes its
// other metric units; a value outside -60 to 60 is no temperature.
std::optional<model::Temperature> temperature_of(RowReader& cells, const File& f) {
  const auto plausible = [](std::optional<double> v) {
    return v && *v >= -60.0 && *v <= 60.0 ? v : std::nullopt;
  };
  if (auto weather =
          plausible(cells.signed_number(f.col.weather_temperature, f.style.weather_temperature)))
    return model::Temperature{*weather, model::TemperatureSource::weather};
  if (auto device =
          plausible(cells.signed_number(f.col.device_temperature, f.style.device_temperature)))
    return model::Temperature{*device, model::TemperatureSource::device};
  return std::nullopt;
}

// The activity of one row; nullopt after refusing it.
std::optional<ParsedActivity> read_row(const CsvRecord& row, const File& f, RowAccount& account) {
  const double max_s = static_cast<double>(k_max_activity_duration.count());
  RowReader cells(row, f.header, account);
  const auto date_text = trim(row.at(f.col.date));
  const auto start = parse_localized_datetime(date_text, f.date_order);
  if (!start) {
    cells.refuse(f.col.date, fmt::format("cannot read the date \"{}\" (expected like \"Oct 10, "
                                         "2016, 8:55:48 PM\" in the export's language)",
                                         date_text));
    return std::nullopt;
  }
  ParsedActivity parsed;
  model::Activity& a = parsed.activity;
  model::set_start_in_zone(a, date::sys_seconds{start->time_since_epoch()}, f.ctx.zone);
  a.sport = strava_sport(row.at(f.col.type));
  a.name = std::string(trim(row.at(f.col.name)));
  if (auto gear = trim(row.at(f.col.gear)); !gear.empty()) a.gear = std::string(gear);
  if (auto file = trim(row.at(f.col.filename)); !file.empty())
    parsed.track_file = std::string(file);

  a.distance_m = distance_of(cells, f, a.sport);
  const auto elapsed = cells.has(f.col.elapsed_precise)
                           ? cells.number(f.col.elapsed_precise, f.style.elapsed_precise,
                                          "Elapsed Time in seconds", max_s, Need::row)
                           : cells.number(f.col.elapsed, f.style.elapsed, "Elapsed Time in seconds",
                                          max_s, Need::row);
  a.elapsed = seconds_of(elapsed);
  a.moving = seconds_of(
      cells.number(f.col.moving, f.style.moving, "Moving Time in seconds", max_s, Need::row));
  if (!cells.ok()) return std::nullopt;

  a.elevation_gain_m = measure(cells, f.col.elevation_gain, f.style.elevation_gain);
  a.elevation_loss_m = measure(cells, f.col.elevation_loss, f.style.elevation_loss);
  a.avg_hr = positive(measure(cells, f.col.avg_hr, f.style.avg_hr));
  a.max_hr = positive(measure_preferring(cells, f.col.max_hr_precise, f.style.max_hr_precise,
                                         f.col.max_hr, f.style.max_hr));
  a.avg_cadence = positive(measure(cells, f.col.avg_cadence, f.style.avg_cadence));
  a.max_cadence = positive(measure(cells, f.col.max_cadence, f.style.max_cadence));
  a.temperature = temperature_of(cells, f);
  // Strava stores a run's cadence per leg (85 where the watch shows 170);
  // runload keeps steps per minute for every foot sport.
  if (is_foot_sport(a.sport)) {
    if (a.avg_cadence) *a.avg_cadence *= 2.0;
    if (a.max_cadence) *a.max_cadence *= 2.0;
  }
  a.sources.push_back(model::Source{"strava_csv", f.ctx.file, row.line});
  return parsed;
}

}  // namespace

model::Sport strava_sport(std::string_view type) {
  return sport_from_label(type);
}

bool is_strava_header(const CsvHeader& header) {
  const HeaderIndex h(header);
  return (h.find(k_id) && h.find(k_date)) || has_strava_layout(h);
}

ParseResult read_strava_csv(std::string_view text, const ParseContext& ctx) {
  ParseResult result;
  const auto opened =
      open_summary_csv(text, ctx, "empty file: no Strava activities.csv header", result);
  if (!opened) return result;
  const HeaderIndex header(opened->header);
  const Columns col = locate(header);
  if (!col.date || !col.type) {
    add_error(result, ctx, 1,
              "not a Strava activities.csv: no \"Activity Date\" or \"Activity Type\" column in "
              "any language runload reads, and not the export's layout of columns");
    return result;
  }
  const auto& records = opened->table.records();
  std::vector<std::string_view> dates;
  for (std::size_t r = 1; r < records.size(); ++r) dates.push_back(records[r].at(col.date));
  const Styles styles = decide_styles(opened->table, col);
  const File file{col, styles, header, decide_date_order(dates, DateOrder::day_first), ctx};
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
