#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("e2e delete-all: nothing without --yes, then the database and its files, named",
          "[e2e][cli][delete]") {
  TempDir dir;
  const auto db = (dir / "r.db").string();
  auto r = run_runload({"--db", db, "delete-all", "--yes"});
  CHECK(r.exit_code == 3);  // no database: nothing to remove, and none created
  CHECK_FALSE(fs::exists(db));

  REQUIRE(run_runload({"--db", db, "--tz", "UTC", "journal", "--stiffness", "2"}).exit_code == 0);
  r = run_runload({"--db", db, "delete-all"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("add --yes"));
  CHECK(fs::exists(db));
  r = run_runload({"--db", db, "--athlete", "ann", "delete-all", "--yes"});
  CHECK(r.exit_code == 2);
  CHECK(fs::exists(db));

  r = run_runload({"--db", db, "delete-all", "--yes"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("removed " + db + "\n"));
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) CHECK_FALSE(fs::exists(db + suffix));
}

TEST_CASE("e2e delete-all: a file that is not a runload database is never removed",
          "[e2e][cli][delete]") {
  TempDir dir;
  const auto other = dir.write("notes.db", "my own notes, not a database\n");
  const auto r = run_runload({"--db", other.string(), "delete-all", "--yes"});
  CHECK(r.exit_code == 3);
  CHECK(fs::exists(other));
}
