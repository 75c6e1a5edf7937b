#include <runload/report/runs_table.hpp>

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include <runload/model/local_time.hpp>
#include <runload/text/layout.hpp>
#include <runload/text/numbers.hpp>

namespace runload::report {
namespace {

using text::duration_text;
using text::fit;

constexpr std::size_t k_name_width = 28;
constexpr std::size_t k_gear_width = 16;

template <typename T>
std::string number_text(const std::optional<T>& value, std::string_view format) {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
}

std::optional<long long> rounded(const std::optional<double>& value) {
  return value ? std::optional<long long>(std::llround(*value)) : std::nullopt;
}

}  // namespace

std::string runs_table(const std::vector<model::Activity>& activities, const Palette& p) {
  std::string out =
      fmt::format("{}{:<10}  {:<5}  {:<14}  {}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {}  {}{}\n",
                  p.bold(), "date", "start", "sport", fit("name", k_name_width), "km", "time",
                  "moving", "climb", "HR", fit("gear", k_gear_width), "src", p.reset());
  bool other_sports = false;
  for (const auto& a : activities) {
    const bool running = model::is_running(a.sport);
    other_sports = other_sports || !running;
    const auto local = a.start_utc + a.utc_offset;
    const std::string sport = fmt::format("{}{}", model::to_string(a.sport), running ? "" : "*");
    const std::optional<double> km =
        a.distance_m ? std::optional<double>(*a.distance_m / 1000.0) : std::nullopt;
    out +=
        fmt::format("{}{:<10}  {:<5}  {:<14}  {}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {}  {}{}\n",
                    running ? "" : p.dim(), model::format_date(a.local_date()),
                    date::format("%H:%M", date::floor<std::chrono::minutes>(local)), sport,
                    fit(a.name, k_name_width), number_text(km, "{:.2f}"), duration_text(a.elapsed),
                    duration_text(a.moving), number_text(rounded(a.elevation_gain_m), "{}"),
                    number_text(rounded(a.avg_hr), "{}"), fit(a.gear.value_or("-"), k_gear_width),
                    a.sources.size(), running ? "" : p.reset());
  }
  if (other_sports) out += "* not a run: stored, but not counted as running load\n";
  return out;
}

}  // namespace runload::report
