#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include <cli/commands.hpp>
#include <cli/context.hpp>
#include <cli/exit_codes.hpp>
#include <cli/options.hpp>
#include <runload/app/config_command.hpp>
#include <runload/text/json.hpp>
#include <runload/text/layout.hpp>

namespace runload::cli {
namespace {

// One line a key, at most 80 columns: the key, its value (or "-"), its
// default and its range; '*' marks a value that differs from the default.
std::string config_table(const std::vector<app::SettingRow>& rows) {
  std::string out = fmt::format("  {:<30}{:<10}{:<10}{}\n", "key", "value", "default", "range");
  for (const auto& row : rows) {
    const auto& spec = *row.spec;
    out += fmt::format("{} {:<30}{:<10}{:<10}{}\n", row.changed ? "*" : " ", spec.key,
                       row.value.value_or("-"), rules::default_text(spec), rules::range_text(spec));
  }
  out += "* differs from the default; docs/SETTINGS.md says why each range is safe\n";
  return out;
}

std::string shown_value(const app::SettingRow& row) {
  return row.value ? *row.value : rules::default_text(*row.spec);
}

}  // namespace

void setup_config(CLI::App& cmd, Context& ctx, Action& action) {
  cmd.require_subcommand(1);
  auto json = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "every setting with its value, default and safe range");
  list->add_flag("--json", *json, "print a JSON array");
  list->callback([&ctx, &action, json] {
    action = [&ctx, json] {
      const auto rows = app::config_list(ctx.session());
      if (*json) {
        auto array = text::Json::array();
        for (const auto& row : rows) array.push_back(app::setting_json(row));
        ctx.print(text::dump(array) + "\n");
      } else {
        ctx.print(config_table(rows));
      }
      return k_exit_success;
    };
  });

  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto* getter = cmd.add_subcommand("get", "print a setting's value (its default when not set)");
  const auto keys = app::setting_keys();
  offer_values(*getter->add_option("KEY", *key, "the setting (see 'config list')")->required(),
               "KEY", keys);
  getter->callback([&ctx, &action, key] {
    action = [&ctx, key] {
      ctx.print(shown_value(app::config_get(ctx.session(), *key)) + "\n");
      return k_exit_success;
    };
  });

  auto* setter = cmd.add_subcommand("set", "set a setting, within its safe range");
  offer_values(*setter->add_option("KEY", *key, "the setting (see 'config list')")->required(),
               "KEY", keys);
  setter->add_option("VALUE", *value, "its value, within the range 'config list' shows")
      ->required();
  setter->callback([&ctx, &action, key, value] {
    action = [&ctx, key, value] {
      const auto row = app::config_set(ctx.session(), *key, *value);
      ctx.print(fmt::format("{} = {}{}\n", row.spec->key, shown_value(row),
                            row.changed ? "" : " (the default)"));
      return k_exit_success;
    };
  });

  auto* unsetter = cmd.add_subcommand("unset", "give a setting its default again");
  offer_values(*unsetter->add_option("KEY", *key, "the setting (see 'config list')")->required(),
               "KEY", keys);
  unsetter->callback([&ctx, &action, key] {
    action = [&ctx, key] {
      const bool removed = app::config_unset(ctx.session(), *key);
      const auto& spec = app::setting_key(*key);
      ctx.print(fmt::format("{} = {} (the default{})\n", spec.key, rules::default_text(spec),
                            removed ? "" : "; it was not set"));
      return k_exit_success;
    };
  });
}

}  // namespace runload::cli
