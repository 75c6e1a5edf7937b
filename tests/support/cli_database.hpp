#pragma once
// Databases driven through the built binary, and the JSON views of them that
// the bad-input and fault tests compare before and after a command.
// Header-only so that tests/CMakeLists.txt needs no edit.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

namespace runload::test {

// runload --db DB --athlete ann --tz UTC -q ARGS...
inline std::vector<std::string> with_db(const std::filesystem::path& db,
                                        std::vector<std::string> args) {
  std::vector<std::string> full{"--db", db.string(), "--athlete", "ann", "--tz", "UTC", "-q"};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

// Runs ARGS on `db`; REQUIRES exit 0; returns standard output as JSON.
inline nlohmann::json json_output(const std::filesystem::path& db, std::vector<std::string> args) {
  const auto r = run_runload(with_db(db, std::move(args)));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

inline nlohmann::json runs_json(const std::filesystem::path& db) {
  return json_output(db, {"runs", "--json"});
}

inline nlohmann::json journal_json(const std::filesystem::path& db) {
  return json_output(db, {"journal", "list", "--json"});
}

// doctor --json; REQUIRES a healthy database (integrity_check "ok"); returns
// its row counts.
inline nlohmann::json healthy_counts(const std::filesystem::path& db) {
  const auto doc = json_output(db, {"doctor", "--json"});
  REQUIRE(doc["integrity"] == nlohmann::json::array({"ok"}));
  REQUIRE(doc["healthy"] == true);
  return doc["row_counts"];
}

// One database ("runload.db") in its own temporary folder.
class CliDatabase {
 public:
  const TempDir& dir() const { return m_dir; }
  std::filesystem::path path() const { return m_dir / "runload.db"; }

  RunResult run(std::vector<std::string> args, const RunOptions& options = {}) const {
    return run_runload(with_db(path(), std::move(args)), options);
  }
  nlohmann::json runs() const { return runs_json(path()); }
  nlohmann::json journal() const { return journal_json(path()); }
  nlohmann::json counts() const { return healthy_counts(path()); }

 private:
  TempDir m_dir;
};

}  // namespace runload::test
