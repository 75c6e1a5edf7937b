#include <cli/options.hpp>

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <charconv>

#include <runload/app/session.hpp>
#include <runload/error.hpp>
#include <runload/model/sport.hpp>
#include <runload/text/escape.hpp>
#include <runload/text/spellcheck.hpp>

namespace runload::cli {
namespace {

// The command and the subcommands named on the command line, outermost
// first, and which argument each option value is: walking argv as CLI11
// will, with fallthrough (an option of a command is known in its
// subcommands).
struct Walk {
  std::vector<const CLI::App*> chain;
  std::vector<std::pair<std::string, const CLI::App*>> options;  // as typed, and where
};

const CLI::Option* find_option(const std::vector<const CLI::App*>& chain, std::string_view name) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const auto* option : (*it)->get_options()) {
      if (name.starts_with("--")) {
        for (const auto& l : option->get_lnames())
          if (name.substr(2) == l) return option;
      } else if (name.size() == 2) {
        for (const auto& sname : option->get_snames())
          if (name.substr(1) == sname) return option;
      }
    }
  }
  return nullptr;
}

const CLI::App* subcommand_named(const CLI::App& app, std::string_view name) {
  const auto found =
      app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == name; });
  return found.empty() ? nullptr : found.front();
}

Walk walk(const CLI::App& app, int argc, char** argv) {
  Walk w;
  w.chain.push_back(&app);
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg.front() == '-') {
      const auto name = arg.substr(0, arg.find('='));
      w.options.emplace_back(std::string(name), w.chain.back());
      const auto* option = find_option(w.chain, name);
      if (option != nullptr && option->get_items_expected_max() > 0 &&
          arg.find('=') == std::string_view::npos && name.size() == arg.size())
        ++i;  // its value
      continue;
    }
    if (const auto* sub = subcommand_named(*w.chain.back(), arg)) w.chain.push_back(sub);
  }
  return w;
}

std::string path_of(const std::vector<const CLI::App*>& chain) {
  std::string path = "runload";
  for (std::size_t i = 1; i < chain.size(); ++i) path += " " + chain[i]->get_name();
  return path;
}

// A whole number of 1 or more, written as nothing else; nullopt otherwise.
std::optional<std::int64_t> positive_id(const std::string& text) {
  std::int64_t id = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (text.empty() || ec != std::errc{} || ptr != end || id < 1) return std::nullopt;
  return id;
}

}  // namespace

std::optional<date::sys_days> date_option(const std::optional<std::string>& text,
                                          std::string_view option,
                                          const std::function<date::sys_days()>& today,
                                          journal::FutureDates future) {
  if (!text) return std::nullopt;
  const auto day = journal::parse_day(*text, today(), future);
  if (!day) throw UsageError(fmt::format("{} {}", option, text::terminal_safe(day.error)));
  return day.value;
}

const std::string& choice_option(const std::string& text, std::string_view option,
                                 const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), text) != choices.end()) return text;
  throw UsageError(fmt::format("{} '{}' is not one of {}{}", option, text::terminal_safe(text),
                               fmt::join(choices, ", "), text::did_you_mean(text, choices)));
}

void offer_values(CLI::Option& option, std::string_view kind,
                  const std::vector<std::string>& values) {
  option.type_name(fmt::format("{}:{{{}}}", kind, fmt::join(values, ",")));
}

std::vector<std::string> sport_names(bool running) {
  std::vector<std::string> names;
  for (int s = 0; s <= static_cast<int>(model::Sport::other); ++s)
    names.emplace_back(model::to_string(static_cast<model::Sport>(s)));
  if (running) names.emplace_back("running");
  return names;
}

std::int64_t id_argument(const std::string& text) {
  if (const auto id = positive_id(text)) return *id;
  throw UsageError(
      fmt::format("'{}' is not an activity id (a whole number, as 'runload runs' lists them)",
                  text::terminal_safe(text)));
}

void check_option_names(const CLI::App& app, int argc, char** argv) {
  const auto w = walk(app, argc, argv);
  for (const auto& [name, where] : w.options) {
    std::vector<const CLI::App*> chain;
    for (const auto* a : w.chain) {
      chain.push_back(a);
      if (a == where) break;
    }
    if (find_option(chain, name) != nullptr) continue;
    std::vector<std::string> known;
    for (const auto* a : chain)
      for (const auto* option : a->get_options())
        for (const auto& l : option->get_lnames()) known.push_back("--" + l);
    throw UsageError(fmt::format("unknown option '{}' for '{}'{}; see '{} --help'",
                                 text::terminal_safe(name), path_of(chain),
                                 text::did_you_mean(name, known), path_of(chain)));
  }
}

std::string command_path(const CLI::App& app, int argc, char** argv) {
  return path_of(walk(app, argc, argv).chain);
}

std::optional<double> number_option(const std::optional<std::string>& text,
                                    std::string_view option) {
  if (!text) return std::nullopt;
  double value = 0.0;
  const auto* first = text->data();
  const auto* last = first + text->size();
  const auto [end, error] = std::from_chars(first, last, value, std::chars_format::fixed);
  if (error != std::errc() || end != last || text->empty() || !std::isfinite(value))
    throw UsageError(fmt::format("{}: expected a number, not '{}'", option, *text));
  return value;
}

std::int64_t id_option(const std::string& text, std::string_view what) {
  if (const auto id = positive_id(text)) return *id;
  throw UsageError(
      fmt::format("{} must be a positive whole number, not '{}'", what, text::terminal_safe(text)));
}

date::sys_days day_option(app::Session& session, const std::optional<std::string>& text,
                          std::string_view option, date::sys_days fallback,
                          journal::FutureDates future) {
  const auto day = date_option(
      text, option, [&session] { return session.today(app::Access::write); }, future);
  return day ? *day : fallback;
}

}  // namespace runload::cli
