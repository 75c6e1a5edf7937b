#include <cli/commands.hpp>

#include <array>

namespace runload::cli {

std::span<const Command> commands() {
  static constexpr std::array k_commands{
      Command{"import",
              "import run logs: files, folders (recursive), .gz members, a Strava export .zip",
              &setup_import},
      Command{"runs",
              "list the stored activities, other sports marked; show, delete or correct one",
              &setup_runs},
      Command{"journal",
              "log this morning's Achilles stiffness and yesterday's pain (no values: a check-in)",
              &setup_journal},
      Command{"gear",
              "your shoes: their drop and distance, which runs were in them, the default pair",
              &setup_gear},
      Command{"report",
              "this week against the weeks before: flags, their sources, next week's envelope",
              &setup_report},
      Command{"visa-a",
              "answer the VISA-A questionnaire of Achilles symptoms (0-100; no answers: asked)",
              &setup_visa_a},
      Command{"heel-rise", "record a heel-rise test: single-leg heel raises to fatigue",
              &setup_heel_rise},
      Command{"rehab", "log a rehab exercise (eccentric heel drops, heavy slow resistance, ...)",
              &setup_rehab},
      Command{"medication", "record a medication course that raises the tendon risk",
              &setup_medication},
      Command{"episode", "record an Achilles episode: the spike flags speak sooner for a year",
              &setup_episode},
      Command{"config", "list, get, set or unset a setting: units, thresholds (safe ranges)",
              &setup_config},
      Command{"athletes",
              "list the athletes; rename or delete one, or set a time zone, year of birth or sex",
              &setup_athletes},
      Command{"doctor", "check the database: schema, integrity, row counts", &setup_doctor},
      Command{"export", "write everything of an athlete (or --all) as JSON, CSV or SQLite",
              &setup_export},
      Command{"delete-all", "remove the database, its backups and its exports, for good (--yes)",
              &setup_delete_all},
      Command{"completion", "print the shell completion script for bash, zsh or fish",
              &setup_completion},
  };
  return k_commands;
}

}  // namespace runload::cli
