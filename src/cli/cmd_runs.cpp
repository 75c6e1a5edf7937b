#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <runload/error.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/text/layout.hpp>

namespace runload::cli {
namespace {

using text::fit;

constexpr std::size_t k_name_width = 28;
constexpr std::size_t k_gear_width = 16;

std::optional<date::sys_days> date_option(const std::optional<std::string>& text,
                                          std::string_view option) {
  if (!text) return std::nullopt;
  const auto day = model::parse_date(*text);
  if (!day)
    throw UsageError(fmt::format("{}: expected a date as YYYY-MM-DD, not '{}'", option, *text));
  return day;
}

// Division by a power of ten gives the double nearest the decimal (123.4,
// not 123.40000000000001 as multiplying by 0.1 can).
double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json or_null(const std::optional<double>& value, int decimals) {
  return value ? nlohmann::ordered_json(round_to(*value, decimals))
               : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json seconds_or_null(const std::optional<std::chrono::seconds>& value) {
  return value ? nlohmann::ordered_json(value->count()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json to_json(const std::vector<model::Activity>& activities) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& a : activities) {
    auto sources = nlohmann::ordered_json::array();
    for (const auto& s : a.sources)
      sources.push_back({{"format", s.format}, {"file", s.file}, {"line", or_null(s.line)}});
    array.push_back({
        {"id", *a.id},
        {"start_utc", model::format_utc(a.start_utc)},
        {"local_date", model::format_date(a.local_date())},
        {"sport", model::to_string(a.sport)},
        {"name", a.name},
        {"distance_km", a.distance_m ? nlohmann::ordered_json(round_to(*a.distance_m / 1000.0, 3))
                                     : nlohmann::ordered_json(nullptr)},
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

std::string duration_text(const std::optional<std::chrono::seconds>& value) {
  if (!value) return "-";
  const auto total = value->count();
  return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

template <typename T>
std::string number_text(const std::optional<T>& value, std::string_view format) {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
}

void print_table(const Context& ctx, const std::vector<model::Activity>& activities) {
  const auto p = ctx.out_palette();
  fmt::print(ctx.out, "{}{:<10}  {:<5}  {:<14}  {}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {}  {}{}\n",
             p.bold(), "date", "start", "sport", fit("name", k_name_width), "km", "time", "moving",
             "climb", "HR", fit("gear", k_gear_width), "src", p.reset());
  bool other_sports = false;
  for (const auto& a : activities) {
    const bool running = model::is_running(a.sport);
    other_sports = other_sports || !running;
    const auto local = a.start_utc + a.utc_offset;
    const std::string sport = fmt::format("{}{}", model::to_string(a.sport), running ? "" : "*");
    const std::optional<double> km =
        a.distance_m ? std::optional<double>(*a.distance_m / 1000.0) : std::nullopt;
    const std::optional<long long> climb =
        a.elevation_gain_m ? std::optional<long long>(std::llround(*a.elevation_gain_m))
                           : std::nullopt;
    const std::optional<long long> hr =
        a.avg_hr ? std::optional<long long>(std::llround(*a.avg_hr)) : std::nullopt;
    fmt::print(ctx.out,
               "{}{:<10}  {:<5}  {:<14}  {}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {}  {}{}\n",
               running ? "" : p.dim(), model::format_date(a.local_date()),
               date::format("%H:%M", date::floor<std::chrono::minutes>(local)), sport,
               fit(a.name, k_name_width), number_text(km, "{:.2f}"), duration_text(a.elapsed),
               duration_text(a.moving), number_text(climb, "{}"), number_text(hr, "{}"),
               fit(a.gear.value_or("-"), k_gear_width), a.sources.size(), running ? "" : p.reset());
  }
  if (other_sports) fmt::print(ctx.out, "* not a run: stored, but not counted as running load\n");
}

}  // namespace

void setup_runs(CLI::App& app, Context& ctx, Action& action) {
  auto* cmd = app.add_subcommand("runs", "list the stored activities, other sports marked");
  auto since = std::make_shared<std::optional<std::string>>();
  auto until = std::make_shared<std::optional<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--since", *since, "first local date, YYYY-MM-DD");
  cmd->add_option("--until", *until, "last local date, YYYY-MM-DD");
  cmd->add_flag("--json", *json, "print a JSON array, oldest first");
  cmd->callback([&ctx, &action, since, until, json] {
    action = [&ctx, since, until, json] {
      const auto from = date_option(*since, "--since");
      const auto to = date_option(*until, "--until");
      if (from && to && *from > *to)
        throw UsageError(fmt::format("--since {} is after --until {}", **since, **until));
      auto& db = ctx.database();
      const auto& athlete = ctx.athlete();
      const auto activities =
          store::ActivityRepository(db).list(athlete.id, store::LocalDateRange{from, to});
      if (*json) {
        fmt::print(
            ctx.out, "{}\n",
            to_json(activities).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
      } else if (activities.empty()) {
        ctx.note("no activities stored in that range");
      } else {
        print_table(ctx, activities);
      }
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
