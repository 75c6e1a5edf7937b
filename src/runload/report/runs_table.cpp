#include <runload/report/runs_table.hpp>

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include <runload/model/local_time.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>
#include <runload/text/numbers.hpp>

namespace runload::report {
namespace {

using text::duration_text;
using text::fit;
using text::terminal_safe;

constexpr std::size_t k_name_width = 24;
constexpr std::size_t k_gear_width = 14;

template <typename T>
std::string number_text(const std::optional<T>& value, std::string_view format) {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
}

std::optional<long long> rounded(const std::optional<double>& value) {
  return value ? std::optional<long long>(std::llround(*value)) : std::nullopt;
}

// Minutes and seconds per kilometre (or mile) over the moving time (else
// the elapsed), without the unit.
std::string pace_text(const model::Activity& a, model::Units u) {
  const auto time = a.moving ? a.moving : a.elapsed;
  if (!a.distance_m || *a.distance_m < 1.0 || !time) return "-";
  const auto text =
      text::pace_text(static_cast<double>(time->count()) / (*a.distance_m / 1000.0), u);
  return text.substr(0, text.find('/'));
}

}  // namespace

std::string runs_table(const std::vector<model::Activity>& activities, const Palette& p,
                       model::Units u) {
  constexpr std::string_view k_row =
      "{}{:>5}  {:<10}  {:<5}  {:<14}  {}  {:>7}  {:>8}  {:>5}  {:>5}  {:>3}  {}  {}{}\n";
  std::string out = fmt::format(fmt::runtime(k_row), p.bold(), "id", "date", "start", "sport",
                                fit("name", k_name_width), model::distance_unit(u), "time", "pace",
                                u == model::Units::metric ? "climb" : "ft up", "HR",
                                fit("gear", k_gear_width), "src", p.reset());
  bool other_sports = false;
  std::size_t runs = 0;
  double run_km = 0.0;
  std::chrono::seconds run_time{0};
  for (const auto& a : activities) {
    const bool running = model::is_running(a.sport);
    other_sports = other_sports || !running;
    const auto local = a.start_utc + a.utc_offset;
    const std::string sport = fmt::format("{}{}", model::to_string(a.sport), running ? "" : "*");
    const std::optional<double> km =
        a.distance_m ? std::optional<double>(model::distance_in(*a.distance_m, u)) : std::nullopt;
    if (running) {
      ++runs;
      run_km += km.value_or(0.0);
      run_time += a.elapsed.value_or(std::chrono::seconds{0});
    }
    out += fmt::format(
        fmt::runtime(k_row), running ? "" : p.dim(), a.id.value_or(0),
        model::format_date(a.local_date()),
        date::format("%H:%M", date::floor<std::chrono::minutes>(local)), sport,
        fit(terminal_safe(a.name), k_name_width), number_text(km, "{:.2f}"),
        duration_text(a.elapsed), pace_text(a, u),
        number_text(rounded(a.elevation_gain_m
                                ? std::optional<double>(model::height_in(*a.elevation_gain_m, u))
                                : std::nullopt),
                    "{}"),
        number_text(rounded(a.avg_hr), "{}"),
        fit(terminal_safe(a.gear.value_or("-")), k_gear_width), a.sources.size(),
        running ? "" : p.reset());
  }
  out += fmt::format("{} activit{}, {} run{}: {:.2f} {} of running in {}\n", activities.size(),
                     activities.size() == 1 ? "y" : "ies", runs, runs == 1 ? "" : "s", run_km,
                     model::distance_unit(u), duration_text(run_time));
  if (other_sports) out += "* not a run: stored, but not counted as running load\n";
  return out;
}

}  // namespace runload::report
