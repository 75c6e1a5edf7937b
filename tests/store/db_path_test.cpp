#include <catch2/catch.hpp>

#include <map>

#include <runload/error.hpp>
#include <runload/store/db_path.hpp>

using runload::store::resolve_db_path;

namespace {

runload::store::EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST_CASE("db_path: --db wins over every variable", "[store][path]") {
  const auto env = env_of({{"RUNLOAD_DB", "/env.db"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/h"}});
  CHECK(resolve_db_path(std::string("/cli.db"), env) == "/cli.db");
}

TEST_CASE("db_path: RUNLOAD_DB comes before XDG_DATA_HOME", "[store][path]") {
  const auto env = env_of({{"RUNLOAD_DB", "/env.db"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/h"}});
  CHECK(resolve_db_path(std::nullopt, env) == "/env.db");
}

TEST_CASE("db_path: an absolute XDG_DATA_HOME holds runload/runload.db", "[store][path]") {
  const auto env = env_of({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/h"}});
  CHECK(resolve_db_path(std::nullopt, env) == "/xdg/runload/runload.db");
}

TEST_CASE("db_path: a relative XDG_DATA_HOME is ignored", "[store][path]") {
  const auto env = env_of({{"XDG_DATA_HOME", "rel/data"}, {"HOME", "/h"}});
  CHECK(resolve_db_path(std::nullopt, env) == "/h/.local/share/runload/runload.db");
}

TEST_CASE("db_path: an empty RUNLOAD_DB is as good as unset", "[store][path]") {
  const auto env = env_of({{"RUNLOAD_DB", ""}, {"HOME", "/h"}});
  CHECK(resolve_db_path(std::nullopt, env) == "/h/.local/share/runload/runload.db");
}

TEST_CASE("db_path: with nothing to go on it is a usage error", "[store][path]") {
  CHECK_THROWS_AS(resolve_db_path(std::nullopt, env_of({})), runload::UsageError);
}
